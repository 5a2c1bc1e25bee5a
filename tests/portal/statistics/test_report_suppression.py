"""A group under 5 stays hidden in the annual report too: in its frozen figures, its web page,
its PDF and its published CSV, while the groups of 5 and more are there."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.factories.annual_report import publish, report_page
from tests.factories.statistics import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_a_powiat_of_three_pes_is_hidden_in_every_form_of_the_report(client):
    world = build_world()  # 7, 3 and 6 listed PES in three fresh powiats
    alfa, beta, _gamma = (str(powiat) for powiat in world.powiats)
    page = publish(report_page(year=world.year, body=[("figures", {"table": "pes-by-powiat"})]))

    by_slug = {table["slug"]: table for table in page.snapshot}
    frozen = {row[0]: row[1:] for row in by_slug["pes-by-powiat"]["rows"]}
    assert frozen[alfa] == [7]
    assert frozen[beta] == [None]

    html = client.get(page.url).content.decode()
    row = html[html.index(f'<th scope="row">{beta}</th>') :].split("</tr>")[0]
    assert "&lt;5" in row and ">3<" not in row

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf.file.read())).pages)
    lines = [line for line in text.splitlines() if beta in line]
    assert lines, "the powiat's row is in the PDF"
    # The placed table's row (the chart's axis and the annex's order tables name it too).
    assert f"{beta} <5" in lines
    assert not any(re.search(r"\b3\b", line) for line in lines), lines
    assert any(alfa in line and line.rstrip().endswith("7") for line in text.splitlines())

    csv = client.get(f"{page.url}dane/pes-by-powiat/csv/").content.decode("utf-8-sig")
    beta_row = next(line for line in csv.splitlines() if line.startswith(beta))
    assert beta_row.split(",")[1:] == [""]
