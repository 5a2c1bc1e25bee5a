"""Demo: the published annual report on the social economy for 2025, under the RKRES page.

Publishing it (once) freezes the demo's figures, makes the PDF and lists it on the RKRES page,
as a ROPS publication would. Run again, it changes nothing: an existing report is neither
republished nor regenerated; its PDF is only listed again on the RKRES page if the newsroom
demo rewrote that page's documents.
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Locale

from portal.organisations.models import RkresPage
from portal.statistics.models import AnnualReportPage
from portal.statistics.report import attach_to_rkres

YEAR = 2025
TITLE = f"Raport o stanie ekonomii społecznej w województwie świętokrzyskim za rok {YEAR}"
LEAD = (
    "Roczne podsumowanie rozwoju ekonomii społecznej w regionie: podmioty ekonomii społecznej, "
    "wsparcie ośrodków wsparcia ekonomii społecznej, zakupy społecznie odpowiedzialne oraz "
    "rekomendacje dla Regionalnego Komitetu Rozwoju Ekonomii Społecznej."
)


def _section(heading: str, *paragraphs: str) -> tuple[str, dict]:
    return ("section", {"heading": heading, "text": "".join(f"<p>{p}</p>" for p in paragraphs)})


def _figures(slug: str) -> tuple[str, dict]:
    return ("figures", {"table": slug})


BODY = [
    _section(
        "Wprowadzenie",
        "Raport przygotował Regionalny Ośrodek Polityki Społecznej w Kielcach na podstawie "
        "ustawy z dnia 5 sierpnia 2022 r. o ekonomii społecznej oraz Regionalnego Programu "
        "Rozwoju Ekonomii Społecznej. Przedstawia stan sektora na koniec roku i zmiany, jakie "
        "zaszły w nim w ciągu ostatnich lat.",
        "Dane pochodzą z portalu ekonomii społecznej: z bazy podmiotów ekonomii społecznej "
        "prowadzonej wspólnie przez ROPS i ośrodki wsparcia, ze sklepu z produktami i usługami "
        "PES, z tablicy ogłoszeń o zamówieniach z klauzulami społecznymi oraz ze sprawozdań "
        "OWES. Grupy liczące mniej niż pięć podmiotów nie są pokazywane, aby nie ujawniać "
        "danych pojedynczych organizacji.",
    ),
    _figures("pes-by-powiat"),
    _figures("pes-by-subregion"),
    _section(
        "Sektor podmiotów ekonomii społecznej",
        "Najliczniejszą grupę podmiotów nadal stanowią stowarzyszenia i fundacje prowadzące "
        "działalność gospodarczą lub odpłatną działalność pożytku publicznego. Rośnie liczba "
        "spółdzielni socjalnych, zwłaszcza zakładanych przez osoby prawne – gminy i "
        "organizacje pozarządowe – w powiatach o wyższym bezrobociu.",
        "Status przedsiębiorstwa społecznego, przyznawany przez Wojewodę, daje dostęp do "
        "preferencji w zamówieniach i do dotacji na tworzenie miejsc pracy. Liczba "
        "przedsiębiorstw społecznych powinna rosnąć szybciej niż liczba wszystkich PES – to "
        "jeden z mierników Regionalnego Programu.",
    ),
    _figures("pes-by-legal-form"),
    _figures("pes-status"),
    _section(
        "Wsparcie ośrodków wsparcia ekonomii społecznej",
        "W województwie działają trzy akredytowane ośrodki wsparcia ekonomii społecznej, każdy "
        "w swoim subregionie. Udzielają doradztwa, szkoleń i dotacji na utworzenie miejsc pracy, "
        "a także wspierają gminy w zlecaniu zadań i zakupach od PES.",
        "Ośrodki raportują do ROPS wskaźniki realizacji zadań; poniżej zestawiono je dla "
        "całego regionu. Certyfikat „Zakup Prospołeczny” oraz konkurs „Lider Ekonomii "
        "Społecznej” pokazują, że współpraca z samorządami i biznesem przynosi efekty.",
    ),
    _figures("owes-indicators"),
    _figures("certificates"),
    _section(
        "Zakupy społecznie odpowiedzialne i sklep z produktami PES",
        "Sklep na portalu pozwala mieszkańcom, firmom i instytucjom kupować produkty i usługi "
        "podmiotów ekonomii społecznej bez pośredników. Zamówienia zamawiających publicznych "
        "wymagają jeszcze upowszechnienia – większość z nich to zakupy poniżej progu "
        "stosowania ustawy Prawo zamówień publicznych.",
        "Na tablicy ogłoszeń zamawiający publikują zamówienia zastrzeżone i zamówienia z "
        "klauzulami społecznymi. Z roku na rok rośnie ich liczba i wartość, choć nadal "
        "koncentrują się w kilku gminach.",
    ),
    _figures("orders-by-year"),
    _figures("procurement-by-year"),
    _section(
        "Wnioski i rekomendacje dla RKRES",
        "Komitet powinien rekomendować samorządom gminnym i powiatowym stosowanie klauzul "
        "społecznych i zamówień zastrzeżonych w zakupach usług cateringowych, porządkowych i "
        "remontowych, w których PES z regionu mają największe doświadczenie.",
        "Rekomenduje się, aby ośrodki wsparcia skupiły się na przekształcaniu PES w "
        "przedsiębiorstwa społeczne oraz na wsparciu w powiatach, w których liczba podmiotów "
        "jest najniższa. ROPS będzie monitorował te wskaźniki w kolejnym raporcie.",
    ),
]


def load_annual_report(say: Callable[[str], None]) -> None:
    """The 2025 report, published once; the rest of the demo (RKRES page, PES) must exist."""
    locale = Locale.objects.get(language_code="pl")
    rkres = RkresPage.objects.filter(locale=locale).first()
    if rkres is None:
        say("annual report: no RKRES page, skipped")
        return
    page = AnnualReportPage.objects.filter(year=YEAR, locale=locale).first()
    if page is None:
        page = AnnualReportPage(
            title=TITLE,
            draft_title=TITLE,
            slug=f"raport-{YEAR}",
            year=YEAR,
            region="województwo świętokrzyskie",
            lead=LEAD,
            body=BODY,
            live=False,
        )
        rkres.add_child(instance=page)
        page.save_revision().publish()
        page = AnnualReportPage.objects.get(pk=page.pk)
        say(f"annual report {YEAR}: published, figures frozen, PDF on the RKRES page")
        return
    if page.pdf_id is not None and attach_to_rkres(page, page.pdf):
        say(f"annual report {YEAR}: PDF listed again on the RKRES page")
