"""One contract for every search backend: the same questions, the same answers.

Runs on the database backend always, and on Elasticsearch against `ELASTICSEARCH_URL` when set,
else against osmem-server (an in-memory OpenSearch-compatible server: not Lucene, so scores and
stemming differ). Assertions are about which documents match, facet counts and highlights,
never about scores."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from marketplace.directory.filters import DirectoryQuery, facet_counts, filter_partners
from portal.text import fold
from search.adapters import _offer, is_service, product_queryset
from search.query import PageQuery, ProductQuery
from search.service import get_backend, search_pages, search_partners, search_products

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, demo):
    """The backend under test, its indexes rebuilt from the demo data."""
    if request.param == "elasticsearch":
        request.getfixturevalue("use_elasticsearch")
    engine = get_backend()
    assert engine.name == request.param
    engine.rebuild()
    if request.param == "elasticsearch":
        call_command("wagtail_update_index", verbosity=0)
    return engine


def available() -> dict[int, object]:
    """Available products computed from the ORM, independently of any index."""
    return {p.pk: p for p in product_queryset() if _offer(p) is not None}


def all_hits(query: ProductQuery) -> list[int]:
    pks: list[int] = []
    page = 1
    while True:
        results = search_products(
            ProductQuery(**{**query.__dict__, "page": page, "per_page": 100, "facets": False}),
            load=False,
        )
        assert not results.error, results.error
        pks.extend(results.pks)
        if not results.has_next:
            return pks
        page += 1


def titles(pks: list[int]) -> set[str]:
    return set(Product.objects.filter(pk__in=pks).values_list("title", flat=True))


def test_catalogue_lists_every_available_product(backend):
    expected = available()
    pks = all_hits(ProductQuery())
    assert len(pks) == len(set(pks))
    assert set(pks) == set(expected)


def test_category_counts_match_the_database(backend):
    expected = available()
    results = search_products(ProductQuery(per_page=1))
    counts = results.counts["category"]
    for category in Category.objects.all():
        ids = set(category.get_descendants_and_self().values_list("pk", flat=True))
        in_category = [p for p in expected.values() if ids & {c.pk for c in p.categories.all()}]
        assert counts.get(str(category.pk), 0) == len(in_category), category.name
    top = next(f for f in results.facets if f.name == "category")
    assert top.values and all(v.count > 0 for v in top.values)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("miod", "Miód lipowy 400 g"),
        ("Miód", "Miód gryczany 500 g"),
        ("chlep", "Chleb żytni na zakwasie 1 kg"),  # one-letter typo
        ("piergi", "Pierogi ruskie domowe 1 kg"),  # one letter missing
        ("catering kielce", "Catering na spotkanie do 30 osób"),
    ],
)
def test_polish_aware_matching(backend, text, title):
    assert title in titles(all_hits(ProductQuery(text=text)))


def test_without_polish_letters_finds_the_social_cooperatives(backend):
    """ "spoldzielnia" finds what "Spółdzielnia Socjalna …" sells, and those PES."""
    sold_by_cooperatives = {
        pk
        for pk, product in available().items()
        if "spoldzielnia" in fold(_offer(product).partner.name)
    }
    assert sold_by_cooperatives
    assert sold_by_cooperatives <= set(all_hits(ProductQuery(text="spoldzielnia")))
    partners = search_partners(DirectoryQuery(q="spoldzielnia"), per_page=100, load=False)
    expected = set(
        filter_partners(DirectoryQuery())
        .filter(name__icontains="Spółdzielnia")
        .values_list("pk", flat=True)
    )
    assert expected and expected <= set(partners.pks)


def test_facets_filter_and_count_disjunctively(backend):
    expected = available()
    everything = search_products(ProductQuery(per_page=1))
    powiats = everything.counts["powiat"]
    assert sum(powiats.values()) == len(expected)
    code, count = max(powiats.items(), key=lambda item: item[1])
    narrowed = search_products(ProductQuery(powiats=(code,), per_page=100))
    assert narrowed.total == count
    assert all(
        hit.object.stockrecords.all()[0].partner.powiat.code == code for hit in narrowed.hits
    )
    # Choosing a powiat does not change the powiat counts (disjunctive), but narrows the others.
    assert narrowed.counts["powiat"] == powiats
    assert sum(narrowed.counts["kind"].values()) == count


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"kind": "goods", "price_range": "0-20"},
        {"certified": True, "kind": "goods"},
        {"text": "miod", "price_range": "20-50"},
        {"category": "Żywność i przetwory", "kind": "goods"},
    ],
)
def test_every_count_is_the_total_of_choosing_it(backend, chosen):
    """Disjunctive counts with several filters combined: each facet value's count equals the
    number of results when that value is chosen and every other choice is kept."""
    powiats = search_products(ProductQuery(per_page=1)).counts["powiat"]
    busiest = max(powiats, key=powiats.get)
    if "category" in chosen:  # by name: ids differ between test databases
        name = chosen["category"]
        chosen = {k: v for k, v in chosen.items() if k != "category"}
        chosen["categories"] = (Category.objects.get(depth=1, name=name).pk,)
    query = ProductQuery(per_page=1, powiats=(busiest,), **chosen)
    results = search_products(query)
    assert not results.error
    fields = {
        "powiat": lambda v: {"powiats": (v,)},
        "legal_form": lambda v: {"legal_forms": (v,)},
        "kind": lambda v: {"kind": v},
        "price": lambda v: {"price_range": v},
        "certified": lambda v: {"certified": True},
        "category": lambda v: {"categories": (int(v),)},
    }
    checked = 0
    for facet, as_choice in fields.items():
        for value, count in results.counts[facet].items():
            narrowed = ProductQuery(**{**query.__dict__, **as_choice(value), "facets": False})
            assert search_products(narrowed, load=False).total == count, (facet, value)
            checked += 1
    assert checked >= 3  # at least the powiat, legal-form and kind facets
    assert results.counts["category"] or not results.total
    everything = ProductQuery(**{**query.__dict__, "facets": False})
    assert results.total == search_products(everything, load=False).total


def test_kind_price_and_sorting(backend):
    services = search_products(ProductQuery(kind="services", per_page=100, facets=False))
    assert services.total and all(is_service(hit.object) for hit in services.hits)
    cheap = search_products(ProductQuery(price_range="0-20", per_page=100, facets=False))
    assert all(_offer(hit.object).price < Decimal(20) for hit in cheap.hits)
    ordered = search_products(ProductQuery(sort="price", per_page=100, facets=False))
    prices = [_offer(hit.object).price for hit in ordered.hits]
    assert prices == sorted(prices)
    descending = search_products(ProductQuery(sort="-price", per_page=100, facets=False))
    prices = [_offer(hit.object).price for hit in descending.hits]
    assert prices == sorted(prices, reverse=True)


def test_certified_products_only(backend):
    from marketplace.certificates.models import Certificate

    certified = set(
        Certificate.objects.valid_on().values_list("products", flat=True).exclude(products=None)
    ) & set(available())
    results = search_products(ProductQuery(certified=True, per_page=100, facets=False), load=False)
    assert set(results.pks) == certified


def test_partner_facet_counts_match_the_directory(backend):
    query = DirectoryQuery(q="spoldzielnia")
    results = search_partners(query, per_page=100, load=False)
    reference = facet_counts(query)
    for facet in ("powiat", "legal_form", "certified", "ps", "online"):
        assert results.counts[facet] == reference[facet], facet


def test_pages_are_found_with_highlights_in_their_language(backend):
    polish = search_pages(PageQuery(text="spoldzielnia", language="pl", kind="news"))
    assert not polish.error
    assert "W Kielcach powstała nowa spółdzielnia socjalna" in [h.title for h in polish.hits]
    assert all("<mark>" in str(hit.snippet) for hit in polish.hits if hit.snippet)
    english = search_pages(PageQuery(text="spoldzielnia", language="en", kind="news"))
    assert all(hit.object.locale.language_code == "en" for hit in english.hits)


def test_index_follows_the_data(backend):
    """Saving a product, its stock or its PES updates the index (immediately in tests)."""
    product = Product.objects.get(title="Miód lipowy 400 g")
    assert product.pk in all_hits(ProductQuery(text="miod"))
    product.is_public = False
    product.save()
    assert product.pk not in all_hits(ProductQuery(text="miod"))
    product.is_public = True
    product.save()
    assert product.pk in all_hits(ProductQuery(text="miod"))
    record = product.stockrecords.first()
    record.num_in_stock = record.num_allocated or 0
    record.save()
    assert product.pk not in all_hits(ProductQuery(text="miod"))
    partner = record.partner
    record.num_in_stock = 10 + (record.num_allocated or 0)
    record.save()
    partner.listed_in_directory = False
    partner.save()
    assert product.pk not in all_hits(ProductQuery(text="miod"))
    assert partner.pk not in search_partners(DirectoryQuery(q=partner.name), load=False).pks
