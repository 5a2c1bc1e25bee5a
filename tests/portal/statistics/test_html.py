"""The statistics page, inline SVG charts included, validates with the W3C Nu checker."""

from __future__ import annotations

import shutil

import pytest

from tests.factories.statistics import build_world
from tests.helpers.html import VNU, nu_errors

pytestmark = [
    pytest.mark.usefixtures("demo"),
    pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it"),
    pytest.mark.skipif(not shutil.which("java"), reason="no Java to run the Nu checker"),
]


def test_statistics_pages_are_valid_html(client, tmp_path):
    world = build_world()
    paths = [
        "/statystyki/",
        f"/statystyki/?year={world.year}&subregion={world.owes.slug}",
        "/en/statistics/",
        "/statystyki/?year=abc",
    ]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    assert nu_errors(pages, tmp_path) == []
