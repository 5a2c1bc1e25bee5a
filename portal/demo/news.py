"""Demo news of the ROPS and each OWES, the organisations page and the RKRES with its groups."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

# slug, organisation slug, days ago, tags, Polish (title, lead), English (title, lead) or None
NEWS = [
    (
        "nabor-zakup-prospoleczny-2026",
        "rops-kielce",
        3,
        ["certyfikat", "zakup prospołeczny"],
        (
            "Rusza nabór do certyfikatu „Zakup Prospołeczny” 2026",
            "Podmioty ekonomii społecznej mogą zgłaszać produkty i usługi do certyfikatu "
            "do 15 grudnia.",
        ),
        (
            "Applications open for the “Zakup Prospołeczny” 2026 certificate",
            "Social-economy entities may submit products and services until 15 December.",
        ),
    ),
    (
        "gala-lider-es-2026",
        "rops-kielce",
        9,
        ["Lider ES", "gala"],
        (
            "Znamy laureatów konkursu Lider Ekonomii Społecznej",
            "Kapituła nagrodziła samorządy, firmy i przedsiębiorstwa społeczne z regionu.",
        ),
        (
            "Winners of the Social Economy Leader competition announced",
            "The jury honoured local governments, businesses and social enterprises of the region.",
        ),
    ),
    (
        "klauzule-spoleczne-szkolenie",
        "rops-kielce",
        16,
        ["zamówienia publiczne", "klauzule społeczne"],
        (
            "Klauzule społeczne w zamówieniach – szkolenie dla samorządów",
            "Jak stosować art. 94 Pzp i kryteria społeczne – materiały ze szkolenia.",
        ),
        (
            "Social clauses in procurement: training for local governments",
            "How to apply Article 94 of the Public Procurement Law: training materials.",
        ),
    ),
    (
        "raport-es-2025",
        "rops-kielce",
        30,
        ["raport", "RKRES"],
        (
            "Raport o stanie ekonomii społecznej w województwie za 2025 r.",
            "RKRES przyjął coroczny raport; w regionie działa ponad 400 PES.",
        ),
        None,
    ),
    (
        "nowa-spoldzielnia-kielce",
        "swietokrzyski-owes",
        5,
        ["spółdzielnia socjalna", "dotacje"],
        (
            "W Kielcach powstała nowa spółdzielnia socjalna",
            "Dzięki wsparciu OWES pięć osób założyło spółdzielnię prowadzącą catering.",
        ),
        (
            "A new social cooperative in Kielce",
            "With the support of the OWES five people set up a catering cooperative.",
        ),
    ),
    (
        "doradztwo-konecki",
        "swietokrzyski-owes",
        21,
        ["doradztwo"],
        (
            "Dyżury doradców OWES w powiecie koneckim",
            "Bezpłatne konsultacje dla organizacji pozarządowych w każdy czwartek.",
        ),
        None,
    ),
    (
        "wizyta-studyjna-pestka",
        "kielecko-ostrowiecki-owes",
        7,
        ["wizyta studyjna"],
        (
            "Wizyta studyjna w przedsiębiorstwach społecznych Sandomierza",
            "Uczestnicy poznali spółdzielnie socjalne prowadzące turystykę i gastronomię.",
        ),
        (
            "Study visit to social enterprises in Sandomierz",
            "Participants met social cooperatives working in tourism and catering.",
        ),
    ),
    (
        "cis-ostrowiec-absolwenci",
        "kielecko-ostrowiecki-owes",
        12,
        ["CIS", "reintegracja"],
        (
            "Absolwenci CIS w Ostrowcu znaleźli pracę",
            "Dwunastu uczestników zakończyło reintegrację i podjęło zatrudnienie.",
        ),
        None,
    ),
    (
        "kiermasz-starachowice",
        "kielecko-ostrowiecki-owes",
        25,
        ["kiermasz"],
        (
            "Kiermasz rękodzieła PES w Starachowicach",
            "Ponad dwadzieścia podmiotów zaprezentowało swoje wyroby.",
        ),
        None,
    ),
    (
        "busko-zaz-ceramika",
        "trzeci-swietokrzyski-owes",
        4,
        ["ZAZ", "rękodzieło"],
        (
            "ZAZ z Buska-Zdroju otwiera pracownię ceramiki",
            "Nowa pracownia da zatrudnienie ośmiu osobom z niepełnosprawnościami.",
        ),
        (
            "Busko-Zdrój ZAZ opens a ceramics workshop",
            "The new workshop will employ eight people with disabilities.",
        ),
    ),
    (
        "dotacje-pinczow",
        "trzeci-swietokrzyski-owes",
        14,
        ["dotacje", "miejsca pracy"],
        (
            "Dotacje na nowe miejsca pracy w przedsiębiorstwach społecznych",
            "Nabór wniosków dla PES z powiatów buskiego, pińczowskiego i kazimierskiego.",
        ),
        None,
    ),
    (
        "dzien-es-uczelnia",
        "trzeci-swietokrzyski-owes",
        40,
        ["edukacja"],
        (
            "Dzień Ekonomii Społecznej na uczelni",
            "Studenci poznali przedsiębiorczość społeczną podczas warsztatów i debaty.",
        ),
        None,
    ),
]

RKRES_GROUPS = [
    (
        "Współpraca nauki, NGO, administracji i biznesu",
        "Łączy uczelnie, organizacje pozarządowe, samorządy i przedsiębiorców wokół ES.",
        ["Politechnika Świętokrzyska", "Świętokrzyska Izba Rzemiosła", "ROPS w Kielcach"],
    ),
    (
        "Współpraca międzyinstytucjonalna",
        "OPS, PCPR, urzędy pracy, organizacje pozarządowe i OWES.",
        ["Wojewódzki Urząd Pracy w Kielcach", "PCPR w Sandomierzu", "MOPR w Kielcach"],
    ),
    (
        "Podmioty reintegracyjne",
        "CIS, KIS, ZAZ i WTZ: zatrudnienie socjalne i rehabilitacja zawodowa.",
        ["CIS w Ostrowcu Świętokrzyskim", "ZAZ w Busku-Zdroju", "WTZ w Pińczowie"],
    ),
    (
        "Współpraca ROPS–OWES",
        "Koordynacja wsparcia i realizacja porozumień ROPS–OWES.",
        ["ROPS w Kielcach", "Świętokrzyski OWES", "Kielecko-Ostrowiecki OWES"],
    ),
]


def minimal_pdf(title: str) -> bytes:
    """A one-page PDF naming the document, so the demo needs no PDF library or download."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def document(title: str):
    """A Wagtail document, made once."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    doc = model(title=title)
    doc.file.save(
        f"{title[:40]}.pdf".replace(" ", "-").replace("/", "-"),
        ContentFile(minimal_pdf(title)),
        save=False,
    )
    doc.save()
    return doc


def load_news(loader, home, home_en, organisations: dict) -> None:
    """News index (pl + en), a dozen news items, the organisations page and the RKRES."""
    from portal.news.models import NewsIndexPage, NewsPage
    from portal.organisations.models import OrganisationIndexPage, RkresPage, ThematicGroup

    english = Locale.objects.get(language_code="en")
    index = _child(home, NewsIndexPage, "aktualnosci", "Aktualności")
    loader.publish(index, {"title": "Aktualności", "show_in_menus": True})
    loader.translation(index, english, "news", {"title": "News", "show_in_menus": True})
    today = timezone.localdate()
    for slug, org_slug, days_ago, tags, polish, english_fields in NEWS:
        page = _child(index, NewsPage, slug, polish[0], lead=polish[1])
        page.requested_by = organisations[org_slug]
        page.date = today - timedelta(days=days_ago)
        page.tags.set(tags)
        loader.publish(
            page,
            {
                "title": polish[0],
                "lead": polish[1],
                "body": [
                    ("paragraph", f"<p>{polish[1]}</p>"),
                ],
            },
        )
        if english_fields:
            loader.translation(
                page,
                english,
                slug,
                {
                    "title": english_fields[0],
                    "lead": english_fields[1],
                    "body": [("paragraph", f"<p>{english_fields[1]}</p>")],
                },
            )

    organisations_page = _child(home, OrganisationIndexPage, "organizacje", "ROPS i OWES")
    loader.publish(organisations_page, {"title": "ROPS i OWES", "show_in_menus": True})
    loader.translation(
        organisations_page,
        english,
        "organisations",
        {"title": "ROPS and OWES", "show_in_menus": True},
    )
    rkres = _child(
        organisations_page, RkresPage, "rkres", "Regionalny Komitet Rozwoju Ekonomii Społecznej"
    )
    rkres.lead = (
        "RKRES opiniuje i koordynuje politykę rozwoju ekonomii społecznej w "
        "województwie świętokrzyskim."
    )
    rkres.documents = [
        (
            "document",
            {
                "kind": "annual_report",
                "title": "",
                "document": document("Raport o stanie ES w województwie 2025"),
            },
        ),
        (
            "document",
            {"kind": "resolution", "title": "", "document": document("Uchwała nr 3/2026 RKRES")},
        ),
    ]
    groups = []
    for order, (name, description, members) in enumerate(RKRES_GROUPS):
        group = ThematicGroup(
            name=name, description=description, members="\n".join(members), sort_order=order
        )
        group.documents = [
            (
                "document",
                {"kind": "minutes", "title": "", "document": document(f"Protokół – {name}")},
            )
        ]
        groups.append(group)
    rkres.thematic_groups = groups
    loader.publish(rkres, {"title": "Regionalny Komitet Rozwoju Ekonomii Społecznej"})


def _child(parent: Page, model, slug: str, title: str, **fields):
    """The child page with this slug, made (unpublished) if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, title=title, **fields)
        parent.add_child(instance=page)
    return page
