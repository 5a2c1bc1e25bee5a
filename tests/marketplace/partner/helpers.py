"""Shared bits of the PES import tests: the sample files, counts and an in-memory XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.conf import settings
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")

SAMPLES = Path(settings.BASE_DIR) / "portal" / "demo" / "samples"
BAD_FILE = SAMPLES / "pes-import-przyklad.csv"
GOOD_FILE = SAMPLES / "pes-import-poprawiony.csv"


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    """A CSV file (UTF-8) from rows keyed by the Polish headers."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def state() -> dict[str, object]:
    """What an import could change: the PES, their fields of activity and their head counts."""
    through = Partner.activity_fields.through
    return {
        "partners": Partner.objects.count(),
        "links": through.objects.count(),
        "rows": sorted(
            Partner.objects.values_list(
                "nip", "name", "employees_total", "powiat_id", "ps_decision_number", "krs"
            )
        ),
    }
