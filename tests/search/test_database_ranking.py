"""The database backend pages a relevance search without ranking every match (title matches
first, then the rest newest first): the pages must be exactly those of the full ranking."""

from __future__ import annotations

import pytest

from search.backends.database import DatabaseBackend
from search.query import ProductQuery

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize("text", ["miód", "spółdzielnia", "chleb", "kielce", "catering"])
@pytest.mark.parametrize("per_page", [1, 3, 24])
@pytest.mark.parametrize("facets", [False, True])
def test_pages_follow_the_full_ranking(text, per_page, facets):
    backend = DatabaseBackend()
    query = ProductQuery(text=text, per_page=per_page, facets=facets)
    entries = backend._filtered(query, _today())
    ranked = list(backend._ordered(entries, query).values_list("pk", flat=True))
    assert ranked, text
    pages: list[int] = []
    page = 1
    while True:
        results = backend.products(
            ProductQuery(text=text, per_page=per_page, page=page, facets=facets)
        )
        assert results.total == len(ranked)
        pages.extend(results.pks)
        if not results.has_next:
            break
        page += 1
    assert pages == ranked
    past_the_end = backend.products(
        ProductQuery(text=text, per_page=per_page, page=page + 1, facets=facets)
    )
    assert past_the_end.hits == [] and past_the_end.total == len(ranked)


def _today():
    from marketplace.certificates.models import today_in_poland

    return today_in_poland()
