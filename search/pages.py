"""Page search, the same for both backends: Wagtail's configured backend (database by
default, `elasticsearch8` with `ELASTICSEARCH_URL`) over live, public pages of one language.

Pages index a folded, stemmed copy of their text (`portal.searchable`), and the query is
folded and stemmed the same way here, so diacritics and endings do not matter."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import SimpleNamespace

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail.search import index

from portal.cache import generation
from portal.text import folded_words, stem

from . import vocabulary
from .backends import SearchUnavailable
from .highlight import highlight
from .query import PAGE_KINDS, Hit, PageQuery, Results, Suggestion

VOCABULARY_SECONDS = 3600
READER_SECONDS = 24 * 3600
# The site search's previews read this many page hits at once (every kind's count and first
# hits from one query); a search matching more pages counts each kind on its own.
PREVIEW_WINDOW = 200

KIND_MODELS = {
    "news": "news.NewsPage",
    "goodpractice": "goodpractices.GoodPracticePage",
    "event": "events.EventPage",
}


# Search fields that hold a folded copy of the page's text for matching ("zastrzeglo
# zamowienie"): never shown, a snippet quotes the text as written.
FOLDED_COPIES = {"title", "search_folded", "search_text"}


def reader_text(page: Page) -> str:
    """The page's searchable text as a reader sees it, with Polish letters: its search
    description and every search field but the title and the folded copies."""
    parts: list[str] = [getattr(page, "search_description", "") or ""]
    for field in getattr(page, "search_fields", []):
        if not isinstance(field, index.SearchField) or field.field_name in FOLDED_COPIES:
            continue
        value = getattr(page, field.field_name, None)
        if callable(value):
            value = value()
        if isinstance(value, StreamValue):
            parts.extend(str(text) for text in value.stream_block.get_searchable_content(value))
        elif value:
            parts.append(strip_tags(str(value)))
    return " ".join(" ".join(parts).split())


def search_terms(text: str, language: str = "pl") -> str:
    """The query as the index stores text: folded words reduced to their stems."""
    return " ".join(stem(word, language) for word in folded_words(text)[:8])


def _locale(language: str) -> Locale | None:
    """The language's locale, its pk kept in the shared cache (a query on every search
    before; locales are created once, and a new cache generation forgets it anyway)."""
    key = f"search:locale:{generation()}:{language}"
    pk = cache.get(key)
    if pk is None:
        pk = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
        cache.set(key, pk or 0, VOCABULARY_SECONDS)
    return Locale(pk=pk, language_code=language) if pk else None


def kind_queryset(kind: str, language: str) -> QuerySet:
    """Live, public pages of `language` of one kind ("page": every other kind but the root;
    "all": every kind)."""
    locale = _locale(language)
    if kind in KIND_MODELS:
        model = apps.get_model(KIND_MODELS[kind])
        queryset = model.objects.all()
    elif kind == "all":
        queryset = Page.objects.filter(depth__gt=1)
    else:
        models = [apps.get_model(label) for label in KIND_MODELS.values()]
        queryset = Page.objects.not_type(*models).filter(depth__gt=1)
    # public() without its query: the private sections come from the cache
    queryset = queryset.live().exclude(vocabulary.public_q())
    return queryset.filter(locale=locale) if locale else queryset.none()


def _run(queryset: QuerySet, terms: str):
    """Lazy: the engine is asked only when the results are counted or sliced, so callers do
    that inside `engine_errors()` too."""
    with engine_errors():
        return queryset.search(terms, operator="and", order_by_relevance=True)


def _is_engine_error(error: Exception) -> bool:
    module = type(error).__module__
    return module.startswith(("elasticsearch", "elastic_transport", "urllib3"))


@contextlib.contextmanager
def engine_errors() -> Iterator[None]:
    """The engine's own errors (connection, timeout, refusal) become SearchUnavailable."""
    try:
        yield
    except Exception as error:
        if _is_engine_error(error):
            raise SearchUnavailable(str(error)) from error
        raise


def count_pages(text: str, language: str) -> dict[str, int]:
    terms = search_terms(text, language)
    if not terms:
        return {}
    counts: dict[str, int] = {}
    with engine_errors():
        for kind in PAGE_KINDS:
            counts[kind] = _run(kind_queryset(kind, language), terms).count()
    return counts


def search_pages(query: PageQuery) -> Results:
    terms = search_terms(query.text, query.language)
    results = Results(page=query.page, per_page=query.per_page)
    if not terms:
        return results
    found = _run(kind_queryset(query.kind or "page", query.language), terms)
    with engine_errors():
        results.total = found.count()
        pages = list(found[query.offset : query.offset + query.per_page])
    results.hits = page_hits(pages, query.kind or "page", query.text)
    return results


def _kinds_by_content_type() -> dict[int, str]:
    """Content type pk → page kind (the ContentType cache makes this free after the first)."""
    return {
        ContentType.objects.get_for_model(apps.get_model(label)).pk: kind
        for kind, label in KIND_MODELS.items()
    }


def site_pages(
    text: str, language: str, kind: str = "", page: int = 1, per_page: int = 10, preview: int = 4
) -> tuple[dict[str, int], dict[str, Results]]:
    """For /szukaj/: every page kind's count, and the hits of each kind with any (the first
    `preview`), or of the chosen `kind` only (page `page` of `per_page`).

    One search across kinds answers it all when it holds every hit (one count and one page
    per kind before); a page scores the same whichever kind's query finds it, so the hits and
    their order are those of `search_pages`. A search matching more pages than one read holds
    counts and pages each kind on its own."""
    terms = search_terms(text, language)
    if not terms:
        return {}, {}
    found = _run(kind_queryset("all", language), terms)
    with engine_errors():
        window = list(found[:PREVIEW_WINDOW])
    complete = len(window) < PREVIEW_WINDOW
    kinds = _kinds_by_content_type()
    by_kind: dict[str, list[Page]] = {name: [] for name in PAGE_KINDS}
    for found_page in window:
        by_kind[kinds.get(found_page.content_type_id, "page")].append(found_page)
    if complete:
        counts = {name: len(pages) for name, pages in by_kind.items()}
    else:
        counts = count_pages(text, language)
    groups: dict[str, Results] = {}
    for name in PAGE_KINDS:
        if (kind and name != kind) or not counts.get(name):
            continue
        number, size = (page, per_page) if name == kind else (1, preview)
        if not complete:
            groups[name] = search_pages(PageQuery(text, language, name, number, size))
            continue
        offset = (number - 1) * size
        results = Results(page=number, per_page=size, total=counts[name])
        results.hits = page_hits(by_kind[name][offset : offset + size], name, text)
        groups[name] = results
    return counts, groups


def page_hits(pages: list[Page], kind: str, text: str) -> list[Hit]:
    """Hits with a URL and a snippet; the snippets' source text comes from the shared cache,
    so only pages not seen since the last publication are loaded as their specific type."""
    sources = reader_texts(pages)
    holder = SimpleNamespace(_wagtail_site=None)  # caches the site root paths for all hits
    return [
        Hit(
            kind,
            page.pk,
            title=page.title,
            snippet=highlight(sources.get(page.pk, ""), text),
            url=page.get_url(request=holder) or "",
            object=page,
        )
        for page in pages
    ]


def reader_texts(pages: list[Page]) -> dict[int, str]:
    """Page pk → `reader_text`, cached per page and published revision (a page's text changes
    only when it is published again); pages not cached yet are loaded in one query per page
    type (no base-page query first, as `.specific()` would)."""
    if not pages:
        return {}
    keys = {page.pk: f"search:reader:{page.pk}:{page.live_revision_id}" for page in pages}
    cached = cache.get_many(list(keys.values()))
    found = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing: dict[int, list[int]] = {}
    for page in pages:
        if page.pk not in found:
            missing.setdefault(page.content_type_id, []).append(page.pk)
    fresh: dict[int, str] = {}
    for content_type_id, pks in missing.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        fresh.update({page.pk: reader_text(page) for page in model.objects.filter(pk__in=pks)})
    if fresh:
        cache.set_many({keys[pk]: text for pk, text in fresh.items()}, READER_SECONDS)
        found.update(fresh)
    return found


def autocomplete_pages(prefix: str, language: str, limit: int) -> list[Suggestion]:
    """Page titles starting with the prefix (folded), newest first."""
    folded = " ".join(folded_words(prefix))
    if len(folded) < 2:
        return []
    pages = kind_queryset("all", language).exclude(depth__lte=2).order_by("-first_published_at")
    suggestions = []
    for page in pages.only("title", "url_path", "locale")[:200]:
        title_words = folded_words(page.title)
        if any(" ".join(title_words[i:]).startswith(folded) for i in range(len(title_words))):
            suggestions.append(Suggestion("page", page.title, page.get_url() or ""))
            if len(suggestions) >= limit:
                break
    return suggestions
