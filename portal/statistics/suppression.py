"""Statistical disclosure control: no published figure may describe fewer than MIN_GROUP units.

Every figure arrives here as a `Measure`: its value and the sizes of the groups behind it
(the PES counted, the distinct PES and buyers behind a sum, the orders and their PES). A
figure any of whose groups has 1 to MIN_GROUP - 1 members becomes `None` (primary
suppression). A zero describes nobody and is shown. When a table shows a total row and
exactly one cell of a column is suppressed, the total would give it back: the next smallest
non-zero cell of that column is suppressed too, or the total when there is no such cell
(complementary suppression). The page, the CSV, the JSON and the annual report all read the
resulting `Table`, so the rule applies identically everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .tables import MIN_GROUP, Cell, Table

Number = int | Decimal


@dataclass(frozen=True)
class Measure:
    """A figure before suppression and the group sizes it reveals something about."""

    value: Number
    groups: tuple[int, ...] = ()

    @property
    def is_small(self) -> bool:
        return any(0 < group < MIN_GROUP for group in self.groups)


def count(n: int) -> Measure:
    """A count of units (PES, orders, buyers): itself the group."""
    return Measure(n, (n,))


def measure(value: Number | None, *groups: int) -> Measure:
    """A figure (a sum, a count of orders…) with the distinct PES / buyers / orders behind it."""
    return Measure(value if value is not None else 0, tuple(groups))


def note_text(suppressed: int) -> str:
    if not suppressed:
        return ""
    return ngettext(
        "%(n)s cell is not published (shown as “<5”): it described fewer than %(min)s PES, "
        "buyers or orders, or would let such a figure be computed back from the total.",
        "%(n)s cells are not published (shown as “<5”): each described fewer than %(min)s PES, "
        "buyers or orders, or would let such a figure be computed back from the total.",
        suppressed,
    ) % {"n": suppressed, "min": MIN_GROUP}


def _complementary(cells: list[list[Measure | None]], column: int) -> None:
    """With a total shown, one hidden cell in a column is one subtraction away: hide another."""
    hidden = [row for row in cells[:-1] if row[column] is None]
    if len(hidden) != 1:
        return
    candidates = [
        (row[column].value, index)
        for index, row in enumerate(cells[:-1])
        if row[column] is not None and row[column].value > 0
    ]
    if candidates:
        _, index = min(candidates)
        cells[index][column] = None
    else:
        cells[-1][column] = None


def build(
    *,
    slug: str,
    title: str,
    description: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Measure]]],
    total: Sequence[Measure] | None = None,
    chart: str = "bar",
    unit: str = "",
    note: str = "",
    series: Sequence[str] | None = None,
    exempt: bool = False,
) -> Table:
    """The published `Table`: rows of labels and measures, suppressed as the module says.

    `total` adds a "Total" row (and with it complementary suppression); `exempt` publishes the
    figures as they are, for data public by name already (the competition's laureates) or not
    about PES at all (the OWES indicators): the note must say why.
    """
    labelled = list(rows)
    cells: list[list[Measure | None]] = [
        [None if (m.is_small and not exempt) else m for m in measures] for _, measures in labelled
    ]
    labels = [label for label, _ in labelled]
    if total is not None:
        cells.append([None if (m.is_small and not exempt) else m for m in total])
        labels.append(_("Total"))
        if not exempt:
            for column in range(len(total)):
                _complementary(cells, column)
    published: list[list[Cell]] = [
        [label, *(None if m is None else m.value for m in row)]
        for label, row in zip(labels, cells, strict=True)
    ]
    suppressed = sum(1 for row in cells for m in row if m is None)
    notes = [text for text in (note, note_text(suppressed)) if text]
    return Table(
        slug=slug,
        title=title,
        description=description,
        columns=list(columns),
        rows=published,
        chart=chart,
        unit=unit,
        note=" ".join(notes),
        suppressed_cells=suppressed,
        series=list(series if series is not None else columns[1:2]),
    )


def has_total(table: Table) -> bool:
    """Whether the last row is the total (`build` labels it so)."""
    return bool(table.rows) and table.rows[-1][0] == _("Total")
