"""The PES's own dashboard page: its profile, payment methods and delivery options.

A PES user (an Oscar partner user with dashboard access, never `is_staff`) edits only the
partners it is linked to. ROPS staff edit any PES here by naming it (`?partner=<id>`); without it
they are sent to Oscar's partner list, where they pick one.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace.dashboard_access import is_pes_user

from .forms import DeliveryOptionFormSet, PesProfileForm

Partner = get_model("partner", "Partner")


def is_partner_editor(user) -> bool:
    """ROPS staff allowed to change any PES (Oscar's partner permission, as its own pages ask)."""
    return user.is_authenticated and user.is_staff and user.has_perm("partner.change_partner")


class PesProfileView(TemplateView):
    """One form for the profile and one formset for the delivery options, saved together."""

    template_name = "marketplace/dashboard/pes_profile.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("customer:login"))
        wanted = request.GET.get("partner", "")
        if wanted and not wanted.isdigit():
            raise Http404
        if is_pes_user(user):
            # Own PES only; someone else's id answers 404, as Oscar's own pages do.
            self.partners = list(user.partners.order_by("name", "pk"))
            if not self.partners:
                raise Http404(_("Your account is not linked to any PES."))
            chosen = [p for p in self.partners if str(p.pk) == wanted] if wanted else self.partners
            if not chosen:
                raise Http404
            self.partner = chosen[0]
        elif is_partner_editor(user):
            if not wanted:
                return redirect("dashboard:partner-list")
            self.partners = []
            self.partner = get_object_or_404(Partner, pk=int(wanted))
        else:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_forms(self) -> tuple[PesProfileForm, DeliveryOptionFormSet]:
        data = files = None
        if self.request.method == "POST":
            data, files = self.request.POST, self.request.FILES
        form = PesProfileForm(
            data,
            files,
            instance=self.partner,
            prefix="profile",
            verified_locked=not self.request.user.is_staff,
        )
        formset = DeliveryOptionFormSet(
            data,
            instance=self.partner,
            prefix="delivery",
            queryset=self.partner.delivery_options.order_by("display_order", "pk"),
        )
        return form, formset

    def get_context_data(self, **kwargs) -> dict:
        ctx = super().get_context_data(**kwargs)
        if "form" not in kwargs:
            ctx["form"], ctx["formset"] = self.get_forms()
        ctx["partner"] = self.partner
        ctx["partners"] = self.partners
        ctx["title"] = _("My PES profile") if self.partners else self.partner.name
        return ctx

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form, formset = self.get_forms()
        # Validate both (every error shows at once) before saving either: bad input saves nothing.
        form_valid, formset_valid = form.is_valid(), formset.is_valid()
        if form_valid and formset_valid:
            with transaction.atomic():
                form.save()
                formset.save()
            messages.success(
                request, _("The profile of %(name)s is saved.") % {"name": form.instance.name}
            )
            return redirect(f"{request.path}?partner={self.partner.pk}")
        # The partner instance now carries the rejected input; the page must name the stored one.
        self.partner.refresh_from_db()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))
