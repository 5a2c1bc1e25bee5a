"""Demo good practices: a dozen across areas and powiats, two of them also in English."""

from __future__ import annotations

from dataclasses import dataclass

from oscar.core.loading import get_model
from wagtail.models import Locale

from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage, PracticeArea
from portal.organisations.models import Organisation

from .publishing import child_page, document, publish, translation

Partner = get_model("partner", "Partner")


@dataclass(frozen=True)
class DemoPractice:
    """A good practice: who did it where, and the English title and summary if translated."""

    slug: str
    title: str
    year: int
    areas: tuple[str, ...]  # practice areas' slugs
    powiats: tuple[str, ...]  # powiats' codes
    organisations: tuple[str, ...]  # slugs; the first one requested the page
    pes: tuple[str, ...]  # PES codes
    franchise: bool  # a social franchise or an innovation
    summary: str
    english: tuple[str, str] | None = None  # title, summary


@dataclass(frozen=True)
class DemoStory:
    """A practice's own problem, steps, figures, partners and cost."""

    problem: str
    steps: tuple[str, ...]  # what was done, a paragraph each
    results: str
    partners: str
    cost: str


PRACTICES: list[DemoPractice] = [
    DemoPractice(
        slug="maseczki-nitka-2020",
        title="Szycie maseczek dla szpitali – zamówienie z 2020 r.",
        year=2020,
        areas=("reagowanie-kryzysowe", "wspolpraca-z-biznesem"),
        powiats=("konecki",),
        organisations=("swietokrzyski-owes",),
        pes=("nitka",),
        franchise=False,
        summary=(
            "Spółdzielnia socjalna „Nitka” w dwa tygodnie uszyła 12 000 maseczek na zamówienie "
            "powiatu i szpitala w Końskich."
        ),
        english=(
            "Sewing masks for hospitals: a 2020 order",
            "The “Nitka” social cooperative sewed 12,000 masks in two weeks for the powiat "
            "and the hospital in Końskie.",
        ),
    ),
    DemoPractice(
        slug="franczyza-kawiarnia-spoleczna",
        title="Społeczna franczyza kawiarni „Smaki Ponidzia”",
        year=2023,
        areas=("franczyza-innowacja", "reintegracja"),
        powiats=("buski", "pinczowski"),
        organisations=("trzeci-swietokrzyski-owes",),
        pes=("smaki-ponidzia", "zielony-zakatek"),
        franchise=True,
        summary=(
            "Sprawdzony model kawiarni spółdzielni socjalnej przeniesiony do drugiego miasta "
            "na zasadach społecznej franczyzy."
        ),
        english=(
            "Social franchise of the “Smaki Ponidzia” café",
            "A social cooperative's proven café model taken to a second town as a social "
            "franchise.",
        ),
    ),
    DemoPractice(
        slug="klauzule-kielce-catering",
        title="Klauzule społeczne w zamówieniu na catering szkolny",
        year=2019,
        areas=("klauzule-spoleczne",),
        powiats=("kielce",),
        organisations=("rops-kielce",),
        pes=("kielecka-spizarnia",),
        franchise=False,
        summary=(
            "Miasto zastrzegło zamówienie dla PES na podstawie art. 94 Pzp; posiłki przygotowuje "
            "spółdzielnia socjalna."
        ),
    ),
    DemoPractice(
        slug="plan-es-powiat-kielecki",
        title="Lokalny plan rozwoju ekonomii społecznej powiatu kieleckiego",
        year=2021,
        areas=("lokalne-plany-es",),
        powiats=("kielecki",),
        organisations=("rops-kielce", "swietokrzyski-owes"),
        pes=(),
        franchise=False,
        summary=(
            "Powiat przyjął pierwszy w regionie lokalny plan rozwoju ES z budżetem na zakupy "
            "prospołeczne."
        ),
    ),
    DemoPractice(
        slug="cis-kuznica-reintegracja",
        title="Od CIS do zatrudnienia w firmie budowlanej",
        year=2018,
        areas=("reintegracja", "wspolpraca-z-biznesem"),
        powiats=("konecki",),
        organisations=("swietokrzyski-owes",),
        pes=("cis-kuznica",),
        franchise=False,
        summary=(
            "Uczestnicy CIS przeszli staże u lokalnego przedsiębiorcy; ośmiu z nich zostało "
            "zatrudnionych."
        ),
    ),
    DemoPractice(
        slug="uslugi-opiekuncze-ostrowiec",
        title="Usługi opiekuńcze świadczone przez spółdzielnię socjalną",
        year=2022,
        areas=("uslugi-spoleczne",),
        powiats=("ostrowiecki",),
        organisations=("kielecko-ostrowiecki-owes",),
        pes=("kis-nowy-start",),
        franchise=False,
        summary="Gmina zleca usługi opiekuńcze dla seniorów podmiotowi ekonomii społecznej.",
    ),
    DemoPractice(
        slug="poligrafia-starachowice-biznes",
        title="Druk dla biznesu w spółce non-profit",
        year=2024,
        areas=("wspolpraca-z-biznesem",),
        powiats=("starachowicki",),
        organisations=("kielecko-ostrowiecki-owes",),
        pes=("starachowicka-poligrafia",),
        franchise=False,
        summary=(
            "Stała umowa z zakładem przemysłowym daje pracę sześciu osobom z niepełnosprawnościami."
        ),
    ),
    DemoPractice(
        slug="sandomierz-turystyka-innowacja",
        title="Innowacyjna trasa turystyczna prowadzona przez PES",
        year=2025,
        areas=("franczyza-innowacja",),
        powiats=("sandomierski",),
        organisations=("kielecko-ostrowiecki-owes",),
        pes=("grod-sandomierski",),
        franchise=True,
        summary=(
            "Spółka non-profit prowadzi trasę podziemną z przewodnikami z grup defaworyzowanych."
        ),
    ),
    DemoPractice(
        slug="zaz-busko-ceramika",
        title="Pracownia ceramiki w ZAZ",
        year=2026,
        areas=("reintegracja",),
        powiats=("buski",),
        organisations=("trzeci-swietokrzyski-owes",),
        pes=(),
        franchise=False,
        summary="Nowa pracownia daje zatrudnienie ośmiu osobom z niepełnosprawnościami.",
    ),
    DemoPractice(
        slug="jedrzejow-pomoc-powodzianom",
        title="Pomoc dla poszkodowanych w nawałnicy",
        year=2024,
        areas=("reagowanie-kryzysowe",),
        powiats=("jedrzejowski",),
        organisations=("trzeci-swietokrzyski-owes",),
        pes=("kis-przystan",),
        franchise=False,
        summary=(
            "Klub Integracji Społecznej zorganizował zbiórkę i posiłki dla poszkodowanych rodzin."
        ),
    ),
    DemoPractice(
        slug="staszow-klauzule-zielen",
        title="Utrzymanie zieleni miejskiej z klauzulą społeczną",
        year=2023,
        areas=("klauzule-spoleczne", "uslugi-spoleczne"),
        powiats=("staszowski",),
        organisations=("rops-kielce",),
        pes=("nadwislanska-wstega",),
        franchise=False,
        summary="Gmina wprowadziła kryterium zatrudnienia osób bezrobotnych w przetargu na zieleń.",
    ),
    DemoPractice(
        slug="wloszczowa-miod",
        title="Pasieka edukacyjna fundacji",
        year=2021,
        areas=("inne",),
        powiats=("wloszczowski",),
        organisations=("trzeci-swietokrzyski-owes",),
        pes=("pszczela-dolina",),
        franchise=False,
        summary=(
            "Fundacja prowadzi pasiekę i warsztaty dla szkół; sprzedaje miód w sklepie portalu."
        ),
    ),
]


# by the practice's slug
DETAILS: dict[str, DemoStory] = {
    "maseczki-nitka-2020": DemoStory(
        problem=(
            "Wiosną 2020 r. szpitalowi w Końskich i służbom powiatu zabrakło maseczek, a hurtownie "
            "nie przyjmowały zamówień."
        ),
        steps=(
            "Powiat zamówił maseczki bezpośrednio u spółdzielni socjalnej, w trybie pilnym.",
            "Szwalnia pracowała na dwie zmiany; OWES pożyczył dwie maszyny i pomógł kupić "
            "atestowaną tkaninę.",
        ),
        results=(
            "12 000 maseczek w 14 dni; 3 nowe etaty w spółdzielni; kolejne zamówienia od 4 gmin."
        ),
        partners="Starostwo Powiatowe w Końskich, Szpital Specjalistyczny w Końskich",
        cost="96 000 zł ze środków powiatu; tkanina kupiona z pożyczki OWES (15 000 zł)",
    ),
    "franczyza-kawiarnia-spoleczna": DemoStory(
        problem=(
            "Kawiarnia w Busku przynosiła zysk, ale założyciele nie umieli powtórzyć jej w innym "
            "mieście bez wiedzy, którą mieli tylko oni."
        ),
        steps=(
            "Spółdzielnia spisała model kawiarni: receptury, standard obsługi, szkolenie "
            "osób wracających na rynek pracy.",
            "Druga spółdzielnia w Pińczowie otworzyła lokal na zasadach społecznej "
            "franczyzy, z opłatą zależną od obrotu.",
        ),
        results="2 kawiarnie, 11 osób zatrudnionych; lokal w Pińczowie na plusie po 9 miesiącach.",
        partners="Gmina Pińczów (lokal), Trzeci Świętokrzyski OWES",
        cost="85 000 zł, w tym dotacja OWES na miejsca pracy 70 000 zł",
    ),
    "klauzule-kielce-catering": DemoStory(
        problem=(
            "Posiłki w szkołach dowoziła firma z innego województwa, a lokalne PES nie mogły "
            "konkurować ceną w zwykłym przetargu."
        ),
        steps=(
            "Miasto wydzieliło część zamówienia i zastrzegło ją dla PES (art. 94 Pzp).",
            "Kryteria oceny objęły jakość i lokalne produkty, nie tylko cenę.",
        ),
        results="450 posiłków dziennie w 3 szkołach; 7 nowych miejsc pracy w spółdzielni.",
        partners="Urząd Miasta Kielce, dyrektorzy szkół",
        cost="1,2 mln zł rocznie z budżetu miasta",
    ),
    "plan-es-powiat-kielecki": DemoStory(
        problem=(
            "Gminy powiatu kupowały usługi bez myślenia o lokalnych PES i nie wiedziały, które z "
            "nich działają w pobliżu."
        ),
        steps=(
            "Powiat z OWES i ROPS przygotował plan na lata 2021–2025, po konsultacjach w 19 "
            "gminach.",
            "Plan wyznacza coroczny cel zakupów prospołecznych i szkolenia dla urzędników.",
        ),
        results="Zakupy u PES wzrosły z 180 000 zł w 2020 r. do 1,1 mln zł w 2024 r.",
        partners="Starostwo Powiatowe w Kielcach, 19 gmin powiatu",
        cost="40 000 zł na przygotowanie planu (budżet powiatu i ROPS)",
    ),
    "cis-kuznica-reintegracja": DemoStory(
        problem="Uczestnicy CIS kończyli program bez doświadczenia u prawdziwego pracodawcy.",
        steps=(
            "CIS umówił się z lokalną firmą budowlaną na trzymiesięczne staże z opiekunem.",
            "Zajęcia w warsztacie CIS dopasowano do tego, czego firma potrzebowała na budowie.",
        ),
        results="14 osób na stażach, 8 zatrudnionych na stałe; 6 z nich pracuje tam po roku.",
        partners="Powiatowy Urząd Pracy w Końskich, firma budowlana z Końskich",
        cost="210 000 zł z Funduszu Pracy i budżetu gminy",
    ),
    "uslugi-opiekuncze-ostrowiec": DemoStory(
        problem=(
            "Gminie brakowało opiekunek dla seniorów mieszkających samotnie, szczególnie na wsi."
        ),
        steps=(
            "Gmina zleciła usługi opiekuńcze spółdzielni socjalnej w trybie ustawy o pomocy "
            "społecznej.",
            "Spółdzielnia przeszkoliła osoby długotrwale bezrobotne na opiekunów.",
        ),
        results="42 seniorów pod opieką; 9 opiekunek zatrudnionych na umowę o pracę.",
        partners="Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim",
        cost="380 000 zł rocznie z budżetu gminy",
    ),
    "poligrafia-starachowice-biznes": DemoStory(
        problem=(
            "Osoby z niepełnosprawnościami z powiatu miały niewiele ofert pracy poza zakładami "
            "pracy chronionej."
        ),
        steps=(
            "Spółka non-profit podpisała trzyletnią umowę na druk dokumentacji i opakowań z "
            "zakładem przemysłowym.",
            "Stanowiska pracy przystosowano z pomocą PFRON.",
        ),
        results="6 etatów dla osób z niepełnosprawnościami; 320 000 zł przychodu rocznie.",
        partners="Zakład przemysłowy ze Starachowic, PFRON",
        cost="150 000 zł na maszyny, w tym 90 000 zł z PFRON",
    ),
    "sandomierz-turystyka-innowacja": DemoStory(
        problem=(
            "Turyści odwiedzali Sandomierz latem, a osoby z grup defaworyzowanych nie miały "
            "pracy w turystyce."
        ),
        steps=(
            "Spółka non-profit przejęła trasę podziemną i wyszkoliła przewodników spośród "
            "osób bezrobotnych.",
            "Zwiedzanie jest dostępne po polsku, angielsku i ukraińsku.",
        ),
        results="38 000 zwiedzających w 2025 r.; 10 przewodników zatrudnionych cały rok.",
        partners="Urząd Miasta Sandomierza, Lokalna Organizacja Turystyczna",
        cost="260 000 zł, w tym 120 000 zł z programu rozwoju turystyki",
    ),
    "zaz-busko-ceramika": DemoStory(
        problem="Absolwenci warsztatów terapii zajęciowej nie mieli gdzie podjąć pracy.",
        steps=(
            "ZAZ urządził pracownię ceramiki z piecem i stanowiskami dla osób na wózkach.",
            "Ceramikę kupują uzdrowiska w Busku-Zdroju i turyści.",
        ),
        results="8 osób z niepełnosprawnościami zatrudnionych; 2 400 wyrobów sprzedanych w roku.",
        partners="Powiat buski, PFRON, uzdrowiska w Busku-Zdroju",
        cost="310 000 zł z PFRON i budżetu powiatu",
    ),
    "jedrzejow-pomoc-powodzianom": DemoStory(
        problem=(
            "Po nawałnicy w lipcu 2024 r. kilkadziesiąt rodzin zostało bez dachu i ciepłych "
            "posiłków."
        ),
        steps=(
            "Uczestnicy KIS zorganizowali zbiórkę darów i wydawali posiłki przez trzy tygodnie.",
            "Gmina przekazała KIS kuchnię szkolną na czas akcji.",
        ),
        results="64 rodziny wsparte; 2 900 posiłków; 40 wolontariuszy.",
        partners="Urząd Gminy Jędrzejów, Ochotnicza Straż Pożarna",
        cost="45 000 zł z rezerwy kryzysowej gminy i darowizn",
    ),
    "staszow-klauzule-zielen": DemoStory(
        problem=(
            "Przetargi na utrzymanie zieleni wygrywała najniższa cena, bez korzyści dla "
            "bezrobotnych mieszkańców."
        ),
        steps=(
            "Gmina postawiła wymóg zatrudnienia osób bezrobotnych (art. 96 Pzp) i ich szkolenia.",
            "Zamówienie wygrało stowarzyszenie z Połańca.",
        ),
        results="5 osób bezrobotnych zatrudnionych; 32 ha zieleni miejskiej w utrzymaniu.",
        partners="Urząd Miasta i Gminy Staszów",
        cost="540 000 zł rocznie z budżetu gminy",
    ),
    "wloszczowa-miod": DemoStory(
        problem=(
            "Szkoły w powiecie nie miały gdzie pokazać uczniom, skąd się bierze miód i po co są "
            "pszczoły."
        ),
        steps=(
            "Fundacja założyła pasiekę edukacyjną z ulem obserwacyjnym i salą warsztatową.",
            "Dochód ze sprzedaży miodu w sklepie portalu finansuje warsztaty dla szkół.",
        ),
        results="1 600 uczniów na warsztatach rocznie; 900 słoików miodu sprzedanych w 2025 r.",
        partners="Starostwo Powiatowe we Włoszczowie, koło pszczelarzy",
        cost="60 000 zł, w tym dotacja OWES 35 000 zł",
    ),
}

# the same in English, for the practices the demo translates
DETAILS_EN: dict[str, DemoStory] = {
    "maseczki-nitka-2020": DemoStory(
        problem=(
            "In spring 2020 the hospital in Końskie and the powiat's services ran out of masks, "
            "and wholesalers took no orders."
        ),
        steps=(
            "The powiat ordered the masks directly from the social cooperative, as an urgent "
            "order.",
            "The sewing room worked two shifts; the OWES lent two machines and helped buy "
            "certified fabric.",
        ),
        results=(
            "12,000 masks in 14 days; 3 new jobs in the cooperative; further orders from 4 gminas."
        ),
        partners="The Końskie powiat office, the specialist hospital in Końskie",
        cost="PLN 96,000 from the powiat; fabric bought with an OWES loan (PLN 15,000)",
    ),
    "franczyza-kawiarnia-spoleczna": DemoStory(
        problem=(
            "The café in Busko made a profit, but its founders could not repeat it in another "
            "town without knowledge only they had."
        ),
        steps=(
            "The cooperative wrote the café model down: recipes, service standard, training "
            "for people returning to work.",
            "A second cooperative in Pińczów opened a café as a social franchise, paying a "
            "fee based on turnover.",
        ),
        results="2 cafés, 11 people employed; the Pińczów café broke even after 9 months.",
        partners="The gmina of Pińczów (premises), the Third Świętokrzyskie OWES",
        cost="PLN 85,000, of which an OWES job-creation grant of PLN 70,000",
    ),
}


def _story(story: DemoStory) -> dict:
    """The story as page fields."""
    return {
        "problem": f"<p>{story.problem}</p>",
        "what_was_done": [("paragraph", f"<p>{step}</p>") for step in story.steps],
        "results": f"<p>{story.results}</p>",
        "partners": story.partners,
        "cost_and_funding": story.cost,
    }


def load_goodpractices(loader) -> None:
    """The catalogue (pl + en) and its practices; running it again changes nothing."""
    home, powiats = loader.home, loader.powiats
    organisations = {o.slug: o for o in Organisation.objects.all()}

    english = Locale.objects.get(language_code="en")
    index = child_page(home, GoodPracticeIndexPage, "dobre-praktyki", "Dobre praktyki")
    publish(
        index,
        {
            "title": "Dobre praktyki",
            "show_in_menus": True,
            "intro": "<p>Co zrobiły PES, OWES i samorządy regionu – i z jakim skutkiem.</p>",
        },
    )
    translation(
        index,
        english,
        "good-practices",
        {
            "title": "Good practices",
            "show_in_menus": True,
            "intro": "<p>What social-economy entities, OWES and local governments did.</p>",
        },
    )
    areas = {a.slug: a for a in PracticeArea.objects.all()}
    partners = {p.code: p for p in Partner.objects.all()}
    for item in PRACTICES:
        slug = item.slug
        page = child_page(
            index, GoodPracticePage, slug, item.title, summary=item.summary, year=item.year
        )
        page.requested_by = organisations[item.organisations[0]]
        page.areas.set([areas[a] for a in item.areas])
        page.powiats.set([powiats[p] for p in item.powiats])
        page.organisations.set([organisations[o] for o in item.organisations])
        page.pes.set([partners[c] for c in item.pes if c in partners])
        fields = {
            "title": item.title,
            "summary": item.summary,
            "year": item.year,
            "is_franchise_or_innovation": item.franchise,
            **_story(DETAILS[slug]),
            "contact": organisations[item.organisations[0]].email,
        }
        if slug == "maseczki-nitka-2020":
            description = document("Dobra praktyka – szycie maseczek 2020 – opis")
            fields["attachments"] = [("attachment", {"document": description, "title": ""})]
        publish(page, fields)
        if item.english:
            title, summary = item.english
            translation(
                page,
                english,
                slug,
                {**fields, "title": title, "summary": summary, **_story(DETAILS_EN[slug])},
            )
    loader.say(f"good practices: catalogue (pl + en), {len(PRACTICES)} practices")
