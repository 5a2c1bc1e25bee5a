"""Product lookup and stock alerts that show a PES only its own products."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import views
from oscar.core.loading import get_class

from marketplace.dashboard.selection import SelectionRequiredMixin

partner_product_visibility_q = get_class(
    "dashboard.catalogue.utils", "partner_product_visibility_q"
)


class ProductLookupView(views.ProductLookupView):
    """The JSON lookup behind product pickers: Oscar's returns every title in the shop."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_staff:
            return queryset
        return queryset.filter(partner_product_visibility_q(user)).distinct()


class StockAlertListView(views.StockAlertListView):
    """Oscar's list shows every partner's alerts; a PES sees those of its own stock records."""

    def get_queryset(self):
        queryset = (
            super().get_queryset().select_related("stockrecord__product", "stockrecord__partner")
        )
        user = self.request.user
        if user.is_staff:
            return queryset
        return queryset.filter(stockrecord__partner__users=user).distinct()


class ProductListView(SelectionRequiredMixin, views.ProductListView):
    nothing_selected_message = _("Select at least one product first.")
