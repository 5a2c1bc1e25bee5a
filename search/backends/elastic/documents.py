"""Index settings and mappings for products and PES, built with elasticsearch-dsl.

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
    Index,
    Integer,
    Keyword,
    Mapping,
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


def product_mapping(stemmed: bool = False) -> Mapping:
    """The fields of `search.adapters.product_document`."""
    mapping = Mapping()
    mapping.meta("dynamic", "false")
    mapping.field("pk", Integer())
    mapping.field("title", _text(suggest=True, stemmed=stemmed))
    mapping.field("description", _text(stemmed=stemmed))
    mapping.field("category_names", _text(stemmed=stemmed))
    mapping.field("partner_name", _text())
    mapping.field("folded_title", Keyword(ignore_above=1000))
    mapping.field("folded_text", _text(stemmed=stemmed))
    mapping.field("categories", Integer())
    mapping.field("partner_id", Integer())
    mapping.field("powiat", Keyword())
    mapping.field("legal_form", Keyword())
    mapping.field("is_service", Boolean())
    mapping.field("price", ScaledFloat(scaling_factor=100))
    mapping.field("currency", Keyword())
    mapping.field("created", Date())
    mapping.field("certified_from", Date())
    mapping.field("certified_until", Date())
    return mapping


def partner_mapping(stemmed: bool = False) -> Mapping:
    """The fields of `search.adapters.partner_document`."""
    mapping = Mapping()
    mapping.meta("dynamic", "false")
    mapping.field("pk", Integer())
    mapping.field("name", _text(suggest=True, stemmed=stemmed))
    mapping.field("code", Keyword())
    mapping.field("description", _text(stemmed=stemmed))
    mapping.field("city", _text())
    mapping.field("powiat", Keyword())
    mapping.field("legal_form", Keyword())
    mapping.field("reintegration", Keyword())
    mapping.field("ps", Boolean())
    mapping.field("art94", Boolean())
    mapping.field("online", Boolean())
    mapping.field("activities", Keyword())
    mapping.field("certified_from", Date())
    mapping.field("certified_until", Date())
    mapping.field("folded_name", Keyword(ignore_above=1000))
    mapping.field(
        "folded_text",
        Text(
            analyzer=folded,
            fields={"raw": Keyword(ignore_above=MAX_KEYWORD)},
        ),
    )
    return mapping


def index_body(kind: str, *, stemmed: bool = False) -> dict[str, Any]:
    """`settings` and `mappings` for `indices.create` of a "products" or "partners" index."""
    index = Index("unused")
    index.settings(number_of_shards=1, max_ngram_diff=19)
    index.analyzer(folded)
    index.analyzer(autocomplete)
    if stemmed:
        index.analyzer(polish)
    mapping = product_mapping(stemmed) if kind == "products" else partner_mapping(stemmed)
    index.mapping(mapping)
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
