"""Demo events: every kind, past and upcoming (dates relative to today), some in English.

Idempotent: pages are found by slug and updated; running it again moves the dates along
with today, so there are always upcoming events, and adds no duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from portal.events.models import EventIndexPage, EventKind, EventPage, Registration
from portal.organisations.models import Organisation, Powiat

from .publishing import child_page, publish_changes, translation

ROPS = "rops-kielce"
OWES_KIELCE = "swietokrzyski-owes"
OWES_OSTROWIEC = "kielecko-ostrowiecki-owes"
OWES_SOUTH = "trzeci-swietokrzyski-owes"
# The current Lider ES edition's gala (linked in portal/demo/competition.py). The slug keeps
# its old year so that existing demo databases update the page rather than add a second one.
GALA_SLUG = "gala-lider-es-2026"


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    kind: str
    organiser: str
    days: int  # from today; negative: in the past
    starts: time
    hours: float
    place: str
    address: str
    powiat: str
    title: str
    lead: str
    capacity: int | None = None
    registration: bool = True
    days_long: int = 0
    english: tuple[str, str, str] | None = None  # slug, title, lead


EVENTS = [
    # Upcoming ------------------------------------------------------------------------------
    DemoEvent(
        slug="spotkanie-sieciujace-rops-owes-iv-kwartal",
        kind=EventKind.NETWORKING,
        organiser=ROPS,
        days=10,
        starts=time(10),
        hours=4,
        place="Sala konferencyjna ROPS",
        address="ul. Józefa Piłsudskiego 1, 25-001 Kielce",
        powiat="kielce",
        title="Spotkanie sieciujące ROPS–OWES – IV kwartał",
        lead="Podsumowanie wsparcia PES w regionie i plan wspólnych działań OWES na przyszły rok.",
        capacity=40,
        english=(
            "networking-meeting-rops-owes-q4",
            "ROPS–OWES networking meeting: Q4",
            "A review of support for social-economy entities and next year's joint plan.",
        ),
    ),
    DemoEvent(
        slug="posiedzenie-rkres-grudzien",
        kind=EventKind.RKRES,
        organiser=ROPS,
        days=21,
        starts=time(11),
        hours=3,
        place="Urząd Marszałkowski Województwa Świętokrzyskiego",
        address="al. IX Wieków Kielc 3, 25-516 Kielce",
        powiat="kielce",
        title="Posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej",
        lead="Komitet zaopiniuje plan działań na rzecz ekonomii społecznej na kolejny rok.",
        capacity=30,
        english=(
            "rkres-meeting-december",
            "Meeting of the Regional Social Economy Committee",
            "The committee will give its opinion on next year's social-economy plan.",
        ),
    ),
    DemoEvent(
        slug="kiermasz-ekonomii-spolecznej",
        kind=EventKind.FAIR,
        organiser=ROPS,
        days=17,
        starts=time(10),
        hours=7,
        place="Rynek Starego Miasta",
        address="Rynek, 27-600 Sandomierz",
        powiat="sandomierski",
        title="Kiermasz Ekonomii Społecznej",
        lead="Dwa dni stoisk spółdzielni socjalnych, CIS, ZAZ i WTZ z całego regionu: rękodzieło, "
        "miody, pieczywo i usługi. Zapisy dla PES, które chcą wystawić stoisko.",
        capacity=25,
        days_long=1,
        english=(
            "social-economy-fair",
            "Social Economy Fair",
            "Two days of stalls of social cooperatives, CIS, ZAZ and WTZ from the whole "
            "region. Social-economy entities may register for a stall.",
        ),
    ),
    DemoEvent(
        slug="gala-zakup-prospoleczny",
        kind=EventKind.GALA,
        organiser=ROPS,
        days=35,
        starts=time(17),
        hours=3,
        place="Kieleckie Centrum Kultury",
        address="pl. Moniuszki 2B, 25-334 Kielce",
        powiat="kielce",
        title="Gala certyfikatu „Zakup Prospołeczny”",
        lead="Wręczenie certyfikatów produktom i usługom podmiotów ekonomii społecznej.",
        capacity=150,
        english=(
            "pro-social-purchase-gala",
            "“Zakup Prospołeczny” certificate gala",
            "Certificates for products and services of social-economy entities.",
        ),
    ),
    DemoEvent(
        slug="warsztaty-sprzedaz-uslug-samorzadom",
        kind=EventKind.WORKSHOP,
        organiser=OWES_OSTROWIEC,
        days=6,
        starts=time(9),
        hours=6,
        place="Centrum Aktywności Lokalnej",
        address="ul. Focha 10, 27-400 Ostrowiec Świętokrzyski",
        powiat="ostrowiecki",
        title="Warsztaty: jak sprzedawać usługi PES samorządom",
        lead="Zamówienia zastrzeżone (art. 94 Pzp), klauzule społeczne i przygotowanie oferty.",
        capacity=3,
    ),
    DemoEvent(
        slug="wizyta-studyjna-busko-zdroj",
        kind=EventKind.STUDY_VISIT,
        organiser=OWES_SOUTH,
        days=24,
        starts=time(8),
        hours=8,
        place="Zakład Aktywności Zawodowej",
        address="ul. Kościuszki 5, 28-100 Busko-Zdrój",
        powiat="buski",
        title="Wizyta studyjna w przedsiębiorstwach społecznych Buska-Zdroju",
        lead="Odwiedzimy ZAZ z pracownią ceramiki i spółdzielnię socjalną prowadzącą catering.",
        capacity=20,
        english=(
            "study-visit-busko-zdroj",
            "Study visit to social enterprises in Busko-Zdrój",
            "We will visit a ZAZ with a ceramics workshop and a catering cooperative.",
        ),
    ),
    DemoEvent(
        slug="dzien-es-politechnika",
        kind=EventKind.UNIVERSITY_DAY,
        organiser=OWES_KIELCE,
        days=28,
        starts=time(10),
        hours=5,
        place="Politechnika Świętokrzyska",
        address="al. Tysiąclecia Państwa Polskiego 7, 25-314 Kielce",
        powiat="kielce",
        title="Dzień Ekonomii Społecznej na Politechnice Świętokrzyskiej",
        lead="Debata, stoiska PES i warsztaty z zakładania spółdzielni socjalnej dla studentów.",
        capacity=120,
    ),
    DemoEvent(
        slug="lekcja-es-ostrowiec",
        kind=EventKind.SCHOOL_LESSON,
        organiser=OWES_OSTROWIEC,
        days=13,
        starts=time(9, 50),
        hours=1.5,
        place="II Liceum Ogólnokształcące",
        address="ul. Sienkiewicza 67, 27-400 Ostrowiec Świętokrzyski",
        powiat="ostrowiecki",
        title="Lekcja o przedsiębiorczości społecznej w II LO w Ostrowcu",
        lead="Zajęcia dla klas trzecich: czym jest spółdzielnia socjalna i jak w niej pracować.",
        registration=False,
    ),
    DemoEvent(
        slug="dyzur-doradczy-konskie",
        kind=EventKind.OTHER,
        organiser=OWES_KIELCE,
        days=3,
        starts=time(9),
        hours=4,
        place="Starostwo Powiatowe w Końskich",
        address="ul. Zamkowa 5, 26-200 Końskie",
        powiat="konecki",
        title="Dyżur doradczy OWES w Końskich",
        lead="Bezpłatne konsultacje: zakładanie PES, dotacje, status przedsiębiorstwa społecznego.",
        capacity=8,
    ),
    # Past ----------------------------------------------------------------------------------
    DemoEvent(
        slug="spotkanie-sieciujace-rops-owes-iii-kwartal",
        kind=EventKind.NETWORKING,
        organiser=ROPS,
        days=-40,
        starts=time(10),
        hours=4,
        place="Sala konferencyjna ROPS",
        address="ul. Józefa Piłsudskiego 1, 25-001 Kielce",
        powiat="kielce",
        title="Spotkanie sieciujące ROPS–OWES – III kwartał",
        lead="Wymiana doświadczeń OWES i ustalenia w sprawie wspólnych kiermaszy.",
        capacity=40,
        registration=False,
    ),
    DemoEvent(
        slug="posiedzenie-rkres-raport",
        kind=EventKind.RKRES,
        organiser=ROPS,
        days=-90,
        starts=time(11),
        hours=3,
        place="Urząd Marszałkowski Województwa Świętokrzyskiego",
        address="al. IX Wieków Kielc 3, 25-516 Kielce",
        powiat="kielce",
        title="Posiedzenie RKRES – przyjęcie raportu o stanie ekonomii społecznej",
        lead="Komitet przyjął coroczny raport o ekonomii społecznej w województwie.",
        registration=False,
    ),
    DemoEvent(
        slug="kiermasz-rekodziela-starachowice",
        kind=EventKind.FAIR,
        organiser=OWES_OSTROWIEC,
        days=-25,
        starts=time(10),
        hours=6,
        place="Plac Wolności",
        address="pl. Wolności, 27-200 Starachowice",
        powiat="starachowicki",
        title="Kiermasz rękodzieła PES w Starachowicach",
        lead="Ponad dwadzieścia podmiotów zaprezentowało swoje wyroby.",
        registration=False,
    ),
    DemoEvent(
        slug=GALA_SLUG,
        kind=EventKind.GALA,
        organiser=ROPS,
        days=90,
        starts=time(17),
        hours=3,
        place="Kieleckie Centrum Kultury",
        address="pl. Moniuszki 2B, 25-334 Kielce",
        powiat="kielce",
        title="Gala konkursu Lider Ekonomii Społecznej",
        lead="Nagrody w kategoriach: Samorząd Prospołeczny, Biznes Prospołeczny i Przedsiębiorstwo "
        "Społeczne.",
        capacity=150,
        registration=False,
        english=(
            "social-economy-leader-gala-2026",
            "Social Economy Leader gala",
            "Awards for local governments, businesses and social enterprises.",
        ),
    ),
    DemoEvent(
        slug="warsztaty-klauzule-spoleczne",
        kind=EventKind.WORKSHOP,
        organiser=OWES_SOUTH,
        days=-15,
        starts=time(9),
        hours=5,
        place="Sala konferencyjna Urzędu Miasta",
        address="al. Mickiewicza 10, 28-100 Busko-Zdrój",
        powiat="buski",
        title="Warsztaty z klauzul społecznych dla samorządów",
        lead="Jak stosować art. 94 Pzp i kryteria społeczne w zamówieniach gmin.",
        capacity=25,
        registration=False,
        english=(
            "social-clauses-workshop",
            "Social clauses workshop for local governments",
            "How to apply Article 94 of the Public Procurement Law and social criteria.",
        ),
    ),
    DemoEvent(
        slug="wizyta-studyjna-sandomierz",
        kind=EventKind.STUDY_VISIT,
        organiser=OWES_OSTROWIEC,
        days=-7,
        starts=time(8),
        hours=8,
        place="Spółdzielnia Socjalna „Smaki Sandomierza”",
        address="ul. Mickiewicza 3, 27-600 Sandomierz",
        powiat="sandomierski",
        title="Wizyta studyjna w przedsiębiorstwach społecznych Sandomierza",
        lead="Uczestnicy poznali spółdzielnie socjalne prowadzące turystykę i gastronomię.",
        registration=False,
    ),
    DemoEvent(
        slug="dzien-es-ujk",
        kind=EventKind.UNIVERSITY_DAY,
        organiser=OWES_SOUTH,
        days=-40,
        starts=time(10),
        hours=5,
        place="Uniwersytet Jana Kochanowskiego",
        address="ul. Żeromskiego 5, 25-369 Kielce",
        powiat="kielce",
        title="Dzień Ekonomii Społecznej na Uniwersytecie Jana Kochanowskiego",
        lead="Studenci poznali przedsiębiorczość społeczną podczas warsztatów i debaty.",
        registration=False,
    ),
    DemoEvent(
        slug="lekcja-es-sandomierz",
        kind=EventKind.SCHOOL_LESSON,
        organiser=OWES_OSTROWIEC,
        days=-20,
        starts=time(10, 45),
        hours=1.5,
        place="Zespół Szkół Ekonomicznych",
        address="ul. Kościuszki 7, 27-600 Sandomierz",
        powiat="sandomierski",
        title="Lekcja przedsiębiorczości społecznej w ZSE w Sandomierzu",
        lead="Uczniowie zaplanowali własną spółdzielnię uczniowską.",
        registration=False,
    ),
    DemoEvent(
        slug="dyzur-doradczy-pinczow",
        kind=EventKind.OTHER,
        organiser=OWES_SOUTH,
        days=-30,
        starts=time(9),
        hours=4,
        place="Starostwo Powiatowe w Pińczowie",
        address="ul. Zacisze 1, 28-400 Pińczów",
        powiat="pinczowski",
        title="Dyżur doradczy OWES w Pińczowie",
        lead="Konsultacje dla organizacji pozarządowych z powiatu pińczowskiego.",
        registration=False,
    ),
]

BODY_PL = (
    "<p>Udział jest bezpłatny. Szczegółowy program wyślemy zarejestrowanym uczestnikom "
    "e-mailem. Miejsce jest dostępne dla osób poruszających się na wózku; jeśli potrzebujesz "
    "tłumacza języka migowego, napisz do organizatora.</p>"
)
BODY_EN = (
    "<p>Participation is free. Registered participants receive the detailed programme by "
    "e-mail. The venue is wheelchair accessible; if you need a sign-language interpreter, "
    "write to the organiser.</p>"
)


# event slug: (name, e-mail, organisation, status)
@dataclass(frozen=True)
class DemoRegistration:
    """Someone registered for a demo event (confirmed, or on the waiting list)."""

    name: str
    email: str
    organisation_name: str
    status: str


REGISTRATIONS: dict[str, tuple[DemoRegistration, ...]] = {
    "warsztaty-sprzedaz-uslug-samorzadom": (
        DemoRegistration(
            "Joanna Nowak", "joanna.nowak@example.org", "Spółdzielnia Socjalna „Razem”", "confirmed"
        ),
        DemoRegistration(
            "Tomasz Wójcik", "t.wojcik@example.org", "CIS w Ostrowcu Świętokrzyskim", "confirmed"
        ),
        DemoRegistration(
            "Agnieszka Lis", "agnieszka.lis@example.org", "Fundacja „Pestka”", "confirmed"
        ),
        DemoRegistration("Paweł Zieliński", "pawel.zielinski@example.org", "", "waitlist"),
    ),
    "spotkanie-sieciujace-rops-owes-iv-kwartal": (
        DemoRegistration(
            "Ewa Kowalska", "ewa.kowalska@example.org", "Świętokrzyski OWES", "confirmed"
        ),
        DemoRegistration(
            "Marek Dąbrowski", "m.dabrowski@example.org", "Kielecko-Ostrowiecki OWES", "confirmed"
        ),
        DemoRegistration(
            "Anna Mazur", "anna.mazur@example.org", "Świętokrzyski OWES – południe", "confirmed"
        ),
    ),
    "kiermasz-ekonomii-spolecznej": (
        DemoRegistration(
            "Krystyna Kaczmarek", "k.kaczmarek@example.org", "ZAZ w Busku-Zdroju", "confirmed"
        ),
        DemoRegistration(
            "Jan Piotrowski", "jan.piotrowski@example.org", "Kielecka Spiżarnia", "confirmed"
        ),
    ),
}


def _at(days: int, at: time) -> datetime:
    """A moment `days` from today at the local hour `at` (Europe/Warsaw)."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, at))


def load_events(
    home_pl: Page,
    home_en: Page,
    organisations: dict[str, Organisation],
    powiats: dict[str, Powiat],
) -> None:
    """The events index in Polish and English, every kind of event, a few registrations."""
    english = home_en.locale
    index = child_page(home_pl, EventIndexPage, "wydarzenia", "Wydarzenia")
    publish_changes(
        index,
        {
            "title": "Wydarzenia",
            "show_in_menus": True,
            "intro": "<p>Spotkania, kiermasze, warsztaty i wizyty studyjne ekonomii społecznej "
            "w województwie świętokrzyskim. Zapisz się na wydarzenie przez formularz.</p>",
        },
    )
    translation(
        index,
        english,
        "events",
        {
            "title": "Events",
            "show_in_menus": True,
            "intro": "<p>Meetings, fairs, workshops and study visits of the social economy in "
            "the Świętokrzyskie region. Register for an event with its form.</p>",
        },
        only_changes=True,
    )
    now = timezone.now()
    for item in EVENTS:
        start = _at(item.days, item.starts)
        end = _at(item.days + item.days_long, item.starts) + timedelta(hours=item.hours)
        organiser = organisations[item.organiser]
        page = child_page(
            index,
            EventPage,
            item.slug,
            item.title,
            lead=item.lead,
            start=start,
            end=end,
            place_name=item.place,
        )
        deadline = start - timedelta(days=1)
        shared = {
            "kind": item.kind,
            "start": start,
            "end": end,
            "place_name": item.place,
            "address": item.address,
            "powiat": powiats[item.powiat],
            "organiser": organiser,
            "requested_by": organiser,
            "capacity": item.capacity,
            "registration_open": item.registration and start > now,
            "registration_deadline": deadline if item.registration and deadline > now else None,
        }
        publish_changes(
            page,
            {
                **shared,
                "title": item.title,
                "lead": item.lead,
                "body": [("paragraph", BODY_PL)],
            },
        )
        if item.english:
            slug, title, lead = item.english
            translation(
                page,
                english,
                slug,
                {**shared, "title": title, "lead": lead, "body": [("paragraph", BODY_EN)]},
                only_changes=True,
            )
        for registration in REGISTRATIONS.get(item.slug, ()):
            Registration.objects.update_or_create(
                event=page,
                email=registration.email,
                defaults={
                    "name": registration.name,
                    "organisation_name": registration.organisation_name,
                    "consent": True,
                    "status": registration.status,
                },
            )
