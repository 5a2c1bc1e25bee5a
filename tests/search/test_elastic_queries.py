"""The Elasticsearch backend: the request bodies it builds (no server needed), then the same
questions asked of a server (`ELASTICSEARCH_URL`, else osmem-server; see conftest) and
checked against the database backend's answers on the demo data."""

from __future__ import annotations

from datetime import date

import pytest
from oscar.core.loading import get_model

from marketplace.directory.filters import DirectoryQuery, facet_counts
from portal.text import fold
from search.adapters import _offer, partner_documents, product_documents, product_queryset
from search.backends import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.backends.elastic.backend import (
    ElasticsearchBackend,
    partner_search,
    product_search,
)
from search.backends.elastic.client import client_options
from search.backends.elastic.documents import PartnerDocument, ProductDocument, index_body, source
from search.backends.elastic.transport import plain_mimetype
from search.query import ProductQuery

Product = get_model("catalogue", "Product")
TODAY = date(2026, 11, 22)
CERTIFIED = {
    "bool": {
        "must": [
            {"range": {"certified_from": {"lte": "2026-11-22"}}},
            {"range": {"certified_until": {"gte": "2026-11-22"}}},
        ]
    }
}


def body(query: ProductQuery) -> dict:
    return product_search(query, "portal-products", TODAY).to_dict()


# Request bodies --------------------------------------------------------------------------
def test_one_word_must_match_the_folded_text_with_typos_allowed():
    request = body(ProductQuery(text="Miód", facets=False))
    must = request["query"]["bool"]["must"][0]["match"]["folded_text"]
    assert must == {"query": "miod", "operator": "and", "fuzziness": "AUTO", "prefix_length": 1}
    scoring = request["query"]["bool"]["should"][0]["multi_match"]
    assert scoring["fields"][0] == "title^3" and scoring["query"] == "miod"
    assert request["track_total_hits"] is True
    assert request["sort"] == ["_score", {"created": "desc"}, {"pk": "desc"}]
    assert request["from"] == 0 and request["size"] == 24
    assert request["highlight"]["pre_tags"] == ["<mark>"]
    assert request["highlight"]["encoder"] == "html"
    assert "aggs" not in request and "post_filter" not in request


def test_stemmed_fields_are_an_alternative_only_with_stempel():
    query = ProductQuery(text="miodu lipowego", facets=False)
    request = product_search(query, "portal-products", TODAY, stemmed=True).to_dict()
    either = request["query"]["bool"]["must"][0]["bool"]["should"]
    assert either[0]["match"]["folded_text"]["query"] == "miodu lipowego"
    assert either[1]["multi_match"]["fields"][0] == "title.polish"
    assert either[1]["multi_match"]["operator"] == "and"
    assert "polish" not in str(body(query)["query"])


def test_two_words_and_facets_filter_after_the_query():
    query = ProductQuery(
        text="chleb żytni", powiats=("2661",), kind="goods", certified=True, page=2, per_page=10
    )
    request = product_search(query, "portal-products", TODAY).to_dict()
    assert request["query"]["bool"]["must"][0]["match"]["folded_text"]["query"] == "chleb zytni"
    assert request["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"powiat": ["2661"]}},
                {"term": {"is_service": False}},
                CERTIFIED,
            ]
        }
    }
    assert request["from"] == 10 and request["size"] == 10


def test_each_facet_is_counted_with_every_other_filter():
    query = ProductQuery(categories=(3,), powiats=("2661",), price_range="20-50")
    aggs = body(query)["aggs"]
    powiat_filter = aggs["powiat"]["filter"]["bool"]["filter"]
    assert {"terms": {"categories": [3]}} in powiat_filter
    assert {"range": {"price": {"gte": 20.0, "lt": 50.0}}} in powiat_filter
    assert {"terms": {"powiat": ["2661"]}} not in powiat_filter
    assert aggs["powiat"]["aggs"]["values"] == {"terms": {"field": "powiat", "size": 1000}}
    category_filter = aggs["category"]["filter"]["bool"]["filter"]
    assert {"terms": {"categories": [3]}} not in category_filter
    assert aggs["category"]["aggs"]["values"]["terms"]["field"] == "categories"
    # An unchosen facet is counted with all the chosen filters.
    assert len(aggs["kind"]["filter"]["bool"]["filter"]) == 3
    price = aggs["price"]["aggs"]["values"]["range"]
    assert price["keyed"] is True and price["ranges"][0] == {"key": "0-20", "to": 20.0}
    assert aggs["certified"]["aggs"]["values"]["filters"]["filters"]["1"] == CERTIFIED
    # Without any filter, each facet is counted over everything matching the text.
    assert body(ProductQuery())["aggs"]["legal_form"]["filter"] == {"match_all": {}}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (
            "price",
            [
                {"price": {"order": "asc", "missing": "_last"}},
                {"created": "desc"},
                {"pk": "asc"},
            ],
        ),
        (
            "-price",
            [
                {"price": {"order": "desc", "missing": "_last"}},
                {"created": "desc"},
                {"pk": "asc"},
            ],
        ),
        ("newest", [{"created": "desc"}, {"pk": "desc"}]),
        ("relevance", [{"created": "desc"}, {"pk": "desc"}]),  # no text
    ],
)
def test_sorting_follows_the_database_backend(sort, expected):
    assert body(ProductQuery(sort=sort, facets=False))["sort"] == expected


def test_partner_search_is_the_directory_rule():
    query = DirectoryQuery(
        q="Spółdzielnia Kielce", legal_form=("spoldzielnia",), online=True, sort_by="relevance"
    )
    request = partner_search(query, "portal-partners", TODAY, 1, 20).to_dict()
    text = request["query"]["bool"]["must"][0]["constant_score"]["filter"]["bool"]["filter"]
    assert text == [
        {"wildcard": {"folded_text.raw": {"value": "*spoldzielnia*"}}},
        {"wildcard": {"folded_text.raw": {"value": "*kielce*"}}},
    ]
    assert request["sort"][0] == "_score"
    # Booleans count "this ticked too"; choices are disjunctive.
    online = request["aggs"]["online"]["filter"]["bool"]["filter"]
    assert {"term": {"online": True}} in online
    ps = request["aggs"]["ps"]["filter"]["bool"]["filter"]
    assert {"term": {"ps": True}} in ps and {"term": {"online": True}} in ps
    legal = request["aggs"]["legal_form"]["filter"]["bool"]["filter"]
    assert legal == [{"term": {"online": True}}]


def test_mappings_fold_polish_and_stem_only_with_stempel():
    plain = index_body("products")
    analyzer = plain["settings"]["analysis"]["analyzer"]["folded"]
    assert analyzer["filter"] == ["lowercase", "asciifolding"]
    assert analyzer["tokenizer"] == "standard"
    title = plain["mappings"]["properties"]["title"]
    assert title["analyzer"] == "folded" and "ac" in title["fields"]
    assert "polish" not in title["fields"]
    assert plain["mappings"]["properties"]["price"]["type"] == "scaled_float"
    stemmed = index_body("products", stemmed=True)
    assert "polish" in stemmed["mappings"]["properties"]["title"]["fields"]
    assert stemmed["settings"]["analysis"]["filter"]["polish_stem"] == {"type": "polish_stem"}


@pytest.mark.django_db
def test_documents_declare_every_field_the_adapters_write(demo):
    """The mapping is built from the `Document` classes and dynamic mapping is off, so a field
    the adapters add without declaring it would be stored but never searchable."""
    product = next(doc for _, doc in product_documents(None) if doc)
    partner = next(doc for _, doc in partner_documents(None) if doc)
    assert set(product) == set(ProductDocument._doc_type.mapping)
    assert set(partner) == set(PartnerDocument._doc_type.mapping)
    written = source("products", product)
    assert written["pk"] == product["pk"] and written["categories"] == product["categories"]
    assert source("partners", partner)["activities"] == partner["activities"]
    mapped = index_body("partners")["mappings"]
    assert mapped["dynamic"] == "false"
    assert mapped["properties"]["activities"] == {"type": "keyword"}
    with pytest.raises(ValueError, match="stray"):
        source("products", {**product, "stray": 1})


def test_client_options_and_plain_json():
    options = client_options(
        "https://user:p%40ss@es.example:9243/", api_key="k", ca_certs="/ca.pem", plain_json=True
    )
    assert options["hosts"] == ["https://es.example:9243/"]
    assert options["basic_auth"] == ("user", "p@ss")
    assert options["api_key"] == "k" and options["ca_certs"] == "/ca.pem"
    assert options["node_class"].__name__ == "PlainJsonNode"
    assert plain_mimetype("application/vnd.elasticsearch+json; compatible-with=8") == (
        "application/json"
    )
    assert plain_mimetype("application/vnd.elasticsearch+x-ndjson; compatible-with=8") == (
        "application/x-ndjson"
    )


def test_wagtail_backend_folds_and_can_send_plain_json(monkeypatch):
    from search.backends.elastic.settings import wagtail_backend

    monkeypatch.setenv("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
    monkeypatch.setenv("ELASTICSEARCH_INDEX", "shop")
    monkeypatch.setenv("ELASTICSEARCH_PLAIN_JSON", "1")
    config = wagtail_backend()
    assert config["INDEX_PREFIX"] == "shop-pages-"
    assert config["ATOMIC_REBUILD"] is True
    default = config["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
    assert default["filter"] == ["lowercase", "asciifolding"]
    assert config["OPTIONS"]["node_class"].__name__ == "PlainJsonNode"


# Against a server ------------------------------------------------------------------------
def titles(pks: list[int]) -> set[str]:
    return set(Product.objects.filter(pk__in=pks).values_list("title", flat=True))


def every_pk(backend, query: ProductQuery) -> list[int]:
    pks: list[int] = []
    page = 1
    while True:
        results = backend.products(
            ProductQuery(**{**query.__dict__, "page": page, "per_page": 100, "facets": False})
        )
        pks.extend(results.pks)
        if not results.has_next:
            return pks
        page += 1


@pytest.fixture
def elastic(demo, use_elasticsearch) -> ElasticsearchBackend:
    from search.service import get_backend

    backend = get_backend()
    assert isinstance(backend, ElasticsearchBackend)
    counts = backend.rebuild()
    assert counts["products"] and counts["partners"]
    DatabaseBackend().rebuild()
    return backend


@pytest.mark.django_db
def test_polish_matching_on_the_server(elastic, use_elasticsearch):
    print("search engine:", use_elasticsearch[1])  # noqa: T201 - the run names its engine
    sold_by_cooperatives = {
        pk
        for pk, product in ((p.pk, p) for p in product_queryset())
        if _offer(product) and "spoldzielnia socjalna" in fold(_offer(product).partner.name)
    }
    assert sold_by_cooperatives
    assert sold_by_cooperatives <= set(every_pk(elastic, ProductQuery(text="spoldzielnia")))
    assert "Miód lipowy 400 g" in titles(every_pk(elastic, ProductQuery(text="miod")))
    assert "Chleb żytni na zakwasie 1 kg" in titles(every_pk(elastic, ProductQuery(text="chlep")))
    found = elastic.products(ProductQuery(text="miod", per_page=5))
    assert any("<mark>" in hit.snippet for hit in found.hits)
    suggestions = elastic.autocomplete("chle", "pl")
    assert "Chleb żytni na zakwasie 1 kg" in [s.title for s in suggestions if s.kind == "product"]
    assert all(s.url for s in suggestions)


@pytest.mark.django_db
def test_counts_equal_the_database_backend(elastic):
    database = DatabaseBackend()
    for text in ("", "miod", "spoldzielnia"):
        query = ProductQuery(text=text, per_page=5)
        ours, theirs = elastic.products(query), database.products(query)
        assert ours.total == theirs.total, text
        assert ours.counts["category"] == theirs.counts["category"], text
        for facet in ("powiat", "legal_form", "kind", "price", "certified"):
            assert ours.counts[facet] == theirs.counts[facet], (text, facet)
    code = max(database.products(ProductQuery()).counts["powiat"].items(), key=lambda i: i[1])[0]
    narrowed = ProductQuery(powiats=(code,), kind="goods")
    assert elastic.products(narrowed).counts == database.products(narrowed).counts


@pytest.mark.django_db
def test_partner_counts_equal_the_directory(elastic):
    for query in (DirectoryQuery(), DirectoryQuery(q="spoldzielnia", sort_by="relevance")):
        results = elastic.partners(query, 1, 100)
        assert results.counts == facet_counts(query), query


@pytest.mark.django_db
def test_alias_keeps_answering_during_a_rebuild(elastic):
    before = elastic.products(ProductQuery(text="miod", facets=False)).total
    assert before
    seen: list[int] = []

    def progress(stage: str, done: int, total: int) -> None:
        # Called between creating the new index and switching the alias to it.
        seen.append(elastic.products(ProductQuery(text="miod", facets=False)).total)

    elastic.rebuild(progress)
    assert seen and all(total == before for total in seen)
    assert elastic.products(ProductQuery(text="miod", facets=False)).total == before
    client = elastic.client
    concrete = client.indices.get_alias(name=elastic.alias("products"))
    assert len(concrete) == 1  # the old index is gone
    assert "products:" in elastic.check()


@pytest.mark.django_db
def test_updates_follow_the_data(elastic):
    product = Product.objects.get(title="Miód lipowy 400 g")
    product.is_public = False
    product.save()
    elastic.update_products([product.pk])
    assert product.pk not in every_pk(elastic, ProductQuery(text="miod"))
    elastic.update_products([10**9])  # a product that never existed: the 404 is ignored
    product.is_public = True
    product.description = "Miód 2 < 3 & więcej"
    product.save()
    elastic.update_products([product.pk])
    assert product.pk in every_pk(elastic, ProductQuery(text="miod"))
    hit = next(
        h
        for h in elastic.products(ProductQuery(text="miod", per_page=100)).hits
        if h.pk == product.pk
    )
    assert "<mark>Miód</mark> 2 &lt; 3 &amp; więcej" in hit.snippet  # escaped, matches marked


def test_a_closed_port_is_search_unavailable(settings):
    from search.backends.elastic.client import clear_clients

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1
    clear_clients()
    backend = ElasticsearchBackend()
    try:
        with pytest.raises(SearchUnavailable):
            backend.products(ProductQuery(text="miod"))
        with pytest.raises(SearchUnavailable):
            backend.partners(DirectoryQuery(q="x"), 1, 10)
        with pytest.raises(SearchUnavailable):
            backend.check()
    finally:
        clear_clients()


@pytest.mark.django_db
def test_fields_of_activity_follow_ticks_renames_and_deletes(elastic):
    """A PES's document holds its fields' slugs and names: changing either side of the
    relation, renaming or deleting a field re-indexes the holders (upkeep, immediate here)."""
    from marketplace.partner.models import ActivityField
    from search.adapters import partner_queryset

    partner = partner_queryset().first()
    field = ActivityField.objects.create(name="Pasieki wędrowne", slug="pasieki-wedrowne")

    def found(query: DirectoryQuery) -> bool:
        return partner.pk in elastic.partners(query, 1, 100).pks

    by_slug = DirectoryQuery(activity=("pasieki-wedrowne",))
    by_name = DirectoryQuery(q="pasieki wedrowne", sort_by="relevance")
    assert not found(by_slug) and not found(by_name)
    partner.activity_fields.add(field)
    assert found(by_slug) and found(by_name)
    field.name = "Barcie leśne"
    field.save()
    assert found(DirectoryQuery(q="barcie lesne")) and not found(by_name)
    field.partners.remove(partner)
    assert not found(by_slug)
    field.partners.add(partner)
    assert found(by_slug)
    field.partners.clear()
    assert not found(by_slug)
    partner.activity_fields.add(field)
    assert found(by_slug)
    field.delete()
    assert not found(by_slug) and not found(DirectoryQuery(q="barcie lesne"))
