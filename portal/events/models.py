"""Events of the ROPS and the OWES: networking meetings, RKRES sessions, fairs, the gala, workshops.

Registrations belong to the event in the default language (its "canonical" page), so the Polish
page and its English translation share one list of participants and one capacity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BODY_BLOCKS
from portal.organisations.models import Organisation, Powiat
from portal.pages import PortalIndexPage, RequestedPage, portal_search_fields, requested_by_field
from portal.pageviews import PageViews
from portal.urls_absolute import page_url

from .ical import calendar_response

EVENTS_PER_PAGE = 12
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# ROPS–OWES agreements: member organisations hear of a meeting at least 14 days ahead.
NOTICE_DAYS = 14


class EventKind(models.TextChoices):
    NETWORKING = "networking", _("Networking meeting ROPS–OWES")
    RKRES = "rkres", _("RKRES meeting")
    FAIR = "fair", _("Fair")
    GALA = "gala", _("Gala")
    WORKSHOP = "workshop", _("Workshop")
    STUDY_VISIT = "study_visit", _("Study visit")
    UNIVERSITY_DAY = "university_day", _("Social economy day at a university")
    SCHOOL_LESSON = "school_lesson", _("School lesson")
    OTHER = "other", _("Other")


# Meetings the member organisations must be told about 14 days ahead.
MEETING_KINDS = (EventKind.NETWORKING, EventKind.RKRES)


class EventIndexPage(RoutablePageMixin, PortalIndexPage):
    """Upcoming and past events with filters, and a calendar feed of what is coming."""

    subpage_types = ["events.EventPage"]
    owes_may_add_here = True

    class Meta:
        verbose_name = _("events index")

    def events(self) -> models.QuerySet[EventPage]:
        """Live public events of this index (so of this language), with what lists show."""
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("powiat", "organiser", "requested_by")
        )

    def upcoming(self) -> models.QuerySet[EventPage]:
        """Events that have not ended yet (one in progress is still worth going to)."""
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self) -> models.QuerySet[EventPage]:
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    @path("", name="upcoming")
    def upcoming_view(self, request: HttpRequest) -> HttpResponse:
        return self._listing(request, self.upcoming(), archive=False)

    @path("archiwum/", name="archive")
    def archive_view(self, request: HttpRequest) -> HttpResponse:
        return self._listing(request, self.past(), archive=True)

    @path("kalendarz/", name="calendar")
    def calendar_view(self, request: HttpRequest) -> HttpResponse:
        """All upcoming events as iCalendar (also at `kalendarz.ics` when `events.urls` is in)."""
        return calendar_response(
            list(self.upcoming()), request, filename=self.slug, name=self.title
        )

    def calendar_url(self, request: HttpRequest | None = None) -> str:
        """The feed's address: `kalendarz.ics` when the project routes it, else `kalendarz/`."""
        base = self.get_url(request) or ""
        try:
            reverse("events_calendar_ics", kwargs={"index_path": "x/"})
        except NoReverseMatch:
            return base + self.reverse_subpage("calendar")
        return base + "kalendarz.ics"

    def _listing(self, request: HttpRequest, events, archive: bool) -> HttpResponse:
        all_events = events
        kind = request.GET.get("rodzaj", "")
        if kind not in EventKind.values:
            kind = ""
        if kind:
            events = events.filter(kind=kind)
        powiat_code = request.GET.get("powiat", "")
        powiats = list(Powiat.objects.filter(pk__in=all_events.values("powiat")))
        current_powiat = next((p for p in powiats if p.code == powiat_code), None)
        if current_powiat is not None:
            events = events.filter(powiat=current_powiat)
        page_obj = self.paginate(request, events, EVENTS_PER_PAGE)
        return self.render(
            request,
            context_overrides={
                "archive": archive,
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "kinds": EventKind.choices,
                "powiats": powiats,
                "current_kind": kind,
                "current_powiat": current_powiat,
                "calendar_url": self.calendar_url(request),
            },
        )


class EventPage(RoutablePageMixin, RequestedPage):
    """One event: when, where, who organises it and on whose request, and registration."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    place_name = models.CharField(_("place"), max_length=200)
    address = models.CharField(_("address"), max_length=250, blank=True)
    powiat = models.ForeignKey(
        Powiat,
        verbose_name=_("powiat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    requested_by = requested_by_field("events")
    lead = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists."))
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept registrations until the event starts."),
    )
    # The minutes of a ROPS–OWES meeting, added after it (portal.events.meetings counts them).
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The minutes of the meeting, once it has been held."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("organiser"),
                FieldPanel("requested_by"),
            ],
            heading=_("About"),
        ),
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("address"), FieldPanel("powiat")],
            heading=_("Place"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("minutes"),
    ]
    search_fields = portal_search_fields(
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.FilterField("kind"),
        index.FilterField("start"),
    )
    parent_page_types = ["events.EventIndexPage"]
    # Filled by views.py, which imports this module (see portal.pageviews).
    views = PageViews()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            raise ValidationError(
                {"registration_deadline": _("The registration deadline must be before the end.")}
            )

    # Display helpers -------------------------------------------------------------------
    @property
    def local_start(self) -> datetime:
        return timezone.localtime(self.start)

    @property
    def local_end(self) -> datetime:
        return timezone.localtime(self.end)

    @property
    def same_day(self) -> bool:
        return self.local_start.date() == self.local_end.date()

    @property
    def is_meeting(self) -> bool:
        """A networking or RKRES meeting, announced to member organisations 14 days ahead."""
        return self.kind in MEETING_KINDS

    # Registration ----------------------------------------------------------------------
    @cached_property
    def registration_event(self) -> EventPage:
        """The page registrations are kept on: this event's page in the default language."""
        if not self.pk:
            return self
        canonical = (
            EventPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(pk=self.pk)
            .first()
        )
        return canonical or self

    def confirmed_count(self) -> int:
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    def registration_counts(self) -> tuple[int, int]:
        """Confirmed and waiting registrations, in one query (cancelled ones are neither)."""
        Status = Registration.Status
        counts = self.registrations.aggregate(
            confirmed=models.Count("pk", filter=models.Q(status=Status.CONFIRMED)),
            waiting=models.Count("pk", filter=models.Q(status=Status.WAITLIST)),
        )
        return counts["confirmed"], counts["waiting"]

    def registration_state(self) -> RegistrationState:
        """Whether people may register now and, if not, why (said to the visitor)."""
        event = self.registration_event
        now = timezone.now()
        if not event.registration_open:
            return RegistrationState(False, _("Registration for this event is not open."))
        if event.start <= now:
            return RegistrationState(False, _("Registration is closed: the event has started."))
        if event.registration_deadline and event.registration_deadline <= now:
            deadline = date_format(timezone.localtime(event.registration_deadline), "j E Y, H:i")
            return RegistrationState(
                False, _("Registration closed on %(deadline)s.") % {"deadline": deadline}
            )
        return RegistrationState(True, "")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        from .forms import RegistrationForm  # forms import this module (a ModelForm)

        event = self.registration_event
        state = self.registration_state()
        places_left = None
        waiting = 0
        if event.capacity is not None:
            confirmed, waiting = event.registration_counts()
            places_left = max(event.capacity - confirmed, 0)
        context.update(
            {
                "registration": state,
                "capacity": event.capacity,
                "places_left": places_left,
                "waiting": waiting,
                "structured_data": self.structured_data(request, places_left, state.open),
                "ical_url": (self.get_url(request) or "") + self.reverse_subpage("ical"),
                "register_url": (self.get_url(request) or "") + self.reverse_subpage("register"),
            }
        )
        if state.open:  # a re-rendered POST replaces it with the bound form (context_overrides)
            context["registration_form"] = RegistrationForm(event=event)
        return context

    def structured_data(
        self, request: HttpRequest | None, places_left: int | None, registration_open: bool
    ) -> str:
        """schema.org `Event` as JSON-LD, safe inside a <script> element."""
        url = page_url(self, request)
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.lead,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": self.place_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.address or self.place_name,
                    "addressCountry": "PL",
                },
            },
            "url": url,
            "inLanguage": self.locale.language_code,
        }
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser.name}
            if self.organiser.website:
                data["organizer"]["url"] = self.organiser.website
        capacity = self.registration_event.capacity
        if capacity is not None:
            data["maximumAttendeeCapacity"] = capacity
            data["remainingAttendeeCapacity"] = places_left
        if registration_open:
            data["offers"] = {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "PLN",
                "url": url,
                "availability": "https://schema.org/"
                + ("SoldOut" if places_left == 0 else "InStock"),
            }
        text = json.dumps(data, ensure_ascii=False)
        # As Django's json_script: no "</script>" or "<!--" can close the element early.
        return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308

    @path("ical/", name="ical")
    def ical_view(self, request: HttpRequest) -> HttpResponse:
        return calendar_response([self], request, filename=self.slug, name=self.title)

    @path("rejestracja/", name="register")
    def register_view(self, request: HttpRequest) -> HttpResponse:
        return self.views.register(request, self)

    # The token is `<pk>-<signature>` (portal.events.registration.cancel_token): Wagtail
    # routes only `[\w-]` path segments, so it holds nothing else.
    @path("rezygnacja/<str:token>/", name="cancel")
    def cancel_view(self, request: HttpRequest, token: str) -> HttpResponse:
        return self.views.cancel(request, self, token)


@dataclass(frozen=True)
class RegistrationState:
    open: bool
    message: str


def default_language() -> str:
    """Registrations made before the language was kept, and by staff, speak the default one."""
    return settings.LANGUAGE_CODE


class Registration(models.Model):
    """One person registered for an event: confirmed, on the waiting list, or cancelled.

    A cancelled registration keeps its row (the organiser sees who withdrew and when) but never
    counts toward the capacity and no longer holds its e-mail address: the person may register
    again, joining the end of the queue as a new registration.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLIST = "waitlist", _("waiting list")
        # "anulowane" is an order's; a registration ("zapis") is "anulowany"
        CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent = models.BooleanField(_("consent to data processing"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    # The language of the page the person registered on: later e-mails (a place that became
    # free) are written in it, although the registration is kept on the Polish event.
    language = models.CharField(
        _("language"), max_length=8, default=default_language, editable=False
    )

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="events_registration_unique_email",
                violation_error_message=_(
                    "This e-mail address is already registered for this event."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(consent=True),
                name="events_registration_consent_given",
                violation_error_message=_("Registration needs consent to data processing."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def event_start(self):
        """For the CSV export: organisers sort registrations of many events by date."""
        return self.event.start


class MeetingNotice(models.Model):
    """Proof that a meeting was announced to the member organisations, so it is done once."""

    event = models.OneToOneField(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="meeting_notice",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("meeting notice")
        verbose_name_plural = _("meeting notices")

    def __str__(self) -> str:
        return f"{self.event} ({self.sent_at:%Y-%m-%d})"


def notice_window_end(now: datetime | None = None) -> datetime:
    """Meetings starting before this moment (local midnight after today + 14) are due."""
    today = timezone.localdate(now)
    last_day = today + timedelta(days=NOTICE_DAYS + 1)
    return timezone.make_aware(datetime.combine(last_day, datetime.min.time()))
