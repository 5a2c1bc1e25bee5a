"""The juror's scoring form: one mark (1–10) per criterion of the edition, and a comment."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class ScoreForm(forms.Form):
    """Built per edition: its criteria are fields `criterion_<pk>`, in their order."""

    comment = forms.CharField(
        label=gettext_lazy("Comment"), required=False, max_length=5000, widget=forms.Textarea
    )

    def __init__(self, *args, criteria, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name, min_value=1, max_value=10, help_text=criterion.description
            )
        self.order_fields([f"criterion_{c.pk}" for c in self.criteria] + ["comment"])

    def marks(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}
