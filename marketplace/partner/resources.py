"""The PES list as a ROPS spreadsheet: import (CSV, XLSX) and export with Polish column headers.

A ROPS keeps its register of social-economy entities in spreadsheets; this resource reads them
row by row, matches each row to a PES by its NIP (in any spelling: "123-456-78-90" or digits),
and runs the model's validators and `Partner.clean()` on every row. A file is all or nothing:
`import_data` rolls back the whole file when any row is refused.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.results import Result, RowResult

from marketplace.identifiers import compact_iban, compact_nip, compact_regon
from portal.exports import safe_row
from portal.organisations.models import Organisation, Powiat
from portal.text import fold as fold_text

from .models import ActivityField, LegalForm, Partner, ReintegrationType

# Polish spellings a ROPS spreadsheet uses; the first one of each is what the export writes.
LEGAL_FORM_NAMES: dict[str, tuple[str, ...]] = {
    LegalForm.SOCIAL_COOPERATIVE: ("spółdzielnia socjalna",),
    LegalForm.FOUNDATION: ("fundacja",),
    LegalForm.ASSOCIATION: ("stowarzyszenie",),
    LegalForm.NON_PROFIT_COMPANY: (
        "spółka non-profit",
        "spółka z o.o. non-profit",
        "spółka z ograniczoną odpowiedzialnością non-profit",
        "spółka not-for-profit",
    ),
    LegalForm.CIS: ("CIS", "centrum integracji społecznej"),
    LegalForm.KIS: ("KIS", "klub integracji społecznej"),
    LegalForm.ZAZ: ("ZAZ", "zakład aktywności zawodowej"),
    LegalForm.WTZ: ("WTZ", "warsztat terapii zajęciowej"),
    LegalForm.OTHER: ("inna", "inne"),
}
REINTEGRATION_NAMES: dict[str, tuple[str, ...]] = {
    ReintegrationType.NONE: ("brak", "nie"),
    ReintegrationType.SOCIAL: ("społeczna", "reintegracja społeczna"),
    ReintegrationType.VOCATIONAL: ("zawodowa", "reintegracja zawodowa"),
    ReintegrationType.BOTH: (
        "społeczna i zawodowa",
        "społeczno-zawodowa",
        "reintegracja społeczna i zawodowa",
    ),
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y")
POWIAT_PREFIXES = ("powiat ", "pow. ", "miasto na prawach powiatu ", "miasto ", "m. ", "m.")


def fold(value: Any) -> str:
    """Compare spreadsheet text the way a person reads it: no case, diacritics or extra spaces."""
    return " ".join(fold_text(str(value)).split())


def as_text(value: Any) -> str:
    """A cell as text; spreadsheets turn numbers such as NIP into floats ("6570000014.0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class ChoiceWidget(widgets.Widget):
    """A choice given by its code, its English label or any of its Polish names."""

    def __init__(
        self,
        choices: type,
        names: dict[str, tuple[str, ...]],
        what: str,
        blank: str | None = None,
    ) -> None:
        super().__init__()
        self.choices, self.names, self.what, self.blank = choices, names, what, blank

    def aliases(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for value, label in self.choices.choices:
            with translation.override("en"):
                found[fold(label)] = value
            with translation.override("pl"):
                found[fold(label)] = value
            found[fold(value)] = value
            for name in self.names.get(value, ()):
                found[fold(name)] = value
        return found

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> str:
        text = as_text(value)
        if not text and self.blank is not None:
            return self.blank
        code = self.aliases().get(fold(text)) if text else None
        if code is None:
            known = ", ".join(names[0] for names in self.names.values())
            raise ValueError(
                _("Unknown %(what)s “%(value)s”. Use one of: %(known)s.")
                % {"what": self.what, "value": text, "known": known}
            )
        return code

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.names.get(value, (value or "",))[0]


class PowiatWidget(widgets.ForeignKeyWidget):
    """A powiat by its name as people write it ("kielecki", "powiat kielecki", "m. Kielce")."""

    def __init__(self) -> None:
        super().__init__(Powiat, field="name")

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> Powiat | None:
        text = as_text(value)
        if not text:
            return None
        wanted = fold(text)
        for prefix in POWIAT_PREFIXES:
            if wanted.startswith(prefix):
                wanted = wanted[len(prefix) :].strip()
                break
        powiats = list(Powiat.objects.all())
        matches = [p for p in powiats if wanted in (fold(p.name), fold(p.code))]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(_("Powiat “%(value)s” is ambiguous.") % {"value": text})
        raise ValueError(
            _("Unknown powiat “%(value)s”. Known powiats: %(known)s.")
            % {"value": text, "known": ", ".join(sorted(p.name for p in powiats))}
        )

    def render(self, value: Powiat | None, obj: Any = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        return f"m. {value.name}" if value.is_city else value.name


class ActivityFieldsWidget(widgets.ManyToManyWidget):
    """Fields of activity, comma-separated, by Polish or English name or slug; never invented."""

    def __init__(self) -> None:
        super().__init__(ActivityField, separator=",", field="name")

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> list[ActivityField]:
        text = as_text(value)
        if not text:
            return []
        known = list(ActivityField.objects.all())
        index = {}
        for item in known:
            for key in (item.name, item.name_en, item.slug):
                if key:
                    index[fold(key)] = item
        chosen, unknown = [], []
        for part in filter(None, (p.strip() for p in re.split(r"[,;]", text))):
            item = index.get(fold(part))
            if item is None:
                unknown.append(part)
            elif item not in chosen:
                chosen.append(item)
        if unknown:
            raise ValueError(
                _("Unknown field of activity: %(unknown)s. Known fields: %(known)s.")
                % {
                    "unknown": ", ".join(f"“{u}”" for u in unknown),
                    "known": ", ".join(item.name for item in known) or "—",
                }
            )
        return chosen

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return ", ".join(item.name for item in value.all()) if value is not None else ""


class IdentifierWidget(widgets.CharWidget):
    """NIP, REGON, KRS or IBAN, compacted so "123-456-78-90" and "1234567890" are one PES."""

    def __init__(self, compact: Any = None, digits: int | None = None) -> None:
        super().__init__(allow_blank=True)
        self.compact, self.digits = compact, digits

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> str:
        text = as_text(value)
        if not text:
            return ""
        if self.compact is not None:
            try:
                text = self.compact(text)
            except Exception:  # noqa: BLE001 - the model validator reports it, with a message
                return text
        if self.digits and text.isdigit() and len(text) < self.digits:
            text = text.zfill(self.digits)  # KRS: spreadsheets drop the leading zeros
        return text


class TextWidget(widgets.CharWidget):
    """Text that may arrive as a number (a phone number typed into a spreadsheet)."""

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> str:
        return as_text(value)


class PolishDateWidget(widgets.Widget):
    """Dates as ISO or the Polish "31.12.2024"; spreadsheets may give real dates too."""

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = as_text(value)
        if not text:
            return None
        for pattern in DATE_FORMATS:
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(
            _("“%(value)s” is not a date: write it as 2024-12-31 or 31.12.2024.") % {"value": text}
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.isoformat() if value else ""


class CountWidget(widgets.IntegerWidget):
    """A head count: a whole number, not negative."""

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> int | None:
        try:
            number = super().clean(value, row=row, **kwargs)
        except (ValueError, ArithmeticError):
            raise ValueError(_("Enter a whole number.")) from None
        if number is not None and number < 0:
            raise ValueError(_("Enter a whole number.")) from None
        return number


class SpreadsheetCSV(base_formats.CSV):
    """CSV as spreadsheets save it: comma-separated, or semicolon-separated by a Polish Excel."""

    def create_dataset(self, in_stream: Any, **kwargs: Any) -> Any:
        if isinstance(in_stream, bytes) and self.encoding:
            in_stream = in_stream.decode(self.encoding)
        header = in_stream.lstrip("\ufeff").split("\n", 1)[0]
        if "delimiter" not in kwargs and header.count(";") > header.count(","):
            kwargs["delimiter"] = ";"
        return super().create_dataset(in_stream, **kwargs)


IMPORT_FORMATS = [SpreadsheetCSV, base_formats.XLSX]


def column(attribute: str, header: str, widget: widgets.Widget | None = None) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=header, widget=widget or TextWidget())


@dataclass
class RowReport:
    """One row's fate, for the admin's preview and the command's output."""

    number: int
    fate: str
    name: str
    nip: str
    problems: list[str] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return self.fate == "refused"

    @property
    def fate_label(self) -> str:
        return {
            "new": _("new"),
            "updated": _("updated"),
            "unchanged": _("unchanged"),
            "refused": _("refused"),
        }[self.fate]


FATES = {
    RowResult.IMPORT_TYPE_NEW: "new",
    RowResult.IMPORT_TYPE_UPDATE: "updated",
    RowResult.IMPORT_TYPE_SKIP: "unchanged",
    RowResult.IMPORT_TYPE_INVALID: "refused",
    RowResult.IMPORT_TYPE_ERROR: "refused",
}


class PartnerResource(resources.ModelResource):
    """A PES row of a ROPS spreadsheet; rows are matched to PES by their compact NIP."""

    name = column("name", "Nazwa")
    nip = column("nip", "NIP", IdentifierWidget(compact_nip))
    regon = column("regon", "REGON", IdentifierWidget(compact_regon))
    krs = column("krs", "KRS", IdentifierWidget(digits=10))
    legal_form = column(
        "legal_form",
        "Forma prawna",
        ChoiceWidget(LegalForm, LEGAL_FORM_NAMES, gettext_lazy("legal form")),
    )
    powiat = column("powiat", "Powiat", PowiatWidget())
    gmina = column("gmina", "Gmina")
    city = column("city", "Miejscowość")
    email = column("email", "E-mail")
    phone = column("phone", "Telefon")
    website = column("website", "WWW")
    activity_fields = column("activity_fields", "Branże", ActivityFieldsWidget())
    reintegration = column(
        "reintegration",
        "Reintegracja",
        ChoiceWidget(
            ReintegrationType,
            REINTEGRATION_NAMES,
            gettext_lazy("reintegration"),
            blank=ReintegrationType.NONE,
        ),
    )
    ps_decision_number = column("ps_decision_number", "Status PS numer")
    ps_decision_date = column("ps_decision_date", "Status PS data", PolishDateWidget())
    employees_total = column("employees_total", "Zatrudnieni", CountWidget())
    employees_at_risk = column(
        "employees_at_risk", "Zatrudnieni zagrożeni wykluczeniem", CountWidget()
    )
    operating_since = column("operating_since", "Od kiedy działa", PolishDateWidget())
    description = column("description", "Opis")
    iban = column("iban", "IBAN", IdentifierWidget(compact_iban))

    class Meta:
        model = Partner
        fields = (
            "name",
            "nip",
            "regon",
            "krs",
            "legal_form",
            "powiat",
            "gmina",
            "city",
            "email",
            "phone",
            "website",
            "activity_fields",
            "reintegration",
            "ps_decision_number",
            "ps_decision_date",
            "employees_total",
            "employees_at_risk",
            "operating_since",
            "description",
            "iban",
        )
        import_id_fields = ["nip"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        store_row_values = True
        name = "PES (arkusz ROPS)"

    # Import ------------------------------------------------------------------------------
    def export_resource(self, instance: Any, selected_fields: Any = None, **kwargs: Any) -> list:
        """An exported row, its formula-looking cells defused (CSV and XLSX alike)."""
        return safe_row(super().export_resource(instance, selected_fields, **kwargs))

    def import_data(self, dataset: Any, **kwargs: Any) -> Result:
        """All or nothing: one refused row rolls back every row of the file."""
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        """Remember which rows share a NIP: the second would silently overwrite the first."""
        super().before_import(dataset, **kwargs)
        self._rows_by_nip: dict[str, list[int]] = defaultdict(list)
        if "NIP" in (dataset.headers or []):
            for number, value in enumerate(dataset["NIP"], 1):
                nip = self.fields["nip"].widget.clean(value)
                if nip:
                    self._rows_by_nip[nip].append(number)

    def get_instance(self, instance_loader: Any, row: dict) -> Partner | None:
        """A row without a NIP is never matched (blank NIPs would all match each other)."""
        if not self.fields["nip"].clean(row):
            return None
        return super().get_instance(instance_loader, row)

    def import_instance(self, instance: Partner, row: dict, **kwargs: Any) -> None:
        """The resource's own checks, collected with the widgets' so a row lists every problem."""
        errors: dict[str, list] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Many-to-many values are written after saving; check them now, with the rest.
        for name, resource_field in self.fields.items():
            if (
                isinstance(resource_field.widget, widgets.ManyToManyWidget)
                and resource_field.column_name in row
            ):
                try:
                    resource_field.clean(row)
                except ValueError as error:
                    errors.setdefault(name, []).append(str(error))
        if not (instance.name or "").strip():
            errors.setdefault("name", []).append(_("Give the name of the PES."))
        if not instance.nip:
            errors.setdefault("nip", []).append(_("Give the NIP: rows are matched to PES by it."))
        else:
            rows = getattr(self, "_rows_by_nip", {}).get(instance.nip, [])
            if len(rows) > 1:
                errors.setdefault("nip", []).append(
                    _("The same NIP is in rows %(rows)s of the file.")
                    % {"rows": ", ".join(str(r) for r in rows)}
                )
        if not instance.iban:
            # Transfers need an account number; without one the PES takes other payments.
            instance.accepts_transfer = False
        if instance.owes_id is None and instance.powiat is not None:
            # Each powiat is served by one OWES (the ROPS–OWES agreement): the PES's support.
            instance.owes = Organisation.objects.filter(
                kind=Organisation.Kind.OWES, powiats=instance.powiat
            ).first()
        if errors:
            raise ValidationError(errors)

    def after_import(self, dataset: Any, result: Result, **kwargs: Any) -> None:
        super().after_import(dataset, result, **kwargs)
        result.pes_report = self.report(result)

    # Report ------------------------------------------------------------------------------
    def column_of(self, attribute: str) -> str:
        for resource_field in self.fields.values():
            if resource_field.attribute == attribute:
                return resource_field.column_name
        try:
            return str(Partner._meta.get_field(attribute).verbose_name)
        except Exception:  # noqa: BLE001 - an unknown key is shown as it is
            return attribute

    def report(self, result: Result) -> list[RowReport]:
        """Every row of the file with its fate and, when refused, the reasons in plain words."""
        lines = []
        for number, row_result in enumerate(result.rows, 1):
            values = row_result.row_values or {}
            report = RowReport(
                number=number,
                fate=FATES.get(row_result.import_type, "refused"),
                name=as_text(values.get("Nazwa")),
                nip=as_text(values.get("NIP")),
            )
            if row_result.validation_error is not None:
                error = row_result.validation_error
                messages = (
                    error.message_dict
                    if hasattr(error, "error_dict")
                    else {NON_FIELD_ERRORS: error.messages}
                )
                for attribute, problems in messages.items():
                    label = (
                        "" if attribute == NON_FIELD_ERRORS else f"{self.column_of(attribute)}: "
                    )
                    report.problems.extend(f"{label}{problem}" for problem in problems)
            for error in row_result.errors:
                report.problems.append(str(error.error))
            lines.append(report)
        return lines


def import_refused(result: Result) -> bool:
    """Whether the file as a whole is refused (any row, or the file itself, has a problem)."""
    return result.has_errors() or result.has_validation_errors()
