"""The small tables searches label and match with (categories, powiats, fields of activity,
private page sections), kept in the shared cache instead of read on every search.

Each key holds the page-cache generation, which every change to them bumps (categories and
fields of activity through `portal.cache` and the directory's signals, powiats and page
view restrictions through `search.upkeep`), so a cached copy never outlives the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language
from oscar.core.loading import get_model
from wagtail.models import PageViewRestriction

from marketplace.partner.models import ActivityField
from portal.cache import generation
from portal.organisations.models import Powiat
from portal.text import fold

SECONDS = 3600
T = TypeVar("T")


def _cached(name: str, build: Callable[[], T], *, per_language: bool = False) -> T:
    language = (get_language() or "pl") if per_language else "-"
    key = f"search:vocabulary:{name}:{generation()}:{language}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, SECONDS)
    return value


def categories() -> list[tuple[int, str, int, str, bool, bool]]:
    """Every category as (pk, path, depth, name, is_public, browsable), in path order."""

    def build() -> list[tuple[int, str, int, str, bool, bool]]:
        category_model = get_model("catalogue", "Category")
        return [
            (pk, path, depth, name, is_public, is_public and ancestors_public)
            for pk, path, depth, name, is_public, ancestors_public in (
                category_model.objects.order_by("path").values_list(
                    "pk", "path", "depth", "name", "is_public", "ancestors_are_public"
                )
            )
        ]

    return _cached("categories", build, per_language=True)


def top_categories() -> list[dict[str, object]]:
    """The browsable top-level categories as the catalogue's sidebar links them: pk, name
    and URL (a query and a URL reversal per category on every listing before)."""

    def build() -> list[dict[str, object]]:
        category_model = get_model("catalogue", "Category")
        return [
            {"pk": c.pk, "name": c.name, "get_absolute_url": c.get_absolute_url()}
            for c in category_model.objects.browsable().filter(depth=1).order_by("path")
        ]

    return _cached("top-categories", build, per_language=True)


def powiat_labels() -> dict[str, str]:
    """Powiat code → its label ("powiat kielecki", "Kielce"), sorted by folded name."""

    def build() -> dict[str, str]:
        powiats = sorted(Powiat.objects.all(), key=lambda powiat: fold(powiat.name))
        return {powiat.code: str(powiat) for powiat in powiats}

    return _cached("powiats", build, per_language=True)


def activity_names() -> list[tuple[int, str, str]]:
    """Every field of activity as (pk, folded Polish name, folded English name)."""

    def build() -> list[tuple[int, str, str]]:
        return [
            (pk, fold(name), fold(name_en or ""))
            for pk, name, name_en in ActivityField.objects.values_list("pk", "name", "name_en")
        ]

    return _cached("activities", build)


def matching_activities(words: list[str]) -> dict[str, list[int]]:
    """`marketplace.directory.filters.matching_activities` over the cached names."""
    if not words:
        return {}
    names = activity_names()
    return {
        word: [pk for pk, pl, en in names if fold(word) in pl or fold(word) in en] for word in words
    }


def private_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page with a view restriction: it and its descendants are not
    public (what Wagtail's `public()` reads from the database on every call)."""

    def build() -> list[tuple[str, int]]:
        return list(PageViewRestriction.objects.values_list("page__path", "page__depth"))

    return _cached("private", build)


def public_q() -> Q:
    """Exclude this to keep public pages only, as `PageQuerySet.public()` does."""
    condition = Q()
    for path, depth in private_sections():
        condition |= Q(path__startswith=path, depth__gte=depth)
    return condition if condition else Q(pk__in=[])
