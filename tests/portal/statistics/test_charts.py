"""A chart is drawn once per table content and language, and anew when a figure changes."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation

from portal.statistics import charts
from portal.statistics.tables import Table


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    calls: list[str] = []
    draw = charts._draw

    def counting(table: Table) -> str:
        calls.append(table.slug)
        return draw(table)

    monkeypatch.setattr(charts, "_draw", counting)
    cache.clear()
    return calls


def table(value: int) -> Table:
    return Table("test-chart", "Tytuł", "Opis", ["Powiat", "PES"], [["kielecki", value]])


def test_the_same_table_is_drawn_once_and_a_changed_one_again(drawn):
    with translation.override("pl"):
        first = charts.svg(table(7))
        assert charts.svg(table(7)) == first
        assert drawn == ["test-chart"]
        assert charts.svg(table(8)) != first
        assert drawn == ["test-chart", "test-chart"]
    with translation.override("en"):
        charts.svg(table(7))
    assert len(drawn) == 3  # another language, another drawing
