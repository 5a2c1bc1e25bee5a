"""Admin for events: registrations with filters and CSV export, and the 14-day meeting warning."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from portal.editorial import is_owes_editor

from .models import NOTICE_DAYS, EventPage, Registration

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: object) -> str:
    """Text for a CSV cell that a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _local_time(value: object) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class RegistrationIndexView(IndexView):
    """OWES editors see the registrations of their own organisation's events only."""

    # Local times, and text a spreadsheet will not run (the viewset does not pass these on).
    custom_field_preprocess = {
        "event": {"csv": _csv_text},
        "event_start": {"csv": _local_time, "xlsx": _local_time},
        "name": {"csv": _csv_text},
        "email": {"csv": _csv_text},
        "organisation_name": {"csv": _csv_text},
        "phone": {"csv": _csv_text},
        "created_at": {"csv": _local_time, "xlsx": _local_time},
    }

    def get_base_queryset(self) -> QuerySet[Registration]:
        queryset = super().get_base_queryset().select_related("event")
        user = self.request.user
        if is_owes_editor(user):
            organisation_id = getattr(user, "organisation_id", None)
            queryset = queryset.filter(
                Q(event__requested_by_id=organisation_id) | Q(event__organiser_id=organisation_id)
            )
        return queryset


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
    ]
    export_headings = {"event_start": _("Event start"), "get_status_display": _("Status")}
    export_filename = "event-registrations"


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
