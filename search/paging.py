"""A light stand-in for Django's `Page` over one page of search `Results`.

Listings that ask the search service for one page get the total from it, not a queryset, so
Django's `Paginator` has nothing to slice. Templates (`includes/pagination.html`) and tests use
the same names as Django's page: `number`, `has_next()`, `next_page_number()`,
`paginator.count`, `paginator.num_pages`…
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from portal import params

from .query import Results


@dataclass(frozen=True)
class SearchPaginator:
    count: int
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page)) if self.per_page else 1

    @property
    def page_range(self) -> range:
        return range(1, self.num_pages + 1)


class SearchPage(Sequence):
    """One page of a search listing; iterating gives the hits' objects, in order."""

    def __init__(self, results: Results, object_list: Sequence[Any] | None = None):
        self.number = results.page
        self.paginator = SearchPaginator(results.total, results.per_page)
        self.object_list = (
            object_list if object_list is not None else [hit.object for hit in results.hits]
        )

    def __len__(self) -> int:
        return len(self.object_list)

    def __getitem__(self, index):
        if not isinstance(index, int | slice):  # see LazyObjects.__getitem__
            raise TypeError(f"indices must be integers or slices, not {type(index).__name__}")
        return self.object_list[index]

    def __repr__(self) -> str:
        return f"<SearchPage {self.number} of {self.paginator.num_pages}>"

    def has_next(self) -> bool:
        return self.number < self.paginator.num_pages

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + 1 if self.paginator.count else 0

    def end_index(self) -> int:
        return min(self.number * self.paginator.per_page, self.paginator.count)


class LazyObjects(Sequence):
    """The hits' objects, loaded (by `load`, in one go) only when a template first looks.

    A page whose product grid comes from the fragment cache never loads its products."""

    def __init__(self, results: Results, load: Callable[[Results], None]):
        self._results = results
        self._load = load
        self._objects: list[Any] | None = None

    def _list(self) -> list[Any]:
        if self._objects is None:
            if self._results.hits:
                self._load(self._results)
            self._objects = [hit.object for hit in self._results.hits]
        return self._objects

    def __iter__(self) -> Iterator[Any]:
        return iter(self._list())

    def __len__(self) -> int:
        return len(self._list())

    def __bool__(self) -> bool:
        return bool(self._results.hits) and bool(self._list())

    def __getitem__(self, index):
        if not isinstance(index, int | slice):
            # A template's `page_obj.number` tries `page_obj["number"]` first: answer it
            # without loading the products (a cached grid would have needed none).
            raise TypeError(f"indices must be integers or slices, not {type(index).__name__}")
        return self._list()[index]


def page_number(value: Any) -> int:
    """A page number from a URL parameter: 1 for anything that is not a positive number; a
    page past any listing's end is the last the database can slice to (never an overflow)."""
    return params.page_number(value)
