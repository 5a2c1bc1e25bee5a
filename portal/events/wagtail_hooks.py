"""Admin for events: registrations with filters, CSV export and a cancel action, and the 14-day
meeting warning.

Who sees a registration may cancel it: OWES editors those of their own organisation's events,
ROPS moderators and superusers all (`visible_registrations`, shared by the listing and the
cancel view). Cancelling goes through `registration.cancel`, so the place goes to the waiting
list and whoever moves up is e-mailed; the edit form therefore offers no "cancelled" status.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from portal.editorial import is_owes_editor
from portal.organisations import access

from .meetings import MINIMUM_MEETINGS, YearCompliance, meetings_kept, years_with_meetings
from .models import NOTICE_DAYS, EventPage, Registration
from .registration import AlreadyCancelled, cancel

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: object) -> str:
    """Text for a CSV cell that a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _local_time(value: object) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def visible_registrations(
    user: AbstractBaseUser | AnonymousUser, queryset: QuerySet[Registration] | None = None
) -> QuerySet[Registration]:
    """The registrations `user` may see (and so cancel), given the model permission: an OWES
    editor those of events their organisation organises or requested, everyone else all."""
    if queryset is None:
        queryset = Registration.objects.all()
    if is_owes_editor(user):
        organisation_id = getattr(user, "organisation_id", None)
        queryset = queryset.filter(
            Q(event__requested_by_id=organisation_id) | Q(event__organiser_id=organisation_id)
        )
    return queryset


class RegistrationIndexView(IndexView):
    """OWES editors see the registrations of their own organisation's events only."""

    cancel_url_name: str | None = None

    # Local times, and text a spreadsheet will not run (the viewset does not pass these on).
    custom_field_preprocess = {
        "event": {"csv": _csv_text},
        "event_start": {"csv": _local_time, "xlsx": _local_time},
        "name": {"csv": _csv_text},
        "email": {"csv": _csv_text},
        "organisation_name": {"csv": _csv_text},
        "phone": {"csv": _csv_text},
        "created_at": {"csv": _local_time, "xlsx": _local_time},
        "cancelled_at": {"csv": _local_time, "xlsx": _local_time},
    }

    def get_base_queryset(self) -> QuerySet[Registration]:
        queryset = super().get_base_queryset().select_related("event")
        return visible_registrations(self.request.user, queryset)

    def get_list_more_buttons(self, instance: Registration) -> list:
        buttons = super().get_list_more_buttons(instance)
        if self.cancel_url_name and instance.status != Registration.Status.CANCELLED:
            buttons.append(
                MenuItem(
                    _("Cancel registration"),
                    url=reverse(self.cancel_url_name, args=(quote(instance.pk),)),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons


class CancelRegistrationView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Staff cancel a registration (asked first): its place goes to the waiting list."""

    model = Registration
    index_url_name: str | None = None
    cancel_url_name: str | None = None
    header_icon = "form"
    # The listing's rule: whoever may see registrations, narrowed to the visible ones.
    any_permission_required = ["add", "change", "delete", "view"]
    page_title = _("Cancel registration")
    template_name = "events/admin/cancel_registration.html"

    @cached_property
    def object(self) -> Registration:
        visible = visible_registrations(self.request.user).select_related("event")
        return get_object_or_404(visible, pk=self.kwargs["pk"])

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Registration._meta.verbose_name_plural},
            {"url": "", "label": _("Cancel registration")},
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.object,
            cancelled=self.object.status == Registration.Status.CANCELLED,
            started=self.object.event.start <= timezone.now(),
            action_url=reverse(self.cancel_url_name, args=(quote(self.object.pk),)),
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        registration = self.object
        try:
            promoted = cancel(registration)
        except AlreadyCancelled:
            messages.warning(
                request,
                gettext("The registration of %(person)s was already cancelled.")
                % {"person": registration.name},
            )
            return HttpResponseRedirect(reverse(self.index_url_name))
        messages.success(
            request,
            gettext("The registration of %(person)s for “%(event)s” is cancelled.")
            % {"person": registration.name, "event": registration.event.title},
        )
        if promoted:
            messages.success(
                request,
                gettext("Moved up from the waiting list and e-mailed: %(people)s.")
                % {"people": ", ".join(person.name for person in promoted)},
            )
        return HttpResponseRedirect(reverse(self.index_url_name))


class RegistrationAdminForm(forms.ModelForm):
    """Staff may move a person between confirmed and the waiting list here; cancelling is the
    cancel action, which frees the place for the waiting list."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and self.instance.status != Registration.Status.CANCELLED:
            status.choices = [
                choice for choice in status.choices if choice[0] != Registration.Status.CANCELLED
            ]


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "form"
    menu_label = _("Event registrations")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "email", "event", "status", "created_at"]
    list_filter = ["event", "status"]
    search_fields = ["name", "email", "organisation_name"]
    form_fields = ["event", "name", "email", "organisation_name", "phone", "consent", "status"]
    list_export = [
        "event",
        "event_start",
        "name",
        "email",
        "organisation_name",
        "phone",
        "get_status_display",
        "created_at",
        "cancelled_at",
    ]
    export_headings = {"event_start": _("Event start"), "get_status_display": _("Status")}
    export_filename = "event-registrations"

    def get_form_class(self, for_update: bool = False) -> type[forms.ModelForm]:
        return forms.modelform_factory(
            self.model,
            form=RegistrationAdminForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )

    def get_index_view_kwargs(self, **kwargs) -> dict:
        return super().get_index_view_kwargs(cancel_url_name=self.get_url_name("cancel"), **kwargs)

    @property
    def cancel_view(self):
        return self.construct_view(
            CancelRegistrationView,
            index_url_name=self.get_url_name("index"),
            cancel_url_name=self.get_url_name("cancel"),
        )

    def get_urlpatterns(self) -> list:
        return [
            *super().get_urlpatterns(),
            # `int`: any other text is a 404 here, not a failed lookup
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
        ]


@hooks.register("register_admin_viewset")
def register_registration_viewset() -> RegistrationViewSet:
    return RegistrationViewSet("event_registrations", url_prefix="events/registrations")


def warn_about_short_notice(request: HttpRequest, page: Page) -> None:
    """Member organisations must hear of a meeting 14 days ahead: say so when it is closer."""
    page = page.specific_deferred if not isinstance(page, EventPage) else page
    if not isinstance(page, EventPage) or not page.is_meeting or not page.start:
        return
    now = timezone.now()
    if now < page.start < now + timedelta(days=NOTICE_DAYS):
        messages.warning(
            request,
            _(
                "This meeting starts on %(date)s, in less than %(days)s days: member"
                " organisations should be notified at least %(days)s days ahead."
            )
            % {
                "date": date_format(timezone.localtime(page.start), "j E Y, H:i"),
                "days": NOTICE_DAYS,
            },
        )


hooks.register("after_create_page", warn_about_short_notice)
hooks.register("after_edit_page", warn_about_short_notice)


# Meetings kept (ROPS–OWES networking meetings, portal.events.meetings) ------------------------


def meetings_kept_view(request: HttpRequest) -> HttpResponse:
    """The year's ROPS–OWES meetings: held or planned, notice on time, minutes; for the ROPS and
    (read only, like everything here) the RKRES members. A GET only reads."""
    if not (access.is_rops(request.user) or access.is_rkres_member(request.user)):
        raise PermissionDenied
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = today.year
    if not 2000 <= year <= 2100:
        year = today.year
    compliance = meetings_kept(year)
    return TemplateResponse(
        request,
        "events/admin/meetings.html",
        {
            "compliance": compliance,
            "years": sorted({*years_with_meetings(), year}, reverse=True),
            "minimum": MINIMUM_MEETINGS,
            "notice_days": NOTICE_DAYS,
            "warning": compliance.needs_warning(today),
        },
    )


class MeetingsKeptMenuItem(AdminMenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return access.is_rops(request.user) or access.is_rkres_member(request.user)


@hooks.register("register_admin_urls")
def register_meetings_kept_url() -> list:
    return [path("spotkania/", meetings_kept_view, name="events_meetings_kept")]


@hooks.register("register_monitoring_menu_item")  # inside the admin's "Monitoring" menu
def register_meetings_kept_menu_item() -> MeetingsKeptMenuItem:
    return MeetingsKeptMenuItem(
        _("Meetings kept"), reverse("events_meetings_kept"), icon_name="date", order=21
    )


class MeetingsWarningPanel(Component):
    """The admin home's warning to the ROPS: fewer than two meetings held or planned in the
    second half of the year (YearCompliance.needs_warning)."""

    name = "meetings_kept_warning"
    order = 50
    template_name = "events/admin/meetings_warning_panel.html"

    def __init__(self, compliance: YearCompliance) -> None:
        self.compliance = compliance

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return {
            "compliance": self.compliance,
            "minimum": MINIMUM_MEETINGS,
            "url": reverse("events_meetings_kept") + f"?year={self.compliance.year}",
        }


@hooks.register("construct_homepage_panels")
def add_meetings_warning_panel(request: HttpRequest, panels: list) -> None:
    """Only the ROPS is warned, and only costs its own home page two queries."""
    if not access.is_rops(request.user):
        return
    today = timezone.localdate()
    compliance = meetings_kept(today.year)
    if compliance.needs_warning(today):
        panels.append(MeetingsWarningPanel(compliance))
