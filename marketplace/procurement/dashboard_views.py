"""The PES's procurement pages in Oscar's dashboard: matching notices, its sealed offers, alerts.

Only PES staff (Oscar partner users with dashboard access, never `is_staff`) use these pages;
ROPS staff are refused, as offers are nobody's to read before the opening time. A PES user
acts for one of its partners at a time, chosen with `?partner=<id>` as on "My PES profile";
any other PES's id is a 404. A PES sees and changes only its own offer, through the services
in `offers.py`, the one place allowed to read sealed offers (`Offer.submissions`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from marketplace.dashboard_access import is_pes_user
from portal.http import SeeOther
from portal.params import positive_int

from . import offers
from .alerts import notices_matching
from .dashboard_forms import AlertSettingsForm, OfferForm
from .models import AlertSettings, Notice, Offer, OfferStatus, Phase

TABS = ("matching", "all", "mine")


def public_notice_url(notice: Notice) -> str:
    """The notice's public page, or nothing while the board's URLs are not installed."""
    try:
        return notice.get_absolute_url()
    except NoReverseMatch:
        return ""


@method_decorator(never_cache, name="dispatch")
class PesView(View):
    """PES staff only; sets `self.partners` (the user's own) and `self.partner` (the chosen)."""

    partners: list[Any]
    partner: Any

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("customer:login"))
        if not is_pes_user(user):
            raise PermissionDenied
        self.partners = list(user.partners.select_related("powiat").order_by("name", "pk"))
        if not self.partners:
            raise Http404(_("Your account is not linked to any PES."))
        wanted = request.POST.get("partner") or request.GET.get("partner")
        if wanted:
            pk = positive_int(wanted)
            chosen = [p for p in self.partners if p.pk == pk]
            if not chosen:
                raise Http404
            self.partner = chosen[0]
        else:
            self.partner = self.partners[0]
        return super().dispatch(request, *args, **kwargs)

    def partner_query(self) -> str:
        """`?partner=<id>` when the user has several PES, so links keep the choice."""
        return f"?partner={self.partner.pk}" if len(self.partners) > 1 else ""

    def base_context(self) -> dict[str, Any]:
        return {
            "partner": self.partner,
            "partners": self.partners,
            "partner_query": self.partner_query(),
        }


class NoticeListView(PesView):
    """Open notices matching the PES (default), every open notice, or the PES's own offers."""

    template_name = "procurement/dashboard/notice_list.html"
    paginate_by = 20

    def get(self, request: HttpRequest) -> HttpResponse:
        tab = request.GET.get("tab", "matching")
        if tab not in TABS:
            tab = "matching"
        if tab == "mine":
            items: QuerySet = (
                Offer.submissions.filter(partner=self.partner)
                .select_related("notice", "notice__buyer")
                .order_by("-submitted_at", "-pk")
            )
        else:
            notices = Notice.objects.public().in_phase(Phase.OPEN)
            if tab == "matching":
                notices = notices.filter(pk__in=notices_matching(self.partner).values("pk"))
            items = notices.select_related("buyer").order_by("deadline", "pk")
        page = Paginator(items, self.paginate_by).get_page(request.GET.get("page"))
        offered: set[int] = set()
        if tab != "mine":
            offered = set(
                Offer.submissions.filter(
                    partner=self.partner,
                    status=OfferStatus.SUBMITTED,
                    notice__in=[notice.pk for notice in page.object_list],
                ).values_list("notice_id", flat=True)
            )
        context = {
            **self.base_context(),
            "tab": tab,
            "tabs": [
                ("matching", _("Matching my PES")),
                ("all", _("All open notices")),
                ("mine", _("My offers")),
            ],
            "page_obj": page,
            "items": page.object_list,
            "offered": offered,
            "now": timezone.now(),
        }
        return render(request, self.template_name, context)


class NoticeView(PesView):
    """One notice: its summary, the PES's own offer, and the offer form until the deadline."""

    template_name = "procurement/dashboard/notice_detail.html"

    def get_notice(self, pk: int) -> Notice:
        return get_object_or_404(
            Notice.objects.public()
            .select_related("buyer")
            .prefetch_related("activity_fields", "powiats", "documents"),
            pk=pk,
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        notice = self.get_notice(pk)
        return self._render(notice, OfferForm(prefix="offer"))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        notice = self.get_notice(pk)
        action = request.POST.get("action")
        here = reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
        here += f"?partner={self.partner.pk}"
        user = request.user
        if action == "withdraw":
            try:
                offers.withdraw_offer(notice, self.partner, user=user)
            except offers.OfferError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Your offer has been withdrawn. You may submit a new one until the"
                        " deadline."
                    ),
                )
            return SeeOther(here)
        if action not in ("submit", "replace"):
            messages.error(request, _("Choose to submit, replace or withdraw the offer."))
            return SeeOther(here)
        form = OfferForm(request.POST, request.FILES, prefix="offer")
        if not form.is_valid():
            return self._render(notice, form, status=400)
        service = offers.submit_offer if action == "submit" else offers.replace_offer
        try:
            offer = service(
                notice,
                self.partner,
                price=form.cleaned_data["price"],
                terms=form.cleaned_data["terms"],
                attachments=form.cleaned_data["attachments"],
                user=user,
            )
        except offers.OfferError as error:
            form.add_error(None, str(error))
            return self._render(notice, form, status=409)
        messages.success(
            request,
            _(
                "Your offer %(reference)s has been received at %(time)s. It stays sealed until"
                " the opening; a confirmation has been sent by e-mail."
            )
            % {
                "reference": offers.offer_reference(offer, notice),
                "time": timezone.localtime(offer.submitted_at).strftime("%d.%m.%Y %H:%M:%S"),
            },
        )
        return SeeOther(here)

    def _render(self, notice: Notice, form: OfferForm, status: int = 200) -> HttpResponse:
        history = offers.own_offers(notice, self.partner)
        live = next((o for o in history if o.status == OfferStatus.SUBMITTED), None)
        for offer in history:
            offer.reference = offers.offer_reference(offer, notice)
        context = {
            **self.base_context(),
            "notice": notice,
            "public_url": public_notice_url(notice),
            "live_offer": live,
            "history": [o for o in history if o is not live],
            "form": form,
            "error_links": form.error_links() if form.is_bound else [],
            "refusal": offers.refusal(notice, self.partner),
            "accepts_offers": notice.accepts_offers(),
            "deadline": timezone.localtime(notice.deadline),
            "opening_at": timezone.localtime(notice.opening_at),
        }
        return render(self.request, self.template_name, context, status=status)


class AlertSettingsView(PesView):
    """How the PES hears of matching notices: at once, a daily digest, or not at all."""

    template_name = "procurement/dashboard/alert_settings.html"

    def get_instance(self) -> AlertSettings:
        # Unsaved default on a GET (GETs never write): immediate, to the contact address.
        existing = AlertSettings.objects.filter(partner=self.partner).first()
        return existing or AlertSettings(partner=self.partner)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(AlertSettingsForm(instance=self.get_instance()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = AlertSettingsForm(request.POST, instance=self.get_instance())
        if not form.is_valid():
            return self._render(form, status=400)
        form.save()
        messages.success(request, _("Your alert settings are saved."))
        return SeeOther(reverse("procurement-dashboard:alerts") + self.partner_query())

    def _render(self, form: AlertSettingsForm, status: int = 200) -> HttpResponse:
        context = {
            **self.base_context(),
            "form": form,
            "error_links": form.error_links() if form.is_bound else [],
            "contact_emails": self.partner.contact_emails(),
        }
        return render(self.request, self.template_name, context, status=status)
