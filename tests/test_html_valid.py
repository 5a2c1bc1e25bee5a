"""Public pages validate with the W3C Nu HTML checker (npm vnu-jar, run offline with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from oscar.core.loading import get_model

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [
    pytest.mark.usefixtures("demo"),
    pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it"),
    pytest.mark.skipif(not shutil.which("java"), reason="no Java to run the Nu checker"),
]


def test_public_pages_are_valid_html(client, tmp_path):
    product = get_model("catalogue", "Product").objects.browsable().first()
    paths = [
        "/",
        "/en/",
        "/o-portalu/",
        "/en/about/",
        "/sklep/catalogue/",
        product.get_absolute_url(),
        "/sklep/basket/",
        "/sklep/accounts/login/",
        "/nie-ma/",
        "/aktualnosci/",
        "/aktualnosci/nabor-zakup-prospoleczny-2026/",
        "/en/news/",
        "/organizacje/",
        "/organizacje/swietokrzyski-owes/",
        "/organizacje/rkres/",
    ]
    files = []
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code in (200, 404)
        file = tmp_path / f"page{number}.html"
        file.write_bytes(response.content)
        files.append(file)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    readable = [
        f"{paths[files.index(Path(m['url'].removeprefix('file:')))]}:{m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
    ]
    assert readable == []
