"""`manage.py import_pes`: the same import for scripts, dry run by default, all or nothing."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from marketplace.partner.models import Partner

from .helpers import BAD_FILE, GOOD_FILE, state

pytestmark = pytest.mark.usefixtures("demo", "in_english")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_pes", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_bad_file_is_refused_with_reasons_and_writes_nothing():
    before = state()
    out = io.StringIO()
    with pytest.raises(CommandError, match="refused"):
        call_command("import_pes", str(BAD_FILE), "--commit", stdout=out)
    text = out.getvalue()
    assert "row 4: refused" in text and "valid NIP" in text
    assert "row 5: refused" in text and "Unknown powiat" in text
    assert "row 6: refused" in text and "Nazwa:" in text
    assert "row 1: updated" in text and "row 3: new" in text
    assert "3 new, 2 updated, 0 unchanged, 3 refused." in text
    assert state() == before


def test_dry_run_by_default_then_commit_then_unchanged():
    before = state()
    text = run(str(GOOD_FILE))
    assert "6 new, 2 updated, 0 unchanged, 0 refused." in text and "Dry run" in text
    assert state() == before
    text = run(str(GOOD_FILE), "--commit")
    assert "Imported." in text
    assert Partner.objects.count() == before["partners"] + 6
    text = run(str(GOOD_FILE), "--commit")
    assert "0 new, 0 updated, 8 unchanged, 0 refused." in text


def test_semicolon_csv_from_a_polish_excel(tmp_path):
    """Excel in Polish saves CSV with semicolons (and a BOM); the import reads it the same."""
    text = GOOD_FILE.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path = tmp_path / "pes.csv"
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    assert "6 new, 2 updated, 0 unchanged, 0 refused." in run(str(path))


def test_exit_status_is_non_zero_for_a_refused_file(tmp_path):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as leaving:
        ManagementUtility(["manage.py", "import_pes", str(BAD_FILE)]).execute()
    assert leaving.value.code != 0


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(CommandError):
        run(str(tmp_path / "nothing.csv"))
    odd = tmp_path / "pes.ods"
    odd.write_text("x")
    with pytest.raises(CommandError):
        run(str(odd))
