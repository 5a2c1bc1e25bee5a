"""The directory's pages validate with the W3C Nu checker (tests.helpers.html)."""

from __future__ import annotations

import pytest

from tests.helpers.html import VNU, nu_errors

pytestmark = pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")


def test_directory_pages_are_valid_html(client, world, tmp_path):
    pytest.importorskip("shutil").which("java") or pytest.skip("no Java to run the Nu checker")
    client.post("/baza-pes/lista/dodaj/", {"partner": world.a.pk})
    client.post("/baza-pes/lista/dodaj/", {"partner": world.b.pk})
    paths = [
        "/baza-pes/",
        "/en/baza-pes/",
        "/baza-pes/?powiat=dir-p1&activity=dir-catering&certified=1&q=%C5%82%C4%85ka",
        "/baza-pes/?q=nic-takiego",
        f"/baza-pes/{world.a.code}/",
        f"/en/baza-pes/{world.c.code}/",
        "/baza-pes/lista/",
    ]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    client.post("/baza-pes/lista/usun/", {"all": "1"})
    pages["/baza-pes/lista/ (empty)"] = client.get("/baza-pes/lista/").content
    assert nu_errors(pages, tmp_path) == []
