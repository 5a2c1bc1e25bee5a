"""A table's chart as inline SVG, drawn on the server by pygal: no script, prints as it shows.

The SVG is an image with a name and a description (`<title>`, `<desc>`, role="img",
aria-labelledby); the data table printed right after it on the page is its accessible
equivalent. Suppressed cells (None) are drawn as gaps, never as zeros. The total row is left
out of the chart (it would dwarf the bars). Colours are dark enough against white for WCAG AA
(contrast above 4.5:1 for every series colour and the text).
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal

import pygal
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from pygal.style import Style

from .suppression import has_total
from .tables import Table

# Contrast against white: #1f4e8c 8.1:1, #a1401a 6.0:1, #2e6b30 6.5:1, #6b3a8c 8.4:1.
COLOURS = ("#1f4e8c", "#a1401a", "#2e6b30", "#6b3a8c", "#5c4a00")
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#595959",
    opacity="1",
    opacity_hover="1",
    transition="none",
    colors=COLOURS,
    font_family=FONT,
    label_font_family=FONT,
    major_label_font_family=FONT,
    value_font_family=FONT,
    legend_font_family=FONT,
    title_font_family=FONT,
    tooltip_font_family=FONT,
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    value_font_size=14,
)

KINDS = {
    "bar": pygal.Bar,
    "hbar": pygal.HorizontalBar,
    "line": pygal.Line,
    "stacked": pygal.StackedBar,
    "pie": pygal.Pie,
}


CHART_CACHE_SECONDS = 24 * 60 * 60


def chart_id(table: Table) -> str:
    return f"chart-{slugify(table.slug)}"


def _number(cell: object) -> float | None:
    if cell is None or isinstance(cell, bool):
        return None
    if isinstance(cell, int | float | Decimal):
        return float(cell)
    return None


def svg(table: Table) -> SafeString:
    """The chart of `table.series` over its rows, as an accessible inline SVG element.

    Drawing is most of the page's time (pygal, about 8 ms a chart), and a chart depends only on
    its table and the language: it is kept in the cache under a digest of both, so a figure that
    changed is simply drawn anew under another key.
    """
    digest = hashlib.sha256(
        json.dumps([get_language(), table.as_dict()], sort_keys=True, default=str).encode()
    ).hexdigest()
    key = f"statistics-svg:{digest}"
    rendered = cache.get(key)
    if rendered is None:
        rendered = _draw(table)
        cache.set(key, rendered, CHART_CACHE_SECONDS)
    return mark_safe(rendered)  # noqa: S308 (pygal escapes its text; ours too)


def _draw(table: Table) -> str:
    rows = table.rows[:-1] if has_total(table) else table.rows
    if table.chart == "hbar":
        rows = rows[::-1]  # pygal draws the first bar at the bottom: read top-down like the table
    series = [name for name in (table.series or table.columns[1:2]) if name in table.columns]
    kind = KINDS.get(table.chart, pygal.Bar)
    height = max(400, 60 + 34 * len(rows)) if table.chart == "hbar" else 450
    chart = kind(
        style=STYLE,
        width=800,
        height=height,
        js=[],
        disable_xml_declaration=True,
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        print_values=False,
        allow_interruptions=True,  # a line breaks at a suppressed year
        truncate_label=40,
        x_label_rotation=0 if table.chart == "hbar" or len(rows) <= 8 else 30,
        margin=12,
        include_x_axis=True,
        tooltip_border_radius=0,
        no_data_text=_("no data"),
    )
    chart.config.js = []
    chart.x_labels = [str(row[0]) for row in rows]
    for name in series:
        index = table.columns.index(name)
        chart.add(name, [_number(row[index]) for row in rows])
    return _label(chart.render(is_unicode=True), table)


def _label(rendered: str, table: Table) -> str:
    """Name the image: role, aria-labelledby, and <title>/<desc> as the first children."""
    base = chart_id(table)
    rendered = re.sub(r"<!--.*?-->", "", rendered, flags=re.S)
    # pygal writes its config as an inline script even with no script files: not needed
    rendered = re.sub(r"<script\b.*?</script>", "", rendered, flags=re.S)
    rendered = re.sub(r"<title>.*?</title>", "", rendered, flags=re.S)  # pygal's own ("Pygal")
    rendered = re.sub(r'\sid="chart-[0-9a-f-]+"', f' id="{base}"', rendered, count=1)
    rendered = re.sub(r"#chart-[0-9a-f-]+", f"#{base}", rendered)
    head_end = rendered.index(">") + 1
    opening = rendered[: head_end - 1]
    opening += (
        f' role="img" aria-labelledby="{base}-title {base}-desc"'
        ' preserveAspectRatio="xMidYMid meet"'
    )
    labels = (
        f'<title id="{base}-title">{escape(table.title)}</title>'
        f'<desc id="{base}-desc">{escape(table.description)}</desc>'
    )
    return opening + ">" + labels + rendered[head_end:]
