"""A granted "Zakup Prospołeczny" certificate; its state is computed from dates at read time."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.uploads import PdfValidator, private_storage

EXPIRY_WARNING_DAYS = 30
REMINDER_DAYS = 30
NUMBER_PREFIX = "ZP"
# "ZP/2026/0001" or the URL-friendly "ZP-2026-0001"; either separator, any letter case.
NUMBER_RE = re.compile(r"^(?P<prefix>[A-Za-z]{2})[/-](?P<year>\d{4})[/-](?P<seq>\d{1,6})$")
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MIN_OWN_REVENUE_SHARE = 30
MIN_OPERATING_MONTHS = 6


def normalise_number(value: str) -> str | None:
    """The stored spelling ("ZP/2026/0001") of a number written with slashes or dashes, or None
    when it is not a certificate number at all."""
    match = NUMBER_RE.match((value or "").strip())
    if match is None:
        return None
    return f"{match['prefix'].upper()}/{match['year']}/{int(match['seq']):04d}"


def number_slug(number: str) -> str:
    """The number as one URL segment: ZP/2026/0001 -> ZP-2026-0001."""
    return number.replace("/", "-")


def today_in_poland() -> date:
    """The date in Europe/Warsaw (TIME_ZONE), which is what a certificate's dates mean."""
    return timezone.localdate()


class CertificateState(models.TextChoices):
    # "certificate" context: Polish agrees these with "certyfikat" (masculine).
    VALID = "valid", pgettext_lazy("certificate", "valid")
    EXPIRING = "expiring", pgettext_lazy("certificate", "expiring soon")
    EXPIRED = "expired", pgettext_lazy("certificate", "expired")
    REVOKED = "revoked", pgettext_lazy("certificate", "revoked")
    NOT_YET = "not_yet", pgettext_lazy("certificate", "not yet valid")


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day: date | None = None) -> CertificateQuerySet:
        """Certificates in force on `day` (today in Poland by default): issued, not past their
        last valid day, not revoked by then."""
        day = day or today_in_poland()
        return self.filter(issued_on__lte=day, valid_until__gte=day).exclude(revoked_on__lte=day)


class Certificate(models.Model):
    number = models.CharField(_("number"), max_length=20, unique=True)
    holder = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    products = models.ManyToManyField(
        "catalogue.Product",
        verbose_name=_("products and services covered"),
        blank=True,
        related_name="certificates",
    )
    scope = models.TextField(_("scope"), blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("last valid day"))
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    reminder_sent_on = models.DateField(
        _("expiry reminder sent on"),
        null=True,
        blank=True,
        help_text=_("Set by the daily reminder command, so the holder is reminded once."),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-number"]
        verbose_name = _("Zakup Prospołeczny certificate")
        verbose_name_plural = _("Zakup Prospołeczny certificates")

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("certificates:detail", kwargs={"number": self.number})

    @property
    def slug(self) -> str:
        return number_slug(self.number)

    @staticmethod
    def last_valid_day(issued_on: date) -> date:
        """Valid for one year: the day before the same date a year later."""
        try:
            anniversary = issued_on.replace(year=issued_on.year + 1)
        except ValueError:  # 29 February
            anniversary = issued_on.replace(year=issued_on.year + 1, day=28) + timedelta(days=1)
        return anniversary - timedelta(days=1)

    def state(self, day: date | None = None) -> str:
        day = day or today_in_poland()
        if self.revoked_on is not None and self.revoked_on <= day:
            return CertificateState.REVOKED
        if day < self.issued_on:
            return CertificateState.NOT_YET
        if day > self.valid_until:
            return CertificateState.EXPIRED
        if (self.valid_until - day).days < EXPIRY_WARNING_DAYS:
            return CertificateState.EXPIRING
        return CertificateState.VALID

    def is_valid(self, day: date | None = None) -> bool:
        return self.state(day) in {CertificateState.VALID, CertificateState.EXPIRING}

    def revoke(self, reason: str, day: date | None = None) -> None:
        """Revoked from `day` (today in Poland); the reason is shown on the verification page."""
        if not reason.strip():
            raise ValidationError({"revocation_reason": _("Give the reason for revocation.")})
        self.revoked_on = day or today_in_poland()
        self.revocation_reason = reason.strip()
        self.save(update_fields=["revoked_on", "revocation_reason"])


def six_months_before(day: date) -> date:
    """The same day six months earlier (the last day of that month when it is shorter)."""
    month = day.month - MIN_OPERATING_MONTHS
    year = day.year
    if month < 1:
        month += 12
        year -= 1
    for candidate in range(day.day, 27, -1):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    return day.replace(year=year, month=month, day=min(day.day, 28))


# Attachments must be plain PDF documents (parsed, see portal.uploads) of at most 5 MB; the
# migrations name this instance.
validate_pdf_upload = PdfValidator(MAX_ATTACHMENT_BYTES)


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    UNDER_REVIEW = "under_review", _("under review")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW)


class Application(models.Model):
    """A PES's application for the certificate, with its declarations and the committee's review."""

    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("applicant (PES)"),
        on_delete=models.CASCADE,
        related_name="certificate_applications",
    )
    products = models.ManyToManyField(
        "catalogue.Product",
        verbose_name=_("products and services applied for"),
        related_name="certificate_applications",
    )
    # The PES's declarations.
    legal_form_confirmed = models.BooleanField(
        _("our legal form is that of a social-economy entity (PES)"), default=False
    )
    social_goals = models.TextField(_("social goals"), max_length=5000)
    operating_six_months = models.BooleanField(
        _("we have been operating for at least 6 months"), default=False
    )
    own_revenue_share = models.DecimalField(
        _("own revenue share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Revenue from your own sales as a share of all revenue; at least 30%."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    # The committee's checklist.
    check_legal_form = models.BooleanField(_("legal form checked"), default=False)
    check_social_goals = models.BooleanField(_("social goals checked"), default=False)
    check_operating_period = models.BooleanField(_("6 months of operation checked"), default=False)
    check_own_revenue = models.BooleanField(
        _("own revenue share (30 percent or more) checked"), default=False
    )
    check_attachments = models.BooleanField(_("attachments checked"), default=False)
    committee_notes = models.TextField(_("committee notes"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    certificate = models.OneToOneField(
        Certificate,
        verbose_name=_("certificate granted"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
    )

    CHECKLIST = (
        "check_legal_form",
        "check_social_goals",
        "check_operating_period",
        "check_own_revenue",
        "check_attachments",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("certificate application")
        verbose_name_plural = _("certificate applications")

    def __str__(self) -> str:
        return _("Application %(pk)s of %(partner)s") % {"pk": self.pk, "partner": self.partner}

    def get_absolute_url(self) -> str:
        return reverse("certificates:application-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def checklist_complete(self) -> bool:
        return all(getattr(self, name) for name in self.CHECKLIST)


def _attachment_path(instance: ApplicationAttachment, filename: str) -> str:
    """A random name: attachments hold a PES's finances and must not be guessable."""
    return f"certificates/applications/{uuid.uuid4().hex}.pdf"


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    # Private storage, never under /media/: read through views.attachment, which checks who asks.
    file = models.FileField(
        _("file"),
        upload_to=_attachment_path,
        storage=private_storage,
        validators=[validate_pdf_upload],
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name or self.file.name
