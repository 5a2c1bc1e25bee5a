"""The rest of the demo region's social economy: about seventy PES that do not sell in the shop.

The 29 selling PES alone are too few for the public statistics, which hide every group of fewer
than five PES: a real region has a few hundred. These PES only stand in the PES database, in
every powiat (at least five each, the larger powiats eight to twelve), in most legal forms, with
founding years over 2008–2026, some with the PS status or a "Zakup Prospołeczny" certificate.
Every value comes from the PES's place in the list (no randomness); keyed on the partner's code
and the certificate's sequence, so loading again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate, today_in_poland
from marketplace.partner.models import ActivityField, LegalForm, ReintegrationType
from portal.organisations.models import Organisation, Powiat

from . import region
from .directory import ACTIVITY_FIELDS, REINTEGRATION_BY_FORM
from .identifiers import demo_iban, demo_krs, demo_nip, demo_regon

Partner = get_model("partner", "Partner")

# The identifiers' series of these PES: 1–29 are the selling PES, 103–108 and 150 stand for new
# PES in the import's sample and tests, 901– are the procurement buyers.
FIRST_NUMBER = 201

SC = LegalForm.SOCIAL_COOPERATIVE
FOUNDATION = LegalForm.FOUNDATION
ASSOCIATION = LegalForm.ASSOCIATION
NON_PROFIT = LegalForm.NON_PROFIT_COMPANY
CIS, KIS, ZAZ, WTZ = LegalForm.CIS, LegalForm.KIS, LegalForm.ZAZ, LegalForm.WTZ
# Forms without a KRS entry of their own (units of a gmina or run by another body).
WITHOUT_KRS = {CIS, KIS, WTZ}
# Forms that may hold the social enterprise (PS) status.
MAY_BE_PS = {SC, FOUNDATION, ASSOCIATION, NON_PROFIT}


@dataclass(frozen=True)
class SectorPes:
    """A PES of the database only: code (also its e-mail domain), name, form, powiat, town."""

    slug: str
    name: str
    legal_form: str
    powiat: str
    city: str


def _pes(slug: str, name: str, form: str, powiat: str, city: str) -> SectorPes:
    return SectorPes(slug, name, form, powiat, city)


SECTOR_PES: list[SectorPes] = [
    # Kielce (city with powiat rights): 9 more, 12 in all
    _pes("ss-kuznia-smaku", "Spółdzielnia Socjalna „Kuźnia Smaku”", SC, "kielce", "Kielce"),
    _pes("ss-czysty-dom", "Spółdzielnia Socjalna „Czysty Dom”", SC, "kielce", "Kielce"),
    _pes("cis-kielce", "Centrum Integracji Społecznej w Kielcach", CIS, "kielce", "Kielce"),
    _pes("zaz-kielce", "Zakład Aktywności Zawodowej w Kielcach", ZAZ, "kielce", "Kielce"),
    _pes("fundacja-jestem", "Fundacja „Jestem”", FOUNDATION, "kielce", "Kielce"),
    _pes("fundacja-mosty", "Fundacja „Mosty Pokoleń”", FOUNDATION, "kielce", "Kielce"),
    _pes("stow-razem-kielce", "Stowarzyszenie „Razem dla Kielc”", ASSOCIATION, "kielce", "Kielce"),
    _pes(
        "kielecka-pracownia",
        "Kielecka Pracownia Społeczna sp. z o.o. non-profit",
        NON_PROFIT,
        "kielce",
        "Kielce",
    ),
    _pes("ss-bialy-zagiel", "Spółdzielnia Socjalna „Biały Żagiel”", SC, "kielce", "Kielce"),
    # powiat kielecki: 8 more, 11 in all
    _pes(
        "ss-checinski-gosciniec",
        "Spółdzielnia Socjalna „Chęciński Gościniec”",
        SC,
        "kielecki",
        "Chęciny",
    ),
    _pes("cis-morawica", "Centrum Integracji Społecznej w Morawicy", CIS, "kielecki", "Morawica"),
    _pes(
        "ss-bodzentynskie-smaki",
        "Spółdzielnia Socjalna „Bodzentyńskie Smaki”",
        SC,
        "kielecki",
        "Bodzentyn",
    ),
    _pes("fundacja-dolina-nidy", "Fundacja „Dolina Nidy”", FOUNDATION, "kielecki", "Chmielnik"),
    _pes(
        "stow-piekoszow",
        "Stowarzyszenie Rozwoju Gminy Piekoszów",
        ASSOCIATION,
        "kielecki",
        "Piekoszów",
    ),
    _pes("kis-maslow", "Klub Integracji Społecznej w Masłowie", KIS, "kielecki", "Masłów"),
    _pes("wtz-lopuszno", "Warsztat Terapii Zajęciowej w Łopusznie", WTZ, "kielecki", "Łopuszno"),
    _pes("ss-zagnanski-dab", "Spółdzielnia Socjalna „Zagnański Dąb”", SC, "kielecki", "Zagnańsk"),
    # powiat ostrowiecki: 7 more, 9 in all
    _pes(
        "cis-ostrowiec",
        "Centrum Integracji Społecznej w Ostrowcu Świętokrzyskim",
        CIS,
        "ostrowiecki",
        "Ostrowiec Świętokrzyski",
    ),
    _pes(
        "ss-hutnicza",
        "Spółdzielnia Socjalna „Hutnicza”",
        SC,
        "ostrowiecki",
        "Ostrowiec Świętokrzyski",
    ),
    _pes("fundacja-krzemionki", "Fundacja „Krzemionki”", FOUNDATION, "ostrowiecki", "Bodzechów"),
    _pes("stow-kunow", "Stowarzyszenie „Nasz Kunów”", ASSOCIATION, "ostrowiecki", "Kunów"),
    _pes(
        "ss-wasniowskie-pola",
        "Spółdzielnia Socjalna „Waśniowskie Pola”",
        SC,
        "ostrowiecki",
        "Waśniów",
    ),
    _pes(
        "ostrowieckie-centrum-uslug",
        "Ostrowieckie Centrum Usług Społecznych sp. z o.o. non-profit",
        NON_PROFIT,
        "ostrowiecki",
        "Ostrowiec Świętokrzyski",
    ),
    _pes("zaz-kunow", "Zakład Aktywności Zawodowej w Kunowie", ZAZ, "ostrowiecki", "Kunów"),
    # powiat starachowicki: 7 more, 9 in all
    _pes(
        "cis-starachowice",
        "Centrum Integracji Społecznej w Starachowicach",
        CIS,
        "starachowicki",
        "Starachowice",
    ),
    _pes(
        "ss-star-serwis", "Spółdzielnia Socjalna „Star-Serwis”", SC, "starachowicki", "Starachowice"
    ),
    _pes("fundacja-wachock", "Fundacja „Opactwo i Ludzie”", FOUNDATION, "starachowicki", "Wąchock"),
    _pes("stow-brody", "Stowarzyszenie „Iłżecka Kotlina”", ASSOCIATION, "starachowicki", "Brody"),
    _pes("kis-mirzec", "Klub Integracji Społecznej w Mircu", KIS, "starachowicki", "Mirzec"),
    _pes(
        "ss-pawlowskie-ogrody",
        "Spółdzielnia Socjalna „Pawłowskie Ogrody”",
        SC,
        "starachowicki",
        "Pawłów",
    ),
    _pes(
        "stow-starachowice-aktywni",
        "Stowarzyszenie „Aktywni Starachowice”",
        ASSOCIATION,
        "starachowicki",
        "Starachowice",
    ),
    # powiat skarżyski: 7 more, 9 in all
    _pes(
        "ss-kamienna-dolina",
        "Spółdzielnia Socjalna „Kamienna Dolina”",
        SC,
        "skarzyski",
        "Skarżysko-Kamienna",
    ),
    _pes(
        "zaz-skarzysko",
        "Zakład Aktywności Zawodowej w Skarżysku-Kamiennej",
        ZAZ,
        "skarzyski",
        "Skarżysko-Kamienna",
    ),
    _pes(
        "fundacja-suchedniow",
        "Fundacja „Zielony Suchedniów”",
        FOUNDATION,
        "skarzyski",
        "Suchedniów",
    ),
    _pes("stow-blizyn", "Stowarzyszenie „Bliżyn Razem”", ASSOCIATION, "skarzyski", "Bliżyn"),
    _pes("kis-laczna", "Klub Integracji Społecznej w Łącznej", KIS, "skarzyski", "Łączna"),
    _pes(
        "ss-bialy-orzel",
        "Spółdzielnia Socjalna „Biały Orzeł”",
        SC,
        "skarzyski",
        "Skarżysko-Kamienna",
    ),
    _pes(
        "skarzyskie-uslugi",
        "Skarżyskie Usługi Komunalne sp. z o.o. non-profit",
        NON_PROFIT,
        "skarzyski",
        "Skarżysko-Kamienna",
    ),
    # powiat buski: 4 more, 6 in all
    _pes("cis-stopnica", "Centrum Integracji Społecznej w Stopnicy", CIS, "buski", "Stopnica"),
    _pes("ss-solankowa", "Spółdzielnia Socjalna „Solankowa”", SC, "buski", "Solec-Zdrój"),
    _pes("stow-wislica", "Stowarzyszenie „Wiślickie Dziedzictwo”", ASSOCIATION, "buski", "Wiślica"),
    _pes("fundacja-stopnica", "Fundacja „Ponidzie Bez Barier”", FOUNDATION, "buski", "Stopnica"),
    # powiat jędrzejowski: 4 more, 6 in all
    _pes(
        "cis-jedrzejow",
        "Centrum Integracji Społecznej w Jędrzejowie",
        CIS,
        "jedrzejowski",
        "Jędrzejów",
    ),
    _pes(
        "ss-malogoskie-wapienie",
        "Spółdzielnia Socjalna „Małogoskie Wapienie”",
        SC,
        "jedrzejowski",
        "Małogoszcz",
    ),
    _pes(
        "stow-wodzislaw",
        "Stowarzyszenie „Wodzisławska Wspólnota”",
        ASSOCIATION,
        "jedrzejowski",
        "Wodzisław",
    ),
    _pes("fundacja-naglowice", "Fundacja „Dwór Reja”", FOUNDATION, "jedrzejowski", "Nagłowice"),
    # powiat kazimierski: 4 more, 6 in all
    _pes(
        "ss-kazimierskie-pola",
        "Spółdzielnia Socjalna „Kazimierskie Pola”",
        SC,
        "kazimierski",
        "Kazimierza Wielka",
    ),
    _pes(
        "kis-kazimierza",
        "Klub Integracji Społecznej w Kazimierzy Wielkiej",
        KIS,
        "kazimierski",
        "Kazimierza Wielka",
    ),
    _pes(
        "stow-opatowiec",
        "Stowarzyszenie „Nadwiślański Opatowiec”",
        ASSOCIATION,
        "kazimierski",
        "Opatowiec",
    ),
    _pes("fundacja-bejsce", "Fundacja „Ziemia Bejska”", FOUNDATION, "kazimierski", "Bejsce"),
    # powiat konecki: 4 more, 6 in all
    _pes(
        "ss-koneckie-kuchnie", "Spółdzielnia Socjalna „Koneckie Kuchnie”", SC, "konecki", "Końskie"
    ),
    _pes("wtz-radoszyce", "Warsztat Terapii Zajęciowej w Radoszycach", WTZ, "konecki", "Radoszyce"),
    _pes(
        "stow-gowarczow",
        "Stowarzyszenie „Gowarczów dla Przyszłości”",
        ASSOCIATION,
        "konecki",
        "Gowarczów",
    ),
    _pes("fundacja-konskie", "Fundacja „Park Tarnowskich”", FOUNDATION, "konecki", "Końskie"),
    # powiat opatowski: 4 more, 6 in all
    _pes("cis-opatow", "Centrum Integracji Społecznej w Opatowie", CIS, "opatowski", "Opatów"),
    _pes(
        "ss-ozarowskie-ogrody",
        "Spółdzielnia Socjalna „Ożarowskie Ogrody”",
        SC,
        "opatowski",
        "Ożarów",
    ),
    _pes("stow-iwaniska", "Stowarzyszenie „Iwaniska Razem”", ASSOCIATION, "opatowski", "Iwaniska"),
    _pes("fundacja-lipnik", "Fundacja „Sadownicza Ziemia”", FOUNDATION, "opatowski", "Lipnik"),
    # powiat pińczowski: 5 more, 7 in all (one of its PES began this year)
    _pes("cis-pinczow", "Centrum Integracji Społecznej w Pińczowie", CIS, "pinczowski", "Pińczów"),
    _pes(
        "ss-mirowska-ceramika",
        "Spółdzielnia Socjalna „Mirowska Ceramika”",
        SC,
        "pinczowski",
        "Pińczów",
    ),
    _pes("stow-kije", "Stowarzyszenie „Kijowska Wspólnota”", ASSOCIATION, "pinczowski", "Kije"),
    _pes(
        "fundacja-michalow", "Fundacja „Michałowskie Źródła”", FOUNDATION, "pinczowski", "Michałów"
    ),
    _pes("ss-zlota-nida", "Spółdzielnia Socjalna „Złota Nida”", SC, "pinczowski", "Złota"),
    # powiat sandomierski: 4 more, 6 in all
    _pes(
        "cis-sandomierz",
        "Centrum Integracji Społecznej w Sandomierzu",
        CIS,
        "sandomierski",
        "Sandomierz",
    ),
    _pes(
        "ss-zawichojskie-sady",
        "Spółdzielnia Socjalna „Zawichojskie Sady”",
        SC,
        "sandomierski",
        "Zawichost",
    ),
    _pes(
        "stow-klimontow",
        "Stowarzyszenie „Klimontowska Inicjatywa”",
        ASSOCIATION,
        "sandomierski",
        "Klimontów",
    ),
    _pes(
        "sandomierskie-centrum",
        "Sandomierskie Centrum Aktywności sp. z o.o. non-profit",
        NON_PROFIT,
        "sandomierski",
        "Sandomierz",
    ),
    # powiat staszowski: 4 more, 6 in all
    _pes("cis-staszow", "Centrum Integracji Społecznej w Staszowie", CIS, "staszowski", "Staszów"),
    _pes(
        "ss-polaniecka", "Spółdzielnia Socjalna „Połaniecka Energia”", SC, "staszowski", "Połaniec"
    ),
    _pes(
        "stow-rytwiany",
        "Stowarzyszenie „Rytwiańska Puszcza”",
        ASSOCIATION,
        "staszowski",
        "Rytwiany",
    ),
    _pes("kis-osiek", "Klub Integracji Społecznej w Osieku", KIS, "staszowski", "Osiek"),
    # powiat włoszczowski: 4 more, 6 in all
    _pes(
        "ss-wloszczowskie-smaki",
        "Spółdzielnia Socjalna „Włoszczowskie Smaki”",
        SC,
        "wloszczowski",
        "Włoszczowa",
    ),
    _pes(
        "zaz-wloszczowa",
        "Zakład Aktywności Zawodowej we Włoszczowie",
        ZAZ,
        "wloszczowski",
        "Włoszczowa",
    ),
    _pes(
        "stow-kluczewsko",
        "Stowarzyszenie „Kluczewskie Lasy”",
        ASSOCIATION,
        "wloszczowski",
        "Kluczewsko",
    ),
    _pes(
        "fundacja-krasocin",
        "Fundacja „Krasocińska Przystań”",
        FOUNDATION,
        "wloszczowski",
        "Krasocin",
    ),
]

# Began this year (in powiats with PES enough without them): the current year has new PES too.
RECENT: dict[str, tuple[int, int]] = {
    "ss-bialy-zagiel": (2, 3),
    "stow-starachowice-aktywni": (4, 14),
    "skarzyskie-uslugi": (6, 1),
}

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    SC: (
        "Spółdzielnia socjalna z siedzibą w miejscowości {city}: usługi dla mieszkańców, firm "
        "i samorządów.",
        "Daje stałą pracę osobom długotrwale bezrobotnym i z niepełnosprawnościami.",
    ),
    FOUNDATION: (
        "Fundacja działająca w miejscowości {city} i okolicy: prowadzi działalność odpłatną "
        "i gospodarczą na rzecz swoich celów statutowych.",
        "Wspiera osoby zagrożone wykluczeniem społecznym i ich rodziny.",
    ),
    ASSOCIATION: (
        "Stowarzyszenie mieszkańców z miejscowości {city}: animacja lokalna, usługi "
        "i wydarzenia dla społeczności.",
        "Buduje wspólnotę lokalną i aktywizuje osoby starsze, młodzież i bezrobotnych.",
    ),
    NON_PROFIT: (
        "Spółka non-profit z siedzibą w miejscowości {city}: cały zysk przeznacza na cele "
        "społeczne.",
        "Zatrudnia osoby z niepełnosprawnościami i po kryzysach życiowych.",
    ),
    CIS: (
        "Centrum integracji społecznej w miejscowości {city}: warsztaty zawodowe, prace "
        "społecznie użyteczne i wsparcie psychologiczne.",
        "Przywraca do pracy i życia społecznego osoby bezdomne, uzależnione i długotrwale "
        "bezrobotne.",
    ),
    KIS: (
        "Klub integracji społecznej w miejscowości {city}: grupy wsparcia, doradztwo "
        "i prace społecznie użyteczne.",
        "Pomaga osobom zagrożonym wykluczeniem odbudować kontakty i wrócić na rynek pracy.",
    ),
    ZAZ: (
        "Zakład aktywności zawodowej w miejscowości {city}: usługi i produkcja w pracowniach "
        "z rehabilitacją zawodową.",
        "Zatrudnia osoby ze znacznym i umiarkowanym stopniem niepełnosprawności.",
    ),
    WTZ: (
        "Warsztat terapii zajęciowej w miejscowości {city}: pracownie rękodzieła, kulinarna, "
        "ogrodnicza i komputerowa.",
        "Przygotowuje osoby z niepełnosprawnościami do samodzielnego życia i pracy.",
    ),
}

# Who may say which fields of activity: a CIS works in trades, a foundation also educates…
FIELDS_BY_FORM: dict[str, list[str]] = {
    SC: [
        "gastronomia-i-catering",
        "sprzatanie",
        "budownictwo-i-remonty",
        "zielen-i-ogrodnictwo",
        "produkcja-zywnosci",
        "transport-i-przeprowadzki",
        "poligrafia-i-uslugi-biurowe",
    ],
    FOUNDATION: ["edukacja-i-szkolenia", "uslugi-opiekuncze", "turystyka-i-noclegi"],
    ASSOCIATION: ["edukacja-i-szkolenia", "turystyka-i-noclegi", "rekodzielo-i-pamiatki"],
    NON_PROFIT: ["sprzatanie", "uslugi-opiekuncze", "zielen-i-ogrodnictwo"],
    CIS: ["budownictwo-i-remonty", "zielen-i-ogrodnictwo", "transport-i-przeprowadzki"],
    KIS: ["sprzatanie", "transport-i-przeprowadzki"],
    ZAZ: ["gastronomia-i-catering", "szycie-i-krawiectwo", "poligrafia-i-uslugi-biurowe"],
    WTZ: ["rekodzielo-i-pamiatki", "szycie-i-krawiectwo"],
}

# Certificate holders: each renews its one-year certificate on the same day every year, from
# two years ago on, so it holds a valid one at the end of each of the last two years and today.
CERTIFIED: list[tuple[str, int, int]] = [  # (code, month, day of the yearly renewal)
    ("ss-kuznia-smaku", 3, 12),
    ("cis-ostrowiec", 5, 20),
    ("ss-kamienna-dolina", 2, 7),
    ("zaz-kielce", 9, 15),
    ("ss-solankowa", 6, 3),
    ("fundacja-mosty", 11, 25),
]
FIRST_SEQUENCE = 101  # ZP/<year>/0101… (the other demo certificates use 1–10)
CERTIFIED_YEARS = 3  # two years ago, last year and this year


def number_of(index: int) -> int:
    """The series number of the identifiers (NIP, REGON, KRS, IBAN) of the index-th PES."""
    return FIRST_NUMBER + index


def founded_on(index: int, item: SectorPes, today: date) -> date:
    """Founding dates over 2008–2026: every one of the last ten full years gets five or more."""
    if item.slug in RECENT:
        month, day = RECENT[item.slug]
        return min(date(today.year, month, day), today - timedelta(days=30))
    rank = index - sum(1 for s in SECTOR_PES[:index] if s.slug in RECENT)
    year = today.year - 10 + rank * 3 % 10 if rank < 50 else 2008 + rank % 8
    return date(year, (index * 5) % 12 + 1, (index * 11) % 28 + 1)


def employees_of(index: int) -> tuple[int, int]:
    """Head counts; two PES in three employ at least 30% people at risk (art. 94 Pzp)."""
    total = 3 + (index * 7) % 22
    threshold = -(-total * 3 // 10)  # the least number that makes 30%
    if index % 3:
        return total, min(total, threshold + index % 4)
    return total, max(0, threshold - 1 - index % 2)


def ps_decision(index: int, item: SectorPes, founded: date, today: date) -> tuple[str, date | None]:
    """Most social cooperatives and half the other eligible PES hold the PS status (~40%)."""
    if item.legal_form not in MAY_BE_PS or item.slug in RECENT:
        return "", None
    granted = index % 4 != 3 if item.legal_form == SC else index % 2 == 0
    if not granted:
        return "", None
    decided = min(founded + timedelta(days=200 + (index * 37) % 400), today - timedelta(days=10))
    return f"PS/{index % 40 + 1}/{decided.year}", decided


def load_sector(say: Callable[[str], None]) -> None:
    """Create (or update) the database-only PES and their certificates."""
    today = today_in_poland()
    powiats = {p.code: p for p in Powiat.objects.filter(voivodeship=region.VOIVODESHIP)}
    owes_of: dict[int, Organisation] = {}
    for owes in Organisation.objects.filter(kind=Organisation.Kind.OWES).prefetch_related(
        "powiats"
    ):
        for powiat in owes.powiats.all():
            owes_of[powiat.pk] = owes
    fields = {
        f.slug: f for f in ActivityField.objects.filter(slug__in=[a.slug for a in ACTIVITY_FIELDS])
    }

    partners = {}
    for index, item in enumerate(SECTOR_PES):
        number = number_of(index)
        powiat = powiats[item.powiat]
        founded = founded_on(index, item, today)
        total, at_risk = employees_of(index)
        decision_number, decision_date = ps_decision(index, item, founded, today)
        description, mission = DESCRIPTIONS[item.legal_form]
        partner, _created = Partner.objects.update_or_create(
            code=item.slug,
            defaults={
                "name": item.name,
                "legal_form": item.legal_form,
                "powiat": powiat,
                "city": item.city,
                "gmina": item.city,
                "description": description.format(city=item.city),
                "social_mission": mission,
                "email": f"biuro@{item.slug}.example.org",
                "phone": f"+48 41 {300 + (index * 13) % 600:03d} {10 + index % 90:02d} "
                f"{(index * 7) % 100:02d}",
                "krs": "" if item.legal_form in WITHOUT_KRS else demo_krs(number),
                "nip": demo_nip(number),
                "regon": demo_regon(number),
                "iban": demo_iban(number),
                "employees_total": total,
                "employees_at_risk": at_risk,
                "ps_decision_number": decision_number,
                "ps_decision_date": decision_date,
                "owes": owes_of.get(powiat.pk),
                "operating_since": founded,
                "reintegration": _reintegration(item, bool(decision_number)),
                "listed_in_directory": True,
            },
        )
        choices = FIELDS_BY_FORM[item.legal_form]
        chosen = [choices[index % len(choices)]]
        if index % 2:
            chosen.append(choices[(index + 1) % len(choices)])
        partner.activity_fields.set([fields[s] for s in dict.fromkeys(chosen) if s in fields])
        partners[item.slug] = partner
    say(f"PES database: {len(partners)} more PES that do not sell in the shop")

    issued = 0
    for position, (code, month, day) in enumerate(CERTIFIED):
        partner = partners[code]
        scope = ", ".join(f.name for f in partner.activity_fields.order_by("name"))
        for step in range(CERTIFIED_YEARS):
            when = date(today.year - (CERTIFIED_YEARS - 1) + step, month, day)
            if when > today:
                continue
            sequence = FIRST_SEQUENCE + position * CERTIFIED_YEARS + step
            number = f"ZP/{when.year}/{sequence:04d}"
            certificate = (
                Certificate.objects.filter(
                    holder=partner, number__endswith=f"/{sequence:04d}"
                ).first()
            ) or Certificate.objects.filter(number=number).first()
            if certificate is None:
                certificate = Certificate(holder=partner)
            certificate.number = number
            certificate.holder = partner
            certificate.issued_on = when
            certificate.valid_until = Certificate.last_valid_day(when)
            certificate.revoked_on = None
            certificate.revocation_reason = ""
            certificate.scope = scope
            certificate.save()
            issued += 1
    say(f"certificates: {issued} more, renewed yearly by {len(CERTIFIED)} PES of the database")


def _reintegration(item: SectorPes, is_ps: bool) -> str:
    """By legal form; a foundation, association or company with the PS status employs."""
    if item.legal_form in REINTEGRATION_BY_FORM:
        return REINTEGRATION_BY_FORM[item.legal_form]
    return ReintegrationType.VOCATIONAL if is_ps else ReintegrationType.SOCIAL
