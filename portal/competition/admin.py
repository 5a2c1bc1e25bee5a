"""ROPS staff decide on nominations in the Django admin: accept (also as a bulk action) or
reject with a required reason; each decision e-mails the nominator."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import nominations
from .models import Nomination


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = ["status", "decision_reason"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            cleaned.get("status") == Nomination.Status.REJECTED
            and not (cleaned.get("decision_reason") or "").strip()
        ):
            self.add_error("decision_reason", _("Give the reason for rejecting the nomination."))
        return cleaned


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = ["candidate_name", "category", "edition", "status", "nominator_name", "created"]
    list_filter = ["status", "edition", "category__name"]
    list_select_related = ["category", "edition"]
    search_fields = ["candidate_name", "nominator_name", "nominator_email"]
    actions = ["accept_selected"]
    fields = [
        "edition",
        "category",
        "candidate_name",
        "candidate_partner",
        "candidate_organisation",
        "justification",
        "letter_link",
        "nominator_name",
        "nominator_email",
        "nominator_phone",
        "created",
        "status",
        "decision_reason",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = [name for name in fields if name not in ("status", "decision_reason")]

    @admin.display(description=_("recommendation letter (PDF)"))
    def letter_link(self, obj: Nomination) -> str:
        if not obj.recommendation_letter:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', reverse("competition_letter", args=[obj.pk]), _("Download")
        )

    def has_add_permission(self, request) -> bool:
        return False  # nominations come through the public form

    def save_model(self, request, obj, form, change) -> None:
        if "status" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        if obj.status == Nomination.Status.ACCEPTED:
            sent = nominations.accept(obj, request.user)
        elif obj.status == Nomination.Status.REJECTED:
            sent = nominations.reject(obj, obj.decision_reason, request.user)
        else:
            super().save_model(request, obj, form, change)
            return
        if not sent:
            messages.warning(request, _("The nominator could not be e-mailed just now."))

    @admin.action(description=_("Accept selected nominations into the jury stage"))
    def accept_selected(self, request, queryset) -> None:
        count = 0
        for nomination in queryset.filter(status=Nomination.Status.SUBMITTED).select_related(
            "edition"
        ):
            nominations.accept(nomination, request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d nomination accepted.", "%(count)d nominations accepted.", count)
            % {"count": count},
        )
