"""The public statistics page and its open data: the same suppressed figures everywhere, the
filters, the charts' names, the query budget, and nothing different for logged-in people."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from portal.statistics import charts, figures
from tests.factories.statistics import build_world

pytestmark = pytest.mark.usefixtures("demo")

PAGE = "/statystyki/"


@pytest.fixture
def world():
    return build_world()


def _params(world) -> str:
    return f"?year={world.year}&subregion={world.owes.slug}"


def test_the_page_is_at_the_translated_paths():
    assert reverse("statistics:index") == PAGE
    with translation.override("en"):
        assert reverse("statistics:index") == "/en/statistics/"


def test_page_shows_the_suppressed_table_and_its_links(client, world):
    response = client.get(PAGE + _params(world))
    assert response.status_code == 200
    html = response.content.decode()
    alfa, beta, gamma = world.powiats
    # the powiat table: alfa 7, beta "<5" (3 PES), gamma "<5" (complementary), total 16
    assert f'<th scope="row">{alfa}</th><td>7</td>' in html
    assert f'<th scope="row">{beta}</th><td>&lt;5</td>' in html
    assert f'<th scope="row">{gamma}</th><td>&lt;5</td>' in html
    assert '<th scope="row">Razem</th><td>16</td>' in html
    assert "<figure" in html and "<figcaption>" in html and "<caption>" in html
    assert f"/api/statistics/pes-by-powiat.csv?year={world.year}&amp;subregion=" in html
    assert f"/api/statistics/pes-by-powiat.json?year={world.year}&amp;subregion=" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_json_and_csv_hold_exactly_the_suppressed_table(client, world):
    table = figures.table("pes-by-powiat", world.year, world.owes)
    data = client.get(f"/api/statistics/pes-by-powiat.json{_params(world)}").json()
    assert data == json.loads(json.dumps(table.as_dict()))
    rows = {row[0]: row[1:] for row in data["rows"]}
    assert rows[str(world.powiats[1])] == [None]
    assert data["suppressed_cells"] == 2
    response = client.get(f"/api/statistics/pes-by-powiat.csv{_params(world)}")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert lines[0] == table.columns
    csv_rows = {row[0]: row[1:] for row in lines[1:]}
    assert csv_rows[str(world.powiats[0])] == ["7"]
    assert csv_rows[str(world.powiats[1])] == [""]
    assert csv_rows[str(world.powiats[2])] == [""]
    assert csv_rows["Razem"] == ["16"]


def test_order_values_are_hidden_in_every_format(client, world):
    """Gamma's two orders come from one buyer: their value appears nowhere."""
    gamma = str(world.powiats[2])
    hidden = sum(o.total_incl_tax for o in world.orders[-2:])
    data = client.get(f"/api/statistics/orders-by-powiat.json{_params(world)}").json()
    assert {row[0]: row[1:] for row in data["rows"]}[gamma] == [None, None]
    text = client.get(f"/api/statistics/orders-by-powiat.csv{_params(world)}").content.decode()
    assert f"{gamma},," in text
    assert str(hidden) not in text


def test_a_csv_cell_that_looks_like_a_formula_stays_text(client, world):
    world.powiats[0].name = "=HYPERLINK(1)"
    world.powiats[0].save()
    text = client.get(f"/api/statistics/pes-by-powiat.csv{_params(world)}").content.decode()
    assert "'=HYPERLINK(1)" not in text or "'powiat =HYPERLINK" not in text
    assert "\n=HYPERLINK" not in text


def test_the_table_list_links_each_table(client, world):
    data = client.get(f"/api/statistics/{_params(world)}").json()
    assert data["year"] == world.year and data["subregion"] == world.owes.slug
    slugs = [t["slug"] for t in data["tables"]]
    assert "pes-by-powiat" in slugs and "orders-by-powiat" in slugs
    first = data["tables"][0]
    assert first["json"].startswith(f"/api/statistics/{first['slug']}.json?")
    assert client.get(first["csv"]).status_code == 200


@pytest.mark.parametrize(
    "path", ["/api/statistics/nope.json", "/api/statistics/nope.csv", "/api/statistics/nope.xml"]
)
def test_unknown_tables_are_404(client, path):
    assert client.get(path).status_code == 404


def test_the_year_filter(client, world):
    earlier = client.get(f"{PAGE}?year={world.year - 1}&subregion={world.owes.slug}")
    assert earlier.status_code == 200
    # the PES founded this year are not counted for last year
    founded = sum(
        1 for p in world.pes if p.operating_since is None or p.operating_since.year < world.year
    )
    assert f'<th scope="row">Razem</th><td>{founded}</td>' in earlier.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=1800",
        "?year=99999999999999999999",
        "?subregion=nope",
        "?year=%00",
        "?year=٣",
        "?year=" + "9" * 5000,
        "?year=&subregion=",
    ],
)
def test_bad_parameters_fall_back_to_the_default(client, query):
    response = client.get(PAGE + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{timezone.localdate().year}" selected>' in html
    if query != "?year=&subregion=":
        assert 'role="status"' in html


def test_the_page_is_served_from_the_page_cache_to_anonymous_visitors(client, world):
    assert client.get(PAGE).get("X-Page-Cache") == "miss"
    assert client.get(PAGE).get("X-Page-Cache") == "hit"


def test_query_budget(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):  # 37 on SQLite: ~2 a table, the rest the page
        client.get(PAGE + _params(world) + "&nocache=1")


def test_every_chart_is_a_named_image(world):
    for table in figures.tables(world.year, world.owes):
        svg = str(charts.svg(table))
        base = charts.chart_id(table)
        assert svg.startswith("<svg")
        assert f'role="img" aria-labelledby="{base}-title {base}-desc"' in svg
        assert f'<title id="{base}-title">' in svg and f'<desc id="{base}-desc">' in svg
        assert "<script" not in svg and "<?xml" not in svg


DEMO_ACCOUNTS = [
    None,
    "moderator@rops.example.org",
    "redakcja@swietokrzyski-owes.example.org",
    "czlonek@rkres.example.org",
    "admin@es.example.org",
]


@pytest.mark.parametrize("email", DEMO_ACCOUNTS)
def test_everyone_sees_the_same_figures(client, world, email):
    expected = [t.as_dict() for t in figures.tables(world.year, world.owes)]
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    data = client.get(f"/api/statistics/pes-by-powiat.json{_params(world)}").json()
    assert data == json.loads(json.dumps(expected[0]))
    html = client.get(PAGE + _params(world)).content.decode()
    assert f'<th scope="row">{world.powiats[1]}</th><td>&lt;5</td>' in html
