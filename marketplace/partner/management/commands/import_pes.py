"""`manage.py import_pes FILE [--commit]`: the admin's PES import, for scripted runs.

A dry run by default. Prints every row's fate and exits non-zero when any row is refused, in
which case nothing is written, with or without --commit (the file is all or nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from marketplace.partner.resources import IMPORT_FORMATS, PartnerResource, import_refused

FATES = ("new", "updated", "unchanged", "refused")
FORMATS = {f().get_extension(): f for f in IMPORT_FORMATS}


def read_dataset(path: Path) -> Any:
    """A tablib dataset from a CSV (UTF-8, an Excel BOM allowed) or an XLSX file."""
    file_format = FORMATS.get(path.suffix.lower().lstrip("."))
    if file_format is None:
        raise CommandError(_("Give a .csv or .xlsx file."))
    if file_format().is_binary():
        return file_format().create_dataset(path.read_bytes())
    return file_format(encoding="utf-8-sig").create_dataset(path.read_text(encoding="utf-8-sig"))


class Command(BaseCommand):
    help = "Import PES from a ROPS spreadsheet (CSV or XLSX); a dry run unless --commit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--commit", action="store_true", help="Write the rows (only if every row is valid)."
        )

    def handle(self, *args: Any, file: Path, commit: bool, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        dataset = read_dataset(file)
        resource = PartnerResource()
        result = resource.import_data(dataset, dry_run=not commit, raise_errors=False)
        for error in result.base_errors:
            self.stderr.write(str(error.error))
        report = getattr(result, "pes_report", [])
        for row in report:
            line = f"{_('row')} {row.number}: {row.fate_label} – {row.name or '—'} (NIP {row.nip})"
            self.stdout.write(line)
            for problem in row.problems:
                self.stdout.write(f"    {problem}")
        counts = {fate: sum(1 for row in report if row.fate == fate) for fate in FATES}
        self.stdout.write(
            _("%(new)d new, %(updated)d updated, %(unchanged)d unchanged, %(refused)d refused.")
            % counts
        )
        if import_refused(result):
            raise CommandError(_("The file is refused: nothing was written."))
        if commit:
            self.stdout.write(_("Imported."))
        else:
            self.stdout.write(_("Dry run: nothing was written. Run again with --commit."))
