"""Numbers, ids, pages and years read from URLs, bounded to what the database can hold.

A Python int has no limit, a database column has: an id of 20 digits reaching the ORM makes
SQLite raise OverflowError and PostgreSQL DataError, and `str.isdigit()` accepts "²", which
`int()` refuses. Every view that turns a URL parameter into a number goes through here, so
an odd value is an ignored filter or a form error, never a server error; path ids are checked
once for every view by `PathValuesMiddleware` (a 404).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

# Ids are Django's AutoField: a 32-bit integer on PostgreSQL (64-bit on SQLite).
ID_MAX = 2**31 - 1
# Years a `datetime.date` (and so a `__year` lookup) can hold.
YEAR_MAX = 9999
# Pages past this are never a real listing's; a link further is treated as this one.
PAGE_MAX = 10_000
# ASCII digits only: `int()` also takes "+1", " 1", "1_0" and Arabic-Indic digits.
_DIGITS = re.compile(r"[0-9]{1,19}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(value: Any, limit: int = 200) -> str:
    """A parameter as text: control characters (a NUL, which PostgreSQL refuses in a string)
    and runs of white space become one space; trimmed to `limit` characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(value or ""))
    return " ".join(text.split())[:limit]


def positive_int(value: Any, maximum: int = ID_MAX) -> int | None:
    """`value` as an int from 1 to `maximum`, or None for anything else (never raises)."""
    text = str(value).strip() if value is not None else ""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= maximum else None


def positive_ids(values: Iterable[Any], limit: int = 100) -> list[int]:
    """The valid ids among the first `limit` values, each once, in their order."""
    ids: list[int] = []
    for value in list(values)[:limit]:
        number = positive_int(value)
        if number is not None and number not in ids:
            ids.append(number)
    return ids


def page_number(value: Any, maximum: int = PAGE_MAX) -> int:
    """A page number: 1 for anything that is not a positive number, at most `maximum`."""
    text = str(value).strip() if value is not None else ""
    if not (text.isascii() and text.isdigit()):
        return 1
    if len(text) > len(str(maximum)):  # no int() of a thousand digits
        return maximum
    return max(1, min(int(text), maximum))


def year(value: Any) -> int | None:
    """A year a date can hold (1–9999), or None."""
    return positive_int(value, maximum=YEAR_MAX)


def _is_id_name(name: str) -> bool:
    return name == "pk" or name.endswith(("_pk", "_id"))


class PathValuesMiddleware:
    """What the URL resolver took from the path, checked once for every view (ours, Oscar's,
    Wagtail's admin) before it runs; a 404 for
    - an id beyond the id range: an int (`<int:pk>`), or digits named like an id in a regex
      route (Oscar's `(?P<pk>\\d+)`): no row has it, and the database could not even compare it
      (Django range-checks neither lookups through a foreign key nor 5000 digits);
    - a segment with a control character (`%00`): nothing is named so, and PostgreSQL refuses
      a NUL in a string."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict[str, Any]
    ) -> None:
        match = getattr(request, "resolver_match", None)
        regex_route = "(?P<" in (getattr(match, "route", "") or "")
        named = [(str(index), value) for index, value in enumerate(args)]
        for name, value in [*named, *kwargs.items()]:
            if type(value) is int and not -ID_MAX <= value <= ID_MAX:
                raise Http404
            if not isinstance(value, str):
                continue
            if _CONTROL.search(value):
                raise Http404
            if regex_route and _is_id_name(name) and value.isdigit() and not positive_int(value):
                raise Http404
