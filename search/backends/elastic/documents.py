"""Index settings and elasticsearch-dsl `Document` classes for products and PES.

The adapters build plain dicts (shared with the database backend); `source()` passes each
through its `Document` so every indexed field is declared, and `index_body()` builds the index
from the same classes, so mapping and documents cannot drift apart.

Text is analysed by "folded" (standard tokenizer, lowercase, asciifolding: Lucene folds
"ł" to "l", so "spoldzielnia" meets "Spółdzielnia"). Titles and names get an edge-ngram
subfield for autocomplete. Polish stemming needs the `analysis-stempel` plugin on every
node: it is detected at index creation and a `polish` subfield added only when present.
Facets are keyword/boolean/integer fields; certificate periods are dates, compared with
today at query time so a badge never goes stale in the index.
"""

from __future__ import annotations

from typing import Any

from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    MetaField,
    ScaledFloat,
    Text,
    analyzer,
    token_filter,
)

STEMPEL = "analysis-stempel"
# Keyword copies of folded text are used for substring matching (the directory's rule); Lucene
# refuses terms over 32,766 bytes, and folded text is ASCII, so characters = bytes.
MAX_KEYWORD = 32000

folded = analyzer(
    "folded", tokenizer="standard", filter=["lowercase", "asciifolding"], type="custom"
)
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("autocomplete_edge", type="edge_ngram", min_gram=1, max_gram=20),
    ],
    type="custom",
)
polish = analyzer(
    "polish_folded",
    tokenizer="standard",
    filter=["lowercase", "polish_stem", "asciifolding"],
    type="custom",
)


def _text(*, suggest: bool = False, stemmed: bool = False) -> Text:
    """A folded text field, with an autocomplete and/or Polish-stemmed subfield."""
    fields: dict[str, Any] = {}
    if suggest:
        fields["ac"] = Text(analyzer=autocomplete, search_analyzer=folded)
    if stemmed:
        fields["polish"] = Text(analyzer=polish)
    return Text(analyzer=folded, fields=fields) if fields else Text(analyzer=folded)


class ProductDocument(Document):
    """An available product as `search.adapters.product_document` writes it."""

    pk = Integer()
    title = _text(suggest=True)
    description = _text()
    category_names = _text()
    partner_name = _text()
    folded_title = Keyword(ignore_above=1000)
    folded_text = _text()
    categories = Integer(multi=True)
    partner_id = Integer()
    powiat = Keyword()
    legal_form = Keyword()
    is_service = Boolean()
    price = ScaledFloat(scaling_factor=100)
    currency = Keyword()
    created = Date()
    certified_from = Date()
    certified_until = Date()

    class Meta:
        dynamic = MetaField("false")


class StemmedProductDocument(ProductDocument):
    """The same product where the cluster has the Polish stemmer: text gets a `polish` subfield."""

    title = _text(suggest=True, stemmed=True)
    description = _text(stemmed=True)
    category_names = _text(stemmed=True)
    folded_text = _text(stemmed=True)


class PartnerDocument(Document):
    """A listed PES as `search.adapters.partner_document` writes it: what the directory
    filters and searches on."""

    pk = Integer()
    name = _text(suggest=True)
    code = Keyword()
    description = _text()
    city = _text()
    powiat = Keyword()
    legal_form = Keyword()
    reintegration = Keyword()
    ps = Boolean()
    art94 = Boolean()
    online = Boolean()
    activities = Keyword(multi=True)
    certified_from = Date()
    certified_until = Date()
    folded_name = Keyword(ignore_above=1000)
    folded_text = Text(analyzer=folded, fields={"raw": Keyword(ignore_above=MAX_KEYWORD)})

    class Meta:
        dynamic = MetaField("false")


class StemmedPartnerDocument(PartnerDocument):
    """A PES where the cluster has the Polish stemmer."""

    name = _text(suggest=True, stemmed=True)
    description = _text(stemmed=True)


DOCUMENTS: dict[tuple[str, bool], type[Document]] = {
    ("products", False): ProductDocument,
    ("products", True): StemmedProductDocument,
    ("partners", False): PartnerDocument,
    ("partners", True): StemmedPartnerDocument,
}


def document_class(kind: str, *, stemmed: bool = False) -> type[Document]:
    """The `Document` class of a "products" or "partners" index."""
    return DOCUMENTS[(kind, stemmed)]


def source(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The `_source` of one document, through its `Document` class so that a field the
    mapping does not declare fails here (dynamic mapping is off: it would be silently
    unsearchable) rather than in a query months later."""
    cls = document_class(kind)
    declared = set(cls._doc_type.mapping)
    undeclared = set(fields) - declared
    if undeclared:
        raise ValueError(f"{kind}: fields not in {cls.__name__}: {sorted(undeclared)}")
    return cls(**fields).to_dict(skip_empty=False)


def index_body(kind: str, *, stemmed: bool = False) -> dict[str, Any]:
    """`settings` and `mappings` for `indices.create` of a "products" or "partners" index."""
    index = Index("unused")
    index.settings(number_of_shards=1, max_ngram_diff=19)
    index.analyzer(folded)
    index.analyzer(autocomplete)
    if stemmed:
        index.analyzer(polish)
    index.document(document_class(kind, stemmed=stemmed))
    body = index.to_dict()
    if stemmed:
        analysis = body["settings"].setdefault("analysis", {})
        analysis.setdefault("filter", {})["polish_stem"] = {"type": "polish_stem"}
    return body


def has_stempel(client: Any) -> bool:
    """Whether every node has the Polish stemmer: `_nodes/plugins` lists each node's plugins;
    servers that leave the list out (osmem-server) are asked `_cat/plugins`."""
    nodes = client.nodes.info(metric="plugins").get("nodes", {})
    if nodes and all("plugins" in node for node in nodes.values()):
        return all(
            any(plugin.get("name") == STEMPEL for plugin in node["plugins"])
            for node in nodes.values()
        )
    rows = client.cat.plugins(format="json")
    with_stempel = {row.get("name") for row in rows if row.get("component") == STEMPEL}
    names = {node.get("name") for node in nodes.values()} or {row.get("name") for row in rows}
    return bool(with_stempel) and with_stempel >= names
