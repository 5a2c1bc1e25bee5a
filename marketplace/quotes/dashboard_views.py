"""The PES's quote requests in Oscar's dashboard: its own only, answered or declined here.

Scoping mirrors Oscar's orders: `is_staff` (ROPS) sees every quote; a PES user sees quotes of
the partners it belongs to, and any other id is a 404, so ids reveal nothing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import ListView
from oscar.views.decorators import permissions_required

from portal.http import SeeOther

from . import services
from .forms import AnswerForm, DeclineForm
from .models import Quote

# Oscar's own rule for its dashboard: staff, or a partner user with dashboard access.
dashboard_access = permissions_required((["is_staff"], ["partner.dashboard_access"]))


def quotes_for(user: Any) -> QuerySet:
    """The quotes this user may see: all for staff, else those of the user's own PES."""
    queryset = Quote.objects.select_related("request", "request__product", "partner")
    if user.is_staff:
        return queryset
    return queryset.filter(partner__in=user.partners.all())


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All"))] + list(Quote.Status.choices),
    )


@method_decorator([never_cache, dashboard_access], name="dispatch")
class QuoteListView(ListView):
    template_name = "quotes/dashboard/quote_list.html"
    context_object_name = "quotes"
    paginate_by = 20

    def get_queryset(self) -> QuerySet:
        self.filter_form = StatusFilterForm(self.request.GET or None)
        queryset = quotes_for(self.request.user).order_by("-request__created", "-pk")
        if self.filter_form.is_valid() and self.filter_form.cleaned_data["status"]:
            queryset = queryset.filter(status=self.filter_form.cleaned_data["status"])
        return queryset

    def get_context_data(self, **kwargs: Any) -> dict:
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = bool(self.request.GET.get("status"))
        context["show_partner"] = self.request.user.is_staff
        return context


@method_decorator([never_cache, dashboard_access], name="dispatch")
class QuoteDetailView(View):
    """One quote: the buyer's request, and the answer or decline forms while still open."""

    template_name = "quotes/dashboard/quote_detail.html"

    def get_quote(self, pk: int) -> Quote:
        return get_object_or_404(quotes_for(self.request.user), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        quote = self.get_quote(pk)
        initial = {}
        if quote.status == Quote.Status.ANSWERED:
            initial = {"price": quote.price, "terms": quote.terms, "valid_until": quote.valid_until}
        return self._render(quote, AnswerForm(initial=initial), DeclineForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        quote = self.get_quote(pk)
        action = request.POST.get("action")
        answer_form, decline_form = AnswerForm(), DeclineForm()
        try:
            if action == "answer":
                answer_form = AnswerForm(request.POST)
                if not answer_form.is_valid():
                    return self._render(quote, answer_form, decline_form)
                services.answer_quote(quote, request=request, **answer_form.cleaned_data)
                messages.success(request, _("Your answer has been sent to the buyer."))
            elif action == "decline":
                decline_form = DeclineForm(request.POST)
                if not decline_form.is_valid():
                    return self._render(quote, answer_form, decline_form)
                services.decline_quote(
                    quote, message=decline_form.cleaned_data["message"], request=request
                )
                messages.success(request, _("The buyer has been told you cannot take this job."))
            else:
                messages.error(request, _("Choose to answer or to decline."))
        except services.QuoteError as error:
            messages.error(request, str(error))
        return SeeOther(reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}))

    def _render(self, quote: Quote, answer_form: AnswerForm, decline_form: DeclineForm):
        bound = answer_form if answer_form.is_bound else decline_form
        return render(
            self.request,
            self.template_name,
            {
                "quote": quote,
                "quote_request": quote.request,
                "answer_form": answer_form,
                "decline_form": decline_form,
                "error_links": bound.error_links() if bound.is_bound else [],
                "other_count": Quote.objects.filter(request_id=quote.request_id)
                .exclude(pk=quote.pk)
                .count(),
            },
        )
