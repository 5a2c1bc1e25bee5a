"""Event pages validate with the W3C Nu HTML checker, as the portal's other public pages do."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from portal.events.models import EventKind
from tests.helpers.html import VNU

pytestmark = pytest.mark.skipif(
    not VNU.exists() or not shutil.which("java"),
    reason="vnu-jar or java missing: `make test` installs them",
)


def test_event_pages_are_valid_html(client, settings, tmp_path, event_index, make_event):
    settings.PAGE_CACHE_SECONDS = 0
    event = make_event("test-html", kind=EventKind.FAIR, capacity=2)
    pages = {
        "index": client.get(event_index.url),
        "archive": client.get(event_index.url + "archiwum/", {"rodzaj": "fair"}),
        "event": client.get(event.url),
        "errors": client.post(event.url + "rejestracja/", {"email": "zly"}),
    }
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    assert messages == [], messages
