"""The demo PES database: fields of activity, reintegration and how long each PES has worked.

The fields of activity are a managed taxonomy (the import refuses names it does not know), so
the demo creates them here. Each demo PES gets its fields from the categories of what it sells,
plus a few read from its description; the loader's PS status and head counts stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from oscar.core.loading import get_model

from marketplace.partner.models import ActivityField, ReintegrationType

from . import data

Partner = get_model("partner", "Partner")


@dataclass(frozen=True)
class DemoActivityField:
    """A field of activity of the managed taxonomy."""

    slug: str
    name: str
    name_en: str


ACTIVITY_FIELDS: list[DemoActivityField] = [
    DemoActivityField(
        slug="gastronomia-i-catering",
        name="gastronomia i catering",
        name_en="food service and catering",
    ),
    DemoActivityField(
        slug="sprzatanie",
        name="sprzątanie i utrzymanie czystości",
        name_en="cleaning and janitorial services",
    ),
    DemoActivityField(
        slug="budownictwo-i-remonty",
        name="budownictwo i remonty",
        name_en="construction and renovation",
    ),
    DemoActivityField(
        slug="zielen-i-ogrodnictwo",
        name="zieleń i ogrodnictwo",
        name_en="green spaces and gardening",
    ),
    DemoActivityField(
        slug="rekodzielo-i-pamiatki",
        name="rękodzieło i pamiątki",
        name_en="handicrafts and souvenirs",
    ),
    DemoActivityField(
        slug="szycie-i-krawiectwo", name="szycie i krawiectwo", name_en="sewing and tailoring"
    ),
    DemoActivityField(
        slug="produkcja-zywnosci", name="produkcja żywności", name_en="food production"
    ),
    DemoActivityField(
        slug="poligrafia-i-uslugi-biurowe",
        name="poligrafia i usługi biurowe",
        name_en="printing and office services",
    ),
    DemoActivityField(
        slug="turystyka-i-noclegi", name="turystyka i noclegi", name_en="tourism and accommodation"
    ),
    DemoActivityField(slug="uslugi-opiekuncze", name="usługi opiekuńcze", name_en="care services"),
    DemoActivityField(
        slug="edukacja-i-szkolenia", name="edukacja i szkolenia", name_en="education and training"
    ),
    DemoActivityField(
        slug="transport-i-przeprowadzki",
        name="transport i przeprowadzki",
        name_en="transport and removals",
    ),
]

# What a PES sells says what it does.
FIELDS_BY_CATEGORY: dict[str, str] = {
    "food": "produkcja-zywnosci",
    "catering": "gastronomia-i-catering",
    "cleaning": "sprzatanie",
    "renovation": "budownictwo-i-remonty",
    "gardening": "zielen-i-ogrodnictwo",
    "crafts": "rekodzielo-i-pamiatki",
    "ceramics": "rekodzielo-i-pamiatki",
    "textiles": "szycie-i-krawiectwo",
    "printing": "poligrafia-i-uslugi-biurowe",
    "tourism": "turystyka-i-noclegi",
}
# Read from the descriptions: workshops and lessons for schools and residents.
EXTRA_FIELDS: dict[str, list[str]] = {
    "zamkowe-wzgorze": ["edukacja-i-szkolenia"],
    "grod-sandomierski": ["edukacja-i-szkolenia"],
    "nadwislanska-wstega": ["edukacja-i-szkolenia"],
    "pszczela-dolina": ["edukacja-i-szkolenia"],
    "lysogorskie-ziola": ["edukacja-i-szkolenia"],
}

# CIS and KIS reintegrate socially (KIS) or both ways (CIS); ZAZ employs, WTZ rehabilitates.
REINTEGRATION_BY_FORM: dict[str, str] = {
    "cis": ReintegrationType.BOTH,
    "kis": ReintegrationType.SOCIAL,
    "zaz": ReintegrationType.VOCATIONAL,
    "wtz": ReintegrationType.SOCIAL,
    "social_cooperative": ReintegrationType.VOCATIONAL,
}

# One PES started recently: it cannot yet apply for Zakup Prospołeczny (6 months of operation).
RECENT_PES = "zielony-zakatek"
RECENT_DAYS = 75


def operating_since(number: int, slug: str, today: date) -> date:
    """Deterministic founding dates between 2008 and 2024; the recent one relative to today."""
    if slug == RECENT_PES:
        return today - timedelta(days=RECENT_DAYS)
    return date(2008 + (number * 5) % 17, (number * 7) % 12 + 1, (number * 3) % 27 + 1)


def reintegration_of(item: data.DemoPes) -> str:
    """By legal form; foundations and associations that give work reintegrate vocationally."""
    if item.legal_form in REINTEGRATION_BY_FORM:
        return REINTEGRATION_BY_FORM[item.legal_form]
    mission = item.mission.casefold()
    if "zatrudni" in mission or "pracy" in mission:
        return ReintegrationType.VOCATIONAL
    return ReintegrationType.NONE


def load_directory(say: Callable[[str], None]) -> None:
    """Create the taxonomy and describe every demo PES with it; running it again changes nothing."""
    fields = {}
    for item in ACTIVITY_FIELDS:
        fields[item.slug], _created = ActivityField.objects.update_or_create(
            slug=item.slug, defaults={"name": item.name, "name_en": item.name_en}
        )
    categories: dict[str, list[str]] = {}
    for product in data.PRODUCTS:
        categories.setdefault(product.pes, []).append(product.category)

    today = date.today()
    partners = {p.code: p for p in Partner.objects.filter(code__in=[i.slug for i in data.PES])}
    for number, item in enumerate(data.PES, start=1):
        partner = partners.get(item.slug)
        if partner is None:
            continue
        slugs = [FIELDS_BY_CATEGORY[c] for c in categories.get(item.slug, [])]
        slugs += EXTRA_FIELDS.get(item.slug, [])
        partner.activity_fields.set([fields[s] for s in dict.fromkeys(slugs)])
        partner.reintegration = reintegration_of(item)
        partner.operating_since = operating_since(number, item.slug, today)
        partner.save(update_fields=["reintegration", "operating_since"])
    say(f"PES database: {len(fields)} fields of activity, {len(partners)} PES described")
