"""Every string of ours is translated in pl and en, and the compiled catalogues are current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "portal" / "locale"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_catalogue_is_complete(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("language", ["pl", "en"])
def test_compiled_catalogue_matches_source(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{entry.msgid!r} missing: run `make messages`"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext's xgettext is not installed")
def test_no_string_is_missing_from_the_catalogue(tmp_path):
    """makemessages over a copy of the code finds no msgid the Polish catalogue lacks."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", "var", "node_modules", ".git", "__pycache__", "tests")
    shutil.copytree(ROOT, copy, ignore=ignore)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "pl",
            "--ignore",
            "portal/demo/*",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "VAR_DIR": str(tmp_path / "var"),
        },
    )
    assert result.returncode == 0, result.stderr
    po_path = "portal/locale/pl/LC_MESSAGES/django.po"
    before = {e.msgid for e in polib.pofile(str(ROOT / po_path))}
    after = {e.msgid for e in polib.pofile(str(copy / po_path))}
    assert after - before == set(), "untranslated new strings: run `make messages`"
