"""Demo good practices: a dozen across areas and powiats, two of them also in English."""

from __future__ import annotations

from wagtail.models import Locale

# slug, title, year, areas, powiats, organisations, PES codes, franchise, summary, English or None
PRACTICES = [
    (
        "maseczki-nitka-2020",
        "Szycie maseczek dla szpitali – zamówienie z 2020 r.",
        2020,
        ["reagowanie-kryzysowe", "wspolpraca-z-biznesem"],
        ["konecki"],
        ["swietokrzyski-owes"],
        ["nitka"],
        False,
        "Spółdzielnia socjalna „Nitka” w dwa tygodnie uszyła 12 000 maseczek na zamówienie "
        "powiatu i szpitala w Końskich.",
        (
            "Sewing masks for hospitals: a 2020 order",
            "The “Nitka” social cooperative sewed 12,000 masks in two weeks for the powiat "
            "and the hospital in Końskie.",
        ),
    ),
    (
        "franczyza-kawiarnia-spoleczna",
        "Społeczna franczyza kawiarni „Smaki Ponidzia”",
        2023,
        ["franczyza-innowacja", "reintegracja"],
        ["buski", "pinczowski"],
        ["trzeci-swietokrzyski-owes"],
        ["smaki-ponidzia", "zielony-zakatek"],
        True,
        "Sprawdzony model kawiarni spółdzielni socjalnej przeniesiony do drugiego miasta "
        "na zasadach społecznej franczyzy.",
        (
            "Social franchise of the “Smaki Ponidzia” café",
            "A social cooperative's proven café model taken to a second town as a social "
            "franchise.",
        ),
    ),
    (
        "klauzule-kielce-catering",
        "Klauzule społeczne w zamówieniu na catering szkolny",
        2019,
        ["klauzule-spoleczne"],
        ["kielce"],
        ["rops-kielce"],
        ["kielecka-spizarnia"],
        False,
        "Miasto zastrzegło zamówienie dla PES na podstawie art. 94 Pzp; posiłki przygotowuje "
        "spółdzielnia socjalna.",
        None,
    ),
    (
        "plan-es-powiat-kielecki",
        "Lokalny plan rozwoju ekonomii społecznej powiatu kieleckiego",
        2021,
        ["lokalne-plany-es"],
        ["kielecki"],
        ["rops-kielce", "swietokrzyski-owes"],
        [],
        False,
        "Powiat przyjął pierwszy w regionie lokalny plan rozwoju ES z budżetem na zakupy "
        "prospołeczne.",
        None,
    ),
    (
        "cis-kuznica-reintegracja",
        "Od CIS do zatrudnienia w firmie budowlanej",
        2018,
        ["reintegracja", "wspolpraca-z-biznesem"],
        ["konecki"],
        ["swietokrzyski-owes"],
        ["cis-kuznica"],
        False,
        "Uczestnicy CIS przeszli staże u lokalnego przedsiębiorcy; ośmiu z nich zostało "
        "zatrudnionych.",
        None,
    ),
    (
        "uslugi-opiekuncze-ostrowiec",
        "Usługi opiekuńcze świadczone przez spółdzielnię socjalną",
        2022,
        ["uslugi-spoleczne"],
        ["ostrowiecki"],
        ["kielecko-ostrowiecki-owes"],
        ["kis-nowy-start"],
        False,
        "Gmina zleca usługi opiekuńcze dla seniorów podmiotowi ekonomii społecznej.",
        None,
    ),
    (
        "poligrafia-starachowice-biznes",
        "Druk dla biznesu w spółce non-profit",
        2024,
        ["wspolpraca-z-biznesem"],
        ["starachowicki"],
        ["kielecko-ostrowiecki-owes"],
        ["starachowicka-poligrafia"],
        False,
        "Stała umowa z zakładem przemysłowym daje pracę sześciu osobom z niepełnosprawnościami.",
        None,
    ),
    (
        "sandomierz-turystyka-innowacja",
        "Innowacyjna trasa turystyczna prowadzona przez PES",
        2025,
        ["franczyza-innowacja"],
        ["sandomierski"],
        ["kielecko-ostrowiecki-owes"],
        ["grod-sandomierski"],
        True,
        "Spółka non-profit prowadzi trasę podziemną z przewodnikami z grup defaworyzowanych.",
        None,
    ),
    (
        "zaz-busko-ceramika",
        "Pracownia ceramiki w ZAZ",
        2026,
        ["reintegracja"],
        ["buski"],
        ["trzeci-swietokrzyski-owes"],
        [],
        False,
        "Nowa pracownia daje zatrudnienie ośmiu osobom z niepełnosprawnościami.",
        None,
    ),
    (
        "jedrzejow-pomoc-powodzianom",
        "Pomoc dla poszkodowanych w nawałnicy",
        2024,
        ["reagowanie-kryzysowe"],
        ["jedrzejowski"],
        ["trzeci-swietokrzyski-owes"],
        ["kis-przystan"],
        False,
        "Klub Integracji Społecznej zorganizował zbiórkę i posiłki dla poszkodowanych rodzin.",
        None,
    ),
    (
        "staszow-klauzule-zielen",
        "Utrzymanie zieleni miejskiej z klauzulą społeczną",
        2023,
        ["klauzule-spoleczne", "uslugi-spoleczne"],
        ["staszowski"],
        ["rops-kielce"],
        ["nadwislanska-wstega"],
        False,
        "Gmina wprowadziła kryterium zatrudnienia osób bezrobotnych w przetargu na zieleń.",
        None,
    ),
    (
        "wloszczowa-miod",
        "Pasieka edukacyjna fundacji",
        2021,
        ["inne"],
        ["wloszczowski"],
        ["trzeci-swietokrzyski-owes"],
        ["pszczela-dolina"],
        False,
        "Fundacja prowadzi pasiekę i warsztaty dla szkół; sprzedaje miód w sklepie portalu.",
        None,
    ),
]


# slug: the problem, what was done (paragraphs), results with figures, partners, cost and funding
DETAILS = {
    "maseczki-nitka-2020": (
        "Wiosną 2020 r. szpitalowi w Końskich i służbom powiatu zabrakło maseczek, a hurtownie "
        "nie przyjmowały zamówień.",
        [
            "Powiat zamówił maseczki bezpośrednio u spółdzielni socjalnej, w trybie pilnym.",
            "Szwalnia pracowała na dwie zmiany; OWES pożyczył dwie maszyny i pomógł kupić "
            "atestowaną tkaninę.",
        ],
        "12 000 maseczek w 14 dni; 3 nowe etaty w spółdzielni; kolejne zamówienia od 4 gmin.",
        "Starostwo Powiatowe w Końskich, Szpital Specjalistyczny w Końskich",
        "96 000 zł ze środków powiatu; tkanina kupiona z pożyczki OWES (15 000 zł)",
    ),
    "franczyza-kawiarnia-spoleczna": (
        "Kawiarnia w Busku przynosiła zysk, ale założyciele nie umieli powtórzyć jej w innym "
        "mieście bez wiedzy, którą mieli tylko oni.",
        [
            "Spółdzielnia spisała model kawiarni: receptury, standard obsługi, szkolenie "
            "osób wracających na rynek pracy.",
            "Druga spółdzielnia w Pińczowie otworzyła lokal na zasadach społecznej "
            "franczyzy, z opłatą zależną od obrotu.",
        ],
        "2 kawiarnie, 11 osób zatrudnionych; lokal w Pińczowie na plusie po 9 miesiącach.",
        "Gmina Pińczów (lokal), Trzeci Świętokrzyski OWES",
        "85 000 zł, w tym dotacja OWES na miejsca pracy 70 000 zł",
    ),
    "klauzule-kielce-catering": (
        "Posiłki w szkołach dowoziła firma z innego województwa, a lokalne PES nie mogły "
        "konkurować ceną w zwykłym przetargu.",
        [
            "Miasto wydzieliło część zamówienia i zastrzegło ją dla PES (art. 94 Pzp).",
            "Kryteria oceny objęły jakość i lokalne produkty, nie tylko cenę.",
        ],
        "450 posiłków dziennie w 3 szkołach; 7 nowych miejsc pracy w spółdzielni.",
        "Urząd Miasta Kielce, dyrektorzy szkół",
        "1,2 mln zł rocznie z budżetu miasta",
    ),
    "plan-es-powiat-kielecki": (
        "Gminy powiatu kupowały usługi bez myślenia o lokalnych PES i nie wiedziały, które z "
        "nich działają w pobliżu.",
        [
            "Powiat z OWES i ROPS przygotował plan na lata 2021–2025, po konsultacjach w 19 "
            "gminach.",
            "Plan wyznacza coroczny cel zakupów prospołecznych i szkolenia dla urzędników.",
        ],
        "Zakupy u PES wzrosły z 180 000 zł w 2020 r. do 1,1 mln zł w 2024 r.",
        "Starostwo Powiatowe w Kielcach, 19 gmin powiatu",
        "40 000 zł na przygotowanie planu (budżet powiatu i ROPS)",
    ),
    "cis-kuznica-reintegracja": (
        "Uczestnicy CIS kończyli program bez doświadczenia u prawdziwego pracodawcy.",
        [
            "CIS umówił się z lokalną firmą budowlaną na trzymiesięczne staże z opiekunem.",
            "Zajęcia w warsztacie CIS dopasowano do tego, czego firma potrzebowała na budowie.",
        ],
        "14 osób na stażach, 8 zatrudnionych na stałe; 6 z nich pracuje tam po roku.",
        "Powiatowy Urząd Pracy w Końskich, firma budowlana z Końskich",
        "210 000 zł z Funduszu Pracy i budżetu gminy",
    ),
    "uslugi-opiekuncze-ostrowiec": (
        "Gminie brakowało opiekunek dla seniorów mieszkających samotnie, szczególnie na wsi.",
        [
            "Gmina zleciła usługi opiekuńcze spółdzielni socjalnej w trybie ustawy o pomocy "
            "społecznej.",
            "Spółdzielnia przeszkoliła osoby długotrwale bezrobotne na opiekunów.",
        ],
        "42 seniorów pod opieką; 9 opiekunek zatrudnionych na umowę o pracę.",
        "Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim",
        "380 000 zł rocznie z budżetu gminy",
    ),
    "poligrafia-starachowice-biznes": (
        "Osoby z niepełnosprawnościami z powiatu miały niewiele ofert pracy poza zakładami "
        "pracy chronionej.",
        [
            "Spółka non-profit podpisała trzyletnią umowę na druk dokumentacji i opakowań z "
            "zakładem przemysłowym.",
            "Stanowiska pracy przystosowano z pomocą PFRON.",
        ],
        "6 etatów dla osób z niepełnosprawnościami; 320 000 zł przychodu rocznie.",
        "Zakład przemysłowy ze Starachowic, PFRON",
        "150 000 zł na maszyny, w tym 90 000 zł z PFRON",
    ),
    "sandomierz-turystyka-innowacja": (
        "Turyści odwiedzali Sandomierz latem, a osoby z grup defaworyzowanych nie miały "
        "pracy w turystyce.",
        [
            "Spółka non-profit przejęła trasę podziemną i wyszkoliła przewodników spośród "
            "osób bezrobotnych.",
            "Zwiedzanie jest dostępne po polsku, angielsku i ukraińsku.",
        ],
        "38 000 zwiedzających w 2025 r.; 10 przewodników zatrudnionych cały rok.",
        "Urząd Miasta Sandomierza, Lokalna Organizacja Turystyczna",
        "260 000 zł, w tym 120 000 zł z programu rozwoju turystyki",
    ),
    "zaz-busko-ceramika": (
        "Absolwenci warsztatów terapii zajęciowej nie mieli gdzie podjąć pracy.",
        [
            "ZAZ urządził pracownię ceramiki z piecem i stanowiskami dla osób na wózkach.",
            "Ceramikę kupują uzdrowiska w Busku-Zdroju i turyści.",
        ],
        "8 osób z niepełnosprawnościami zatrudnionych; 2 400 wyrobów sprzedanych w roku.",
        "Powiat buski, PFRON, uzdrowiska w Busku-Zdroju",
        "310 000 zł z PFRON i budżetu powiatu",
    ),
    "jedrzejow-pomoc-powodzianom": (
        "Po nawałnicy w lipcu 2024 r. kilkadziesiąt rodzin zostało bez dachu i ciepłych posiłków.",
        [
            "Uczestnicy KIS zorganizowali zbiórkę darów i wydawali posiłki przez trzy tygodnie.",
            "Gmina przekazała KIS kuchnię szkolną na czas akcji.",
        ],
        "64 rodziny wsparte; 2 900 posiłków; 40 wolontariuszy.",
        "Urząd Gminy Jędrzejów, Ochotnicza Straż Pożarna",
        "45 000 zł z rezerwy kryzysowej gminy i darowizn",
    ),
    "staszow-klauzule-zielen": (
        "Przetargi na utrzymanie zieleni wygrywała najniższa cena, bez korzyści dla "
        "bezrobotnych mieszkańców.",
        [
            "Gmina postawiła wymóg zatrudnienia osób bezrobotnych (art. 96 Pzp) i ich szkolenia.",
            "Zamówienie wygrało stowarzyszenie z Połańca.",
        ],
        "5 osób bezrobotnych zatrudnionych; 32 ha zieleni miejskiej w utrzymaniu.",
        "Urząd Miasta i Gminy Staszów",
        "540 000 zł rocznie z budżetu gminy",
    ),
    "wloszczowa-miod": (
        "Szkoły w powiecie nie miały gdzie pokazać uczniom, skąd się bierze miód i po co są "
        "pszczoły.",
        [
            "Fundacja założyła pasiekę edukacyjną z ulem obserwacyjnym i salą warsztatową.",
            "Dochód ze sprzedaży miodu w sklepie portalu finansuje warsztaty dla szkół.",
        ],
        "1 600 uczniów na warsztatach rocznie; 900 słoików miodu sprzedanych w 2025 r.",
        "Starostwo Powiatowe we Włoszczowie, koło pszczelarzy",
        "60 000 zł, w tym dotacja OWES 35 000 zł",
    ),
}

# the same in English, for the practices the demo translates
DETAILS_EN = {
    "maseczki-nitka-2020": (
        "In spring 2020 the hospital in Końskie and the powiat's services ran out of masks, "
        "and wholesalers took no orders.",
        [
            "The powiat ordered the masks directly from the social cooperative, as an urgent "
            "order.",
            "The sewing room worked two shifts; the OWES lent two machines and helped buy "
            "certified fabric.",
        ],
        "12,000 masks in 14 days; 3 new jobs in the cooperative; further orders from 4 gminas.",
        "The Końskie powiat office, the specialist hospital in Końskie",
        "PLN 96,000 from the powiat; fabric bought with an OWES loan (PLN 15,000)",
    ),
    "franczyza-kawiarnia-spoleczna": (
        "The café in Busko made a profit, but its founders could not repeat it in another "
        "town without knowledge only they had.",
        [
            "The cooperative wrote the café model down: recipes, service standard, training "
            "for people returning to work.",
            "A second cooperative in Pińczów opened a café as a social franchise, paying a "
            "fee based on turnover.",
        ],
        "2 cafés, 11 people employed; the Pińczów café broke even after 9 months.",
        "The gmina of Pińczów (premises), the Third Świętokrzyskie OWES",
        "PLN 85,000, of which an OWES job-creation grant of PLN 70,000",
    ),
}


def _story(details: tuple) -> dict:
    """A practice's own problem, steps, figures, partners and cost as page fields."""
    problem, steps, results, partners, cost = details
    return {
        "problem": f"<p>{problem}</p>",
        "what_was_done": [("paragraph", f"<p>{step}</p>") for step in steps],
        "results": f"<p>{results}</p>",
        "partners": partners,
        "cost_and_funding": cost,
    }


def load_goodpractices(loader) -> None:
    """The catalogue (pl + en) and its practices; running it again changes nothing."""
    from oscar.core.loading import get_model

    from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage, PracticeArea
    from portal.organisations.models import Organisation

    from .news import _child, document

    partner_model = get_model("partner", "Partner")
    home, powiats = loader.home, loader.powiats
    organisations = {o.slug: o for o in Organisation.objects.all()}

    english = Locale.objects.get(language_code="en")
    index = _child(home, GoodPracticeIndexPage, "dobre-praktyki", "Dobre praktyki")
    loader.publish(
        index,
        {
            "title": "Dobre praktyki",
            "show_in_menus": True,
            "intro": "<p>Co zrobiły PES, OWES i samorządy regionu – i z jakim skutkiem.</p>",
        },
    )
    loader.translation(
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
    partners = {p.code: p for p in partner_model.objects.all()}
    for row in PRACTICES:
        slug, title, year, area_slugs, powiat_codes, org_slugs, pes, franchise, summary, en = row
        page = _child(index, GoodPracticePage, slug, title, summary=summary, year=year)
        page.requested_by = organisations[org_slugs[0]]
        page.areas.set([areas[a] for a in area_slugs])
        page.powiats.set([powiats[p] for p in powiat_codes])
        page.organisations.set([organisations[o] for o in org_slugs])
        page.pes.set([partners[c] for c in pes if c in partners])
        fields = {
            "title": title,
            "summary": summary,
            "year": year,
            "is_franchise_or_innovation": franchise,
            **_story(DETAILS[slug]),
            "contact": organisations[org_slugs[0]].email,
        }
        if slug == "maseczki-nitka-2020":
            description = document("Dobra praktyka – szycie maseczek 2020 – opis")
            fields["attachments"] = [("attachment", {"document": description, "title": ""})]
        loader.publish(page, fields)
        if en:
            loader.translation(
                page,
                english,
                slug,
                {
                    **fields,
                    "title": en[0],
                    "summary": en[1],
                    **_story(DETAILS_EN[slug]),
                },
            )
    loader.say(f"good practices: catalogue (pl + en), {len(PRACTICES)} practices")
