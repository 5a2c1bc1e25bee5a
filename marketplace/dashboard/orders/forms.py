"""Order status choices with labels for people; Oscar offers the bare codes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import forms as oscar_forms

from marketplace.order.statuses import LABELS, label


class OrderSearchForm(oscar_forms.OrderSearchForm):
    status = forms.ChoiceField(
        choices=[("", "---------"), *LABELS.items()], label=_("Status"), required=False
    )


class OrderStatusForm(oscar_forms.OrderStatusForm):
    def __init__(self, order, *args, **kwargs) -> None:
        super().__init__(order, *args, **kwargs)
        self.fields["new_status"].choices = [
            (code, label(code)) for code in order.available_statuses()
        ]
