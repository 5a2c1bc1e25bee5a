"""Admin forms: a new report, a report's figures, the ROPS's decision, filters and the import."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from marketplace.certificates.models import today_in_poland
from portal.organisations.models import Organisation

from .reports import ReportStatus, ReportValue
from .services import RowInput

MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _year_choices() -> list[tuple[int, int]]:
    this_year = today_in_poland().year
    return [(y, y) for y in range(this_year, this_year - 6, -1)]


class NewReportForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=_year_choices)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), coerce=int, choices=[(q, f"Q{q}") for q in (1, 2, 3, 4)]
    )


class ValuesForm(forms.Form):
    """One value and one note per row of the report, named by the indicator's pk."""

    def __init__(self, *args: Any, rows: list[ReportValue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            indicator = row.indicator
            self.fields[f"value_{indicator.pk}"] = forms.DecimalField(
                label=indicator.name,
                required=False,
                min_value=Decimal("0"),
                max_digits=12,
                decimal_places=2,
                initial=row.value,
            )
            self.fields[f"note_{indicator.pk}"] = forms.CharField(
                label=_("Note on %(name)s") % {"name": indicator.name},
                required=False,
                max_length=2000,
                initial=row.note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def table(self) -> list[dict[str, Any]]:
        return [
            {
                "row": row,
                "value": self[f"value_{row.indicator.pk}"],
                "note": self[f"note_{row.indicator.pk}"],
            }
            for row in self.rows
        ]

    def inputs(self) -> dict[int, RowInput]:
        data = self.cleaned_data
        return {
            row.indicator.pk: RowInput(
                value=data.get(f"value_{row.indicator.pk}"),
                note=data.get(f"note_{row.indicator.pk}", ""),
            )
            for row in self.rows
        }


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the OWES"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning the report."),
    )


class ReportFilterForm(forms.Form):
    owes = forms.ModelChoiceField(
        label=_("OWES"),
        required=False,
        queryset=Organisation.objects.filter(kind=Organisation.Kind.OWES).order_by("name"),
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=lambda: [("", _("all"))] + _year_choices(),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all")), *ReportStatus.choices]
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        validators=[FileExtensionValidator(["xlsx", "csv"])],
        help_text=_("Columns: owes, year, quarter, indicator, value, note. At most 2 MB."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 2 MB)."))
        return upload
