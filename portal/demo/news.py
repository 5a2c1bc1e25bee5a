"""Demo news of the ROPS and each OWES, the organisations page and the RKRES with its groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page

from portal.news.models import NewsIndexPage, NewsPage
from portal.organisations.models import OrganisationIndexPage, RkresPage, ThematicGroup

from .publishing import child_page, document, publish, translation


@dataclass(frozen=True)
class DemoNews:
    """A news item of the ROPS or an OWES, dated `days_ago` before today."""

    slug: str
    organisation: str  # the publishing organisation's slug
    days_ago: int
    tags: tuple[str, ...]
    title: str
    lead: str
    english: tuple[str, str] | None = None  # title, lead


@dataclass(frozen=True)
class DemoThematicGroup:
    """A thematic group of the RKRES and its members."""

    name: str
    description: str
    members: tuple[str, ...]


NEWS: list[DemoNews] = [
    DemoNews(
        slug="nabor-zakup-prospoleczny-2026",
        organisation="rops-kielce",
        days_ago=3,
        tags=("certyfikat", "zakup prospołeczny"),
        title="Rusza nabór do certyfikatu „Zakup Prospołeczny” 2026",
        lead=(
            "Podmioty ekonomii społecznej mogą zgłaszać produkty i usługi do certyfikatu "
            "do 15 grudnia."
        ),
        english=(
            "Applications open for the “Zakup Prospołeczny” 2026 certificate",
            "Social-economy entities may submit products and services until 15 December.",
        ),
    ),
    DemoNews(
        slug="gala-lider-es-2026",
        organisation="rops-kielce",
        days_ago=9,
        tags=("Lider ES", "gala"),
        title="Znamy laureatów konkursu Lider Ekonomii Społecznej",
        lead="Kapituła nagrodziła samorządy, firmy i przedsiębiorstwa społeczne z regionu.",
        english=(
            "Winners of the Social Economy Leader competition announced",
            "The jury honoured local governments, businesses and social enterprises of the region.",
        ),
    ),
    DemoNews(
        slug="klauzule-spoleczne-szkolenie",
        organisation="rops-kielce",
        days_ago=16,
        tags=("zamówienia publiczne", "klauzule społeczne"),
        title="Klauzule społeczne w zamówieniach – szkolenie dla samorządów",
        lead="Jak stosować art. 94 Pzp i kryteria społeczne – materiały ze szkolenia.",
        english=(
            "Social clauses in procurement: training for local governments",
            "How to apply Article 94 of the Public Procurement Law: training materials.",
        ),
    ),
    DemoNews(
        slug="raport-es-2025",
        organisation="rops-kielce",
        days_ago=30,
        tags=("raport", "RKRES"),
        title="Raport o stanie ekonomii społecznej w województwie za 2025 r.",
        lead="RKRES przyjął coroczny raport; w regionie działa ponad 400 PES.",
        english=None,
    ),
    DemoNews(
        slug="nowa-spoldzielnia-kielce",
        organisation="swietokrzyski-owes",
        days_ago=5,
        tags=("spółdzielnia socjalna", "dotacje"),
        title="W Kielcach powstała nowa spółdzielnia socjalna",
        lead="Dzięki wsparciu OWES pięć osób założyło spółdzielnię prowadzącą catering.",
        english=(
            "A new social cooperative in Kielce",
            "With the support of the OWES five people set up a catering cooperative.",
        ),
    ),
    DemoNews(
        slug="doradztwo-konecki",
        organisation="swietokrzyski-owes",
        days_ago=21,
        tags=("doradztwo",),
        title="Dyżury doradców OWES w powiecie koneckim",
        lead="Bezpłatne konsultacje dla organizacji pozarządowych w każdy czwartek.",
        english=None,
    ),
    DemoNews(
        slug="wizyta-studyjna-pestka",
        organisation="kielecko-ostrowiecki-owes",
        days_ago=7,
        tags=("wizyta studyjna",),
        title="Wizyta studyjna w przedsiębiorstwach społecznych Sandomierza",
        lead="Uczestnicy poznali spółdzielnie socjalne prowadzące turystykę i gastronomię.",
        english=(
            "Study visit to social enterprises in Sandomierz",
            "Participants met social cooperatives working in tourism and catering.",
        ),
    ),
    DemoNews(
        slug="cis-ostrowiec-absolwenci",
        organisation="kielecko-ostrowiecki-owes",
        days_ago=12,
        tags=("CIS", "reintegracja"),
        title="Absolwenci CIS w Ostrowcu znaleźli pracę",
        lead="Dwunastu uczestników zakończyło reintegrację i podjęło zatrudnienie.",
        english=None,
    ),
    DemoNews(
        slug="kiermasz-starachowice",
        organisation="kielecko-ostrowiecki-owes",
        days_ago=25,
        tags=("kiermasz",),
        title="Kiermasz rękodzieła PES w Starachowicach",
        lead="Ponad dwadzieścia podmiotów zaprezentowało swoje wyroby.",
        english=None,
    ),
    DemoNews(
        slug="busko-zaz-ceramika",
        organisation="trzeci-swietokrzyski-owes",
        days_ago=4,
        tags=("ZAZ", "rękodzieło"),
        title="ZAZ z Buska-Zdroju otwiera pracownię ceramiki",
        lead="Nowa pracownia da zatrudnienie ośmiu osobom z niepełnosprawnościami.",
        english=(
            "Busko-Zdrój ZAZ opens a ceramics workshop",
            "The new workshop will employ eight people with disabilities.",
        ),
    ),
    DemoNews(
        slug="dotacje-pinczow",
        organisation="trzeci-swietokrzyski-owes",
        days_ago=14,
        tags=("dotacje", "miejsca pracy"),
        title="Dotacje na nowe miejsca pracy w przedsiębiorstwach społecznych",
        lead="Nabór wniosków dla PES z powiatów buskiego, pińczowskiego i kazimierskiego.",
        english=None,
    ),
    DemoNews(
        slug="dzien-es-uczelnia",
        organisation="trzeci-swietokrzyski-owes",
        days_ago=40,
        tags=("edukacja",),
        title="Dzień Ekonomii Społecznej na uczelni",
        lead="Studenci poznali przedsiębiorczość społeczną podczas warsztatów i debaty.",
        english=None,
    ),
]

RKRES_GROUPS: list[DemoThematicGroup] = [
    DemoThematicGroup(
        name="Współpraca nauki, NGO, administracji i biznesu",
        description=(
            "Łączy uczelnie, organizacje pozarządowe, samorządy i przedsiębiorców wokół ES."
        ),
        members=("Politechnika Świętokrzyska", "Świętokrzyska Izba Rzemiosła", "ROPS w Kielcach"),
    ),
    DemoThematicGroup(
        name="Współpraca międzyinstytucjonalna",
        description="OPS, PCPR, urzędy pracy, organizacje pozarządowe i OWES.",
        members=("Wojewódzki Urząd Pracy w Kielcach", "PCPR w Sandomierzu", "MOPR w Kielcach"),
    ),
    DemoThematicGroup(
        name="Podmioty reintegracyjne",
        description="CIS, KIS, ZAZ i WTZ: zatrudnienie socjalne i rehabilitacja zawodowa.",
        members=("CIS w Ostrowcu Świętokrzyskim", "ZAZ w Busku-Zdroju", "WTZ w Pińczowie"),
    ),
    DemoThematicGroup(
        name="Współpraca ROPS–OWES",
        description="Koordynacja wsparcia i realizacja porozumień ROPS–OWES.",
        members=("ROPS w Kielcach", "Świętokrzyski OWES", "Kielecko-Ostrowiecki OWES"),
    ),
]


def load_news(home: Page, home_en: Page, organisations: dict) -> None:
    """News index (pl + en), a dozen news items, the organisations page and the RKRES."""
    english = Locale.objects.get(language_code="en")
    index = child_page(home, NewsIndexPage, "aktualnosci", "Aktualności")
    publish(index, {"title": "Aktualności", "show_in_menus": True})
    translation(index, english, "news", {"title": "News", "show_in_menus": True})
    today = timezone.localdate()
    for item in NEWS:
        page = child_page(index, NewsPage, item.slug, item.title, lead=item.lead)
        page.requested_by = organisations[item.organisation]
        page.date = today - timedelta(days=item.days_ago)
        page.tags.set(item.tags)
        publish(
            page,
            {
                "title": item.title,
                "lead": item.lead,
                "body": [("paragraph", f"<p>{item.lead}</p>")],
            },
        )
        if item.english:
            title, lead = item.english
            translation(
                page,
                english,
                item.slug,
                {"title": title, "lead": lead, "body": [("paragraph", f"<p>{lead}</p>")]},
            )

    organisations_page = child_page(home, OrganisationIndexPage, "organizacje", "ROPS i OWES")
    publish(organisations_page, {"title": "ROPS i OWES", "show_in_menus": True})
    translation(
        organisations_page,
        english,
        "organisations",
        {"title": "ROPS and OWES", "show_in_menus": True},
    )
    rkres = child_page(
        organisations_page, RkresPage, "rkres", "Regionalny Komitet Rozwoju Ekonomii Społecznej"
    )
    rkres.lead = (
        "RKRES opiniuje i koordynuje politykę rozwoju ekonomii społecznej w "
        "województwie świętokrzyskim."
    )
    # The annual report's PDF is added by `annual_report.load_annual_report`, which makes it.
    rkres.documents = [
        (
            "document",
            {"kind": "resolution", "title": "", "document": document("Uchwała nr 3/2026 RKRES")},
        ),
    ]
    groups = []
    for order, item in enumerate(RKRES_GROUPS):
        group = ThematicGroup(
            name=item.name,
            description=item.description,
            members="\n".join(item.members),
            sort_order=order,
        )
        group.documents = [
            (
                "document",
                {"kind": "minutes", "title": "", "document": document(f"Protokół – {item.name}")},
            )
        ]
        groups.append(group)
    rkres.thematic_groups = groups
    publish(rkres, {"title": "Regionalny Komitet Rozwoju Ekonomii Społecznej"})
