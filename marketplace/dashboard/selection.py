"""Bulk actions with nothing ticked, said in whole sentences.

Oscar's `BulkEditMixin` answers "You need to select some %ss" with the English model name
filled in ("Musisz wybrać jakieś order" in Polish); no catalogue can mend a sentence built that
way, so the views that PES staff use say it themselves before Oscar gets there.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _


class SelectionRequiredMixin:
    """For an Oscar `BulkEditMixin` view: refuse an action on an empty selection in Polish."""

    nothing_selected_message = _("Select at least one row first.")

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        action = request.POST.get(self.action_param, "").lower()
        known = action in self.get_actions() or action in getattr(self, "intermediate_actions", {})
        if known and not self.get_selected_ids(request):
            messages.error(request, self.nothing_selected_message)
            return redirect(self.get_error_url(request))
        return super().post(request, *args, **kwargs)
