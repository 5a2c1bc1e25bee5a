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
            "problem": "<p>Brak miejsc pracy dla osób zagrożonych wykluczeniem.</p>",
            "what_was_done": [("paragraph", f"<p>{summary}</p>")],
            "results": "<p>Zatrudnienie: 8 osób; przychód: 240 000 zł rocznie.</p>",
            "partners": "Urząd gminy, powiatowy urząd pracy",
            "cost_and_funding": "120 000 zł, w tym dotacja OWES 60 000 zł",
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
                    "problem": "<p>Too few jobs for people at risk of exclusion.</p>",
                    "what_was_done": [("paragraph", f"<p>{en[1]}</p>")],
                    "results": "<p>Jobs: 8 people; turnover: PLN 240,000 a year.</p>",
                    "partners": "The gmina office, the powiat labour office",
                    "cost_and_funding": "PLN 120,000, of which an OWES grant of PLN 60,000",
                },
            )
    loader.say(f"good practices: catalogue (pl + en), {len(PRACTICES)} practices")
