"""`manage.py load_gminas [--file path]`: the TERC gminas of a voivodeship from a CSV file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.localplans.data import SWIETOKRZYSKIE_CSV, load_gminas_file


class Command(BaseCommand):
    help = "Create or update gminas by TERYT code from a CSV file (all rows or none)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file",
            default=str(SWIETOKRZYSKIE_CSV),
            help="CSV with the columns teryt,name,kind,powiat (default: świętokrzyskie).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_gminas_file(options["file"])
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        if not result.ok:
            for line, message in result.errors:
                self.stderr.write(f"line {line}: {message}")
            raise CommandError(f"Nothing loaded: {len(result.errors)} bad row(s).")
        self.stdout.write(
            f"gminas: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged"
        )
