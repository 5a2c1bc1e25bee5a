"""Oscar's order views with status labels in messages and notes, and a PES's own lines only."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import views
from oscar.apps.order import exceptions as order_exceptions
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.compat import UnicodeCSVWriter
from oscar.core.loading import get_model

from marketplace.dashboard.selection import SelectionRequiredMixin
from marketplace.order.statuses import label
from portal.exports import SafeWriter

OrderNote = get_model("order", "OrderNote")


def _changed_message(old_status: str, new_status: str) -> str:
    """Oscar's note text, with labels: the note and the flash message are read by people."""
    return _("Order status changed from '%(old_status)s' to '%(new_status)s'") % {
        "old_status": label(old_status),
        "new_status": label(new_status),
    }


class OrderListView(SelectionRequiredMixin, views.OrderListView):
    nothing_selected_message = _("Select at least one order first.")

    def get_search_filter_descriptions(self) -> list[str]:
        descriptions = super().get_search_filter_descriptions()
        data = getattr(self.form, "cleaned_data", None) or {}
        if data.get("status") and descriptions:
            # Oscar appends the status filter last, naming it by its code.
            descriptions[-1] = _("Order status is {order_status}").format(
                order_status=label(data["status"])
            )
        return descriptions

    def get_row_values(self, order) -> dict:
        row = super().get_row_values(order)
        row["status"] = label(order.status)
        return row

    def download_selected_orders(self, request, orders) -> HttpResponse:
        """Oscar's CSV of the chosen orders, each cell defused: a buyer named `=HYPERLINK(...)`
        must stay text in the PES's spreadsheet."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = self.get_download_filename(request)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = SafeWriter(UnicodeCSVWriter(open_file=response))
        writer.writerow(self.CSV_COLUMNS.values())
        for order in orders:
            row_values = self.get_row_values(order)
            writer.writerow([row_values.get(column, "") for column in self.CSV_COLUMNS])
        return response

    def change_order_status(self, request, order) -> None:
        """Oscar's bulk status change, with labels in its messages and notes."""
        new_status = request.POST["new_status"].strip()
        if not new_status or new_status not in order.available_statuses():
            messages.error(
                request,
                _("The new status '%s' is not valid for this order") % label(new_status),
            )
            return
        old_status = order.status
        try:
            self.get_handler(user=request.user).handle_order_status_change(order, new_status)
        except PaymentError as error:
            messages.error(
                request, _("Unable to change order status due to payment error: %s") % error
            )
        else:
            message = _changed_message(old_status, new_status)
            messages.info(request, message)
            order.notes.create(user=request.user, message=message, note_type=OrderNote.SYSTEM)


class OrderDetailView(views.OrderDetailView):
    def get_order_lines(self):
        """Only the PES's own lines: an order mixing sellers must not show the others' goods."""
        lines = super().get_order_lines()
        user = self.request.user
        if user.is_staff:
            return lines
        return lines.filter(partner__users=user).distinct()

    def change_order_status(self, request, order):
        """Oscar's status change, with labels in its messages and notes."""
        form = self.get_order_status_form()
        if not form.is_valid():
            return self.reload_page(error=_("Invalid form submission"))
        old_status, new_status = order.status, form.cleaned_data["new_status"]
        message = _changed_message(old_status, new_status)
        try:
            self.get_handler(user=request.user).handle_order_status_change(
                order, new_status, note_msg=message
            )
        except PaymentError as error:
            messages.error(
                request, _("Unable to change order status due to payment error: %s") % error
            )
        except order_exceptions.InvalidOrderStatus:
            messages.error(
                request,
                _("Unable to change order status as the requested new status is not valid"),
            )
        else:
            messages.info(request, message)
        return self.reload_page()
