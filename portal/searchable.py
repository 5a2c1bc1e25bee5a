"""Pages index a folded, stemmed copy of their text, so "spoldzielnia" finds "Spółdzielnia"
and "miodu" finds "Miód" on every search backend. Neither database backend folds "ł" out of
the box (SQLite's unicode61 has no decomposition for it; PostgreSQL has no Polish dictionary),
and none stems Polish, so the folding (anyascii) and the light stemmer happen here."""

from __future__ import annotations

from django.db import models
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.search import index

from portal.text import folded_with_stems

SKIPPED = {"title", "search_folded"}


class FoldedSearchMixin(models.Model):
    """Add `FOLDED_SEARCH_FIELDS` to a page's `search_fields`.

    An abstract model rather than a plain mixin: Elasticsearch mappings name a field after the
    model that defines it (`portal_foldedsearchmixin__search_folded`, one field for every page
    type), and a plain class has no `_meta` to name it by."""

    class Meta:
        abstract = True

    def search_plain_text(self) -> str:
        """The page's searchable text as a reader sees it (also used for snippets)."""
        parts: list[str] = []
        for field in self.search_fields:  # type: ignore[attr-defined]
            if not isinstance(field, index.SearchField) or field.field_name in SKIPPED:
                continue
            value = getattr(self, field.field_name, None)
            if callable(value):
                value = value()
            if isinstance(value, StreamValue):
                block = value.stream_block
                parts.extend(str(text) for text in block.get_searchable_content(value))
            elif value:
                parts.append(strip_tags(str(value)))
        return " ".join(" ".join(parts).split())

    def search_folded(self) -> str:
        title = getattr(self, "title", "")
        description = getattr(self, "search_description", "")
        locale = getattr(self, "locale", None)
        language = locale.language_code if locale is not None else "pl"
        text = f"{title} {description} {self.search_plain_text()}"
        return folded_with_stems(text, language)


FOLDED_SEARCH_FIELDS = [
    index.SearchField("search_folded"),
    index.AutocompleteField("search_folded"),
]
