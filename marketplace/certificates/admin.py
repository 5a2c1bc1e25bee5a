"""The committee's desk in the Django admin: review applications against the checklist, grant or
refuse them, revoke certificates. Decisions with a reason go through a small confirmation form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    Certificate,
    CertificateState,
    today_in_poland,
)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea, required=True)


def _ask_reason(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet,
    *,
    action: str,
    title: str,
    apply: Any,
) -> HttpResponse | None:
    """An intermediate page asking for the reason (required); on a valid POST, `apply` each."""
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        done = 0
        for obj in queryset:
            try:
                apply(obj, form.cleaned_data["reason"])
            except ValidationError as error:
                modeladmin.message_user(
                    request, f"{obj}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                done += 1
        if done:
            modeladmin.message_user(request, _("Done: %(count)d.") % {"count": done})
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "objects": queryset,
        "form": form,
        "action": action,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "certificates/admin/reason_form.html", context)


class AttachmentInline(admin.TabularInline):
    model = ApplicationAttachment
    extra = 0
    fields = ["link", "uploaded_at"]
    readonly_fields = ["link", "uploaded_at"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("file"))
    def link(self, attachment: ApplicationAttachment) -> str:
        url = reverse("certificates:attachment", kwargs={"pk": attachment.pk})
        return format_html('<a href="{}">{}</a>', url, attachment)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partner", "status", "submitted_at", "checklist_done", "decided_on"]
    list_filter = ["status"]
    search_fields = ["partner__name"]
    date_hierarchy = "submitted_at"
    inlines = [AttachmentInline]
    actions = ["mark_under_review", "grant", "refuse"]
    readonly_fields = [
        "partner",
        "products_list",
        "legal_form_confirmed",
        "social_goals",
        "operating_six_months",
        "operating_since",
        "own_revenue_share",
        "submitted_by",
        "submitted_at",
        "status",
        "decided_by",
        "decided_on",
        "refusal_reason",
        "certificate_link",
    ]
    fieldsets = [
        (
            gettext_lazy("Application"),
            {
                "fields": [
                    "partner",
                    "products_list",
                    "submitted_by",
                    "submitted_at",
                    "status",
                ]
            },
        ),
        (
            gettext_lazy("Declarations"),
            {
                "fields": [
                    "legal_form_confirmed",
                    "social_goals",
                    "operating_six_months",
                    "operating_since",
                    "own_revenue_share",
                ]
            },
        ),
        (
            gettext_lazy("Committee checklist"),
            {"fields": [*Application.CHECKLIST, "committee_notes"]},
        ),
        (
            gettext_lazy("Decision"),
            {"fields": ["decided_by", "decided_on", "refusal_reason", "certificate_link"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("partner", "certificate")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(self.readonly_fields)
        if obj is not None and not obj.is_open:  # a decided application is a record
            fields += [*Application.CHECKLIST, "committee_notes"]
        return fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # PES apply from their own pages

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    @admin.display(boolean=True, description=gettext_lazy("checklist complete"))
    def checklist_done(self, application: Application) -> bool:
        return application.checklist_complete

    @admin.display(description=gettext_lazy("products and services"))
    def products_list(self, application: Application) -> str:
        return ", ".join(p.get_title() for p in application.products.all())

    @admin.display(description=gettext_lazy("operating since (PES profile)"))
    def operating_since(self, application: Application) -> Any:
        return application.partner.operating_since or "—"

    @admin.display(description=gettext_lazy("certificate"))
    def certificate_link(self, application: Application) -> str:
        if application.certificate is None:
            return "—"
        url = reverse("admin:certificates_certificate_change", args=[application.certificate.pk])
        return format_html('<a href="{}">{}</a>', url, application.certificate.number)

    @admin.action(description=gettext_lazy("Mark as under review"), permissions=["change"])
    def mark_under_review(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.filter(status=ApplicationStatus.SUBMITTED).update(
            status=ApplicationStatus.UNDER_REVIEW
        )
        self.message_user(request, _("Under review: %(count)d.") % {"count": count})

    @admin.action(description=gettext_lazy("Grant the certificate"), permissions=["change"])
    def grant(self, request: HttpRequest, queryset: QuerySet) -> None:
        for application in queryset:
            try:
                certificate = services.grant(application, by=request.user, request=request)
            except ValidationError as error:
                self.message_user(
                    request, f"{application}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                self.message_user(
                    request,
                    _("%(application)s: certificate %(number)s granted.")
                    % {"application": application, "number": certificate.number},
                )

    @admin.action(description=gettext_lazy("Refuse (with a reason)"), permissions=["change"])
    def refuse(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return _ask_reason(
            self,
            request,
            queryset,
            action="refuse",
            title=_("Refuse the applications"),
            apply=lambda application, reason: services.refuse(
                application, reason, by=request.user, request=request
            ),
        )


class CertificateAdminForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = [
            "number",
            "holder",
            "products",
            "scope",
            "issued_on",
            "valid_until",
            "revoked_on",
            "revocation_reason",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "number" in self.fields:
            self.fields["number"].required = False
            self.fields["number"].help_text = _("Leave empty for the next number of the year.")

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("number") and cleaned.get("issued_on"):
            cleaned["number"] = services.next_number(cleaned["issued_on"].year)
            self.instance.number = cleaned["number"]
        if cleaned.get("revoked_on") and not (cleaned.get("revocation_reason") or "").strip():
            self.add_error("revocation_reason", _("Give the reason for revocation."))
        issued, until = cleaned.get("issued_on"), cleaned.get("valid_until")
        if issued and until and until < issued:
            self.add_error("valid_until", _("The last valid day cannot precede the issue date."))
        return cleaned


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    form = CertificateAdminForm
    list_display = ["number", "holder", "issued_on", "valid_until", "state_today", "revoked_on"]
    list_filter = ["issued_on", "revoked_on"]
    search_fields = ["number", "holder__name"]
    filter_horizontal = ["products"]  # autocomplete would need catalogue permissions
    readonly_fields = ["reminder_sent_on", "verification"]
    actions = ["revoke"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("holder")

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        if obj is None and "issued_on" in form.base_fields:
            form.base_fields["issued_on"].initial = today_in_poland()
        return form

    @admin.display(description=gettext_lazy("state today"))
    def state_today(self, certificate: Certificate) -> str:
        return CertificateState(certificate.state()).label

    @admin.display(description=gettext_lazy("public verification page"))
    def verification(self, certificate: Certificate) -> str:
        if not certificate.pk:
            return "—"
        url = certificate.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.action(description=gettext_lazy("Revoke (with a reason)"), permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return _ask_reason(
            self,
            request,
            queryset,
            action="revoke",
            title=_("Revoke the certificates"),
            apply=lambda certificate, reason: services.revoke(certificate, reason, request=request),
        )


@admin.register(ApplicationAttachment)
class ApplicationAttachmentAdmin(admin.ModelAdmin):
    """Listed for the committee's view permission; attachments are added by the PES only."""

    list_display = ["__str__", "application", "uploaded_at"]
    list_select_related = ["application__partner"]
    fields = ["application", "original_name", "uploaded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
