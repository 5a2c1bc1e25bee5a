"""Page search, the same for both backends: Wagtail's configured backend (database by
default, `elasticsearch8` with `ELASTICSEARCH_URL`) over live, public pages of one language.

Pages index a folded, stemmed copy of their text (`portal.searchable`), and the query is
folded and stemmed the same way here, so diacritics and endings do not matter."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.apps import apps
from django.db.models import QuerySet
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from portal.text import folded_words, stem

from .backends.base import SearchUnavailable
from .highlight import highlight
from .query import PAGE_KINDS, Hit, PageQuery, Results, Suggestion

KIND_MODELS = {
    "news": "news.NewsPage",
    "goodpractice": "goodpractices.GoodPracticePage",
    "event": "events.EventPage",
}


def search_terms(text: str, language: str = "pl") -> str:
    """The query as the index stores text: folded words reduced to their stems."""
    return " ".join(stem(word, language) for word in folded_words(text)[:8])


def _locale(language: str) -> Locale | None:
    return Locale.objects.filter(language_code=language).first()


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
    queryset = queryset.live().public()
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
    specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    for page in pages:
        page = specific.get(page.pk, page)
        text = getattr(page, "search_description", "") or ""
        plain = page.search_plain_text() if hasattr(page, "search_plain_text") else ""
        results.hits.append(
            Hit(
                query.kind or "page",
                page.pk,
                title=page.title,
                snippet=highlight(f"{text} {strip_tags(plain)}".strip(), query.text),
                url=page.get_url() or "",
                object=page,
            )
        )
    return results


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
