"""The TERC register's gminas from a CSV file: świętokrzyskie ships in `data/`.

The list was written from the TERC register as known to its author, not downloaded (no package
on PyPI or npm ships TERC gmina codes): check it against eteryt.stat.gov.pl before production,
especially the type digit of gminas whose seat became a town in recent years.

The file has the columns `teryt,name,kind,powiat` (powiat = the django-localflavor slug, as in
`organisations.Powiat.code`). A file is all or nothing: every row is validated first and the
whole file is refused, with every bad row listed, if any row is wrong.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

DATA_DIR = Path(__file__).resolve().parent / "data"
SWIETOKRZYSKIE_CSV = DATA_DIR / "swietokrzyskie.csv"
COLUMNS = ("teryt", "name", "kind", "powiat")

# django-localflavor's powiat slugs → the TERC powiat code (WWPP). Cities with powiat rights are
# numbered from 61. Add another voivodeship's powiats here to load its gminas.
POWIAT_TERYT: dict[str, str] = {
    "buski": "2601",
    "jedrzejowski": "2602",
    "kazimierski": "2603",
    "kielecki": "2604",
    "konecki": "2605",
    "opatowski": "2606",
    "ostrowiecki": "2607",
    "pinczowski": "2608",
    "sandomierski": "2609",
    "skarzyski": "2610",
    "starachowicki": "2611",
    "staszowski": "2612",
    "wloszczowski": "2613",
    "kielce": "2661",
}

# What the register holds for świętokrzyskie, as written in the CSV (checked by the tests).
EXPECTED_PER_POWIAT: dict[str, int] = {
    "buski": 8,
    "jedrzejowski": 9,
    "kazimierski": 5,
    "kielecki": 19,
    "konecki": 8,
    "opatowski": 8,
    "ostrowiecki": 6,
    "pinczowski": 5,
    "sandomierski": 9,
    "skarzyski": 5,
    "starachowicki": 5,
    "staszowski": 8,
    "wloszczowski": 6,
    "kielce": 1,
}


@dataclass
class ImportResult:
    """What a load did: counts when it succeeded, the bad rows (line number, message) if not."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_rows(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[tuple[int, str]]]:
    """The file's rows with their line numbers, or a header error."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        return [], [(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})]
    rows = [
        (number, {key: (row.get(key) or "").strip() for key in COLUMNS})
        for number, row in enumerate(reader, start=2)
    ]
    return rows, []


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)


def load_gminas(text: str) -> ImportResult:
    """Create or update gminas by TERYT code; nothing is saved unless every row is valid, and
    an unchanged gmina is not saved again (a second load writes nothing)."""
    # Here, not at the top: the models import POWIAT_TERYT from this module.
    from portal.organisations.models import Powiat

    from .models import Gmina

    rows, errors = read_rows(text)
    result = ImportResult(errors=errors)
    if errors:
        return result
    if not rows:
        result.errors.append((1, _("The file has no rows.")))
        return result
    powiats = {p.code: p for p in Powiat.objects.all()}
    existing = {g.teryt: g for g in Gmina.objects.select_related("powiat")}
    seen: dict[str, int] = {}
    prepared: list[tuple[Gmina, bool]] = []
    for number, row in rows:
        powiat = powiats.get(row["powiat"])
        if powiat is None:
            result.errors.append(
                (number, _("Unknown powiat: %(powiat)s.") % {"powiat": row["powiat"] or "—"})
            )
            continue
        if row["teryt"] in seen:
            result.errors.append(
                (
                    number,
                    _("TERYT code %(code)s repeats line %(line)s.")
                    % {"code": row["teryt"], "line": seen[row["teryt"]]},
                )
            )
            continue
        seen[row["teryt"]] = number
        gmina = existing.get(row["teryt"])
        is_new = gmina is None
        if is_new:
            gmina = Gmina(teryt=row["teryt"])
        elif (gmina.name, gmina.kind, gmina.powiat_id) == (row["name"], row["kind"], powiat.pk):
            result.unchanged += 1
            continue
        gmina.name, gmina.kind, gmina.powiat = row["name"], row["kind"], powiat
        try:
            gmina.full_clean(validate_unique=False)
        except ValidationError as error:
            result.errors.append((number, _messages(error)))
            continue
        prepared.append((gmina, is_new))
    if result.errors:
        return result
    with transaction.atomic():
        for gmina, is_new in prepared:
            gmina.save()
            if is_new:
                result.created += 1
            else:
                result.updated += 1
    return result


def load_gminas_file(path: Path | str | None = None) -> ImportResult:
    """Load a CSV file (UTF-8); świętokrzyskie's when no path is given."""
    return load_gminas(Path(path or SWIETOKRZYSKIE_CSV).read_text(encoding="utf-8"))


def counts_per_powiat(rows: Iterable[dict[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["powiat"]] = counts.get(row["powiat"], 0) + 1
    return counts
