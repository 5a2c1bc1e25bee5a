"""Social procurement: buyer organisations publish notices, PES send sealed offers, one is awarded.

Offers are sealed by their default manager: `Offer.objects` (and every related manager, the
admin, prefetches and the API, which all go through it) returns only offers of notices whose
opening time has passed. The one way round it is `Offer.submissions`, used by the services that
let a PES submit, replace and withdraw its own offer (`offers.py`); nothing that shows offers
to a buyer, to staff or to the public may use it.

A notice's phase (open, closed awaiting the award, awarded, cancelled) is computed from its
stored outcome and its deadline at read time, so it never goes stale at midnight.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from marketplace.identifiers import compact_nip, validate_nip
from marketplace.references import next_yearly_reference
from portal.uploads import PdfValidator, private_storage

REFERENCE_PREFIX = "ZP"  # "zamówienie": the reference a buyer and the PES quote


class BuyerKind(models.TextChoices):
    COMPANY = "company", _("company")
    GMINA = "gmina", _("gmina (municipality)")
    POWIAT = "powiat", _("powiat (county)")
    PUBLIC_UNIT = "public_unit", _("public unit (school, hospital, social-assistance centre…)")
    VOIVODESHIP = "voivodeship", _("voivodeship office or marshal's office")
    NGO = "ngo", _("non-governmental organisation")


PUBLIC_BUYER_KINDS = (
    BuyerKind.GMINA,
    BuyerKind.POWIAT,
    BuyerKind.PUBLIC_UNIT,
    BuyerKind.VOIVODESHIP,
)


class BuyerOrganisation(models.Model):
    """A company, public body or NGO that buys from PES; the ROPS verifies it."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=BuyerKind.choices)
    nip = models.CharField(_("NIP"), max_length=13, unique=True, validators=[validate_nip])
    address = models.TextField(_("address"), max_length=500)
    powiat = models.ForeignKey(
        "organisations.Powiat",
        verbose_name=_("powiat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="buyers",
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="BuyerMembership",
        verbose_name=_("staff accounts"),
        related_name="buyer_organisations",
    )
    verified_at = models.DateTimeField(_("verified by the ROPS"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    in_public_ranking = models.BooleanField(
        _("show us in the public ranking of social buyers"), default=False
    )
    created = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("buyer organisation")
        verbose_name_plural = _("buyer organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.nip:
            self.nip = compact_nip(self.nip)
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_public_body(self) -> bool:
        return self.kind in PUBLIC_BUYER_KINDS


class BuyerMembership(models.Model):
    """A person working for a buyer; an administrator may add and remove colleagues."""

    buyer = models.ForeignKey(
        BuyerOrganisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buyer_memberships"
    )
    is_admin = models.BooleanField(_("administrator"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("buyer staff member")
        verbose_name_plural = _("buyer staff members")
        constraints = [
            models.UniqueConstraint(fields=["buyer", "user"], name="procurement_one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.buyer}"


class NoticeKind(models.TextChoices):
    QUOTATION = "quotation", _("request for quotations below the public-procurement threshold")
    RESERVED = "reserved", _("contract reserved under art. 94 Pzp")
    SOCIAL_CLAUSES = "social_clauses", _("contract with social clauses")


class SocialClause(models.TextChoices):
    AT_RISK_EMPLOYMENT = (
        "art_96_2",
        _("employment of people at risk of social exclusion (art. 96 ust. 2 Pzp)"),
    )
    EMPLOYMENT_CONTRACTS = "art_95", _("employment under a contract of employment (art. 95 Pzp)")


# The legal basis shown on each notice, by kind (the clause notices add their clauses).
LEGAL_BASIS = {
    NoticeKind.QUOTATION: _(
        "Contract below the threshold of art. 2 ust. 1 pkt 1 Pzp (130,000 zł net): the Public"
        " Procurement Law does not apply; the buyer's own rules and this notice do."
    ),
    NoticeKind.RESERVED: _(
        "Art. 94 ust. 1 Pzp: only contractors whose employees are at least 30% people at risk"
        " of social exclusion (social cooperatives, CIS, KIS, ZAZ and others) may take part."
    ),
    NoticeKind.SOCIAL_CLAUSES: _(
        "Art. 95 and art. 96 ust. 2 Pzp: employment requirements and social aspects described"
        " in the contract's terms."
    ),
}


class NoticeStatus(models.TextChoices):
    """What was decided about a notice; whether it is open or closed follows from the dates."""

    DRAFT = "draft", _("draft")
    PENDING = "pending", _("awaiting ROPS moderation")
    REJECTED = "rejected", _("returned by the ROPS")
    # Contexts of their own: "awarded" and "cancelled" of a notice agree with "ogłoszenie"
    # in Polish, unlike the same words said of a quote or an order.
    PUBLISHED = "published", pgettext_lazy("notice phase", "published")
    AWARDED = "awarded", pgettext_lazy("notice phase", "awarded")
    CANCELLED = "cancelled", pgettext_lazy("notice phase", "cancelled")


PUBLIC_STATUSES = (NoticeStatus.PUBLISHED, NoticeStatus.AWARDED, NoticeStatus.CANCELLED)


class Phase(models.TextChoices):
    """The board's facet: computed from the status and the deadline."""

    OPEN = "open", pgettext_lazy("notice phase", "open for offers")
    CLOSED = "closed", pgettext_lazy("notice phase", "closed, awaiting the award")
    AWARDED = "awarded", pgettext_lazy("notice phase", "awarded")
    CANCELLED = "cancelled", pgettext_lazy("notice phase", "cancelled")


class NoticeQuerySet(models.QuerySet):
    def public(self) -> NoticeQuerySet:
        """Notices anyone may see: published, awarded or cancelled after publication."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def in_phase(self, phase: str, now: datetime | None = None) -> NoticeQuerySet:
        now = now or timezone.now()
        if phase == Phase.OPEN:
            return self.filter(status=NoticeStatus.PUBLISHED, deadline__gt=now)
        if phase == Phase.CLOSED:
            return self.filter(status=NoticeStatus.PUBLISHED, deadline__lte=now)
        if phase == Phase.AWARDED:
            return self.filter(status=NoticeStatus.AWARDED)
        if phase == Phase.CANCELLED:
            return self.filter(status=NoticeStatus.CANCELLED)
        return self.none()


class Notice(models.Model):
    """What a buyer wants to buy from the social economy, open for offers until the deadline."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    buyer = models.ForeignKey(
        BuyerOrganisation,
        verbose_name=_("buyer"),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NoticeKind.choices)
    clause_at_risk_employment = models.BooleanField(
        SocialClause.AT_RISK_EMPLOYMENT.label, default=False
    )
    clause_employment_contracts = models.BooleanField(
        SocialClause.EMPLOYMENT_CONTRACTS.label, default=False
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), max_length=20000)
    activity_fields = models.ManyToManyField(
        "partner.ActivityField",
        verbose_name=_("fields of activity"),
        related_name="notices",
    )
    powiats = models.ManyToManyField(
        "organisations.Powiat",
        verbose_name=_("powiats where it is performed"),
        related_name="notices",
    )
    estimated_value = models.DecimalField(
        _("estimated value (PLN, net)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    deadline = models.DateTimeField(_("deadline for offers"), db_index=True)
    opening_at = models.DateTimeField(_("offers opened at"))
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=NoticeStatus.choices,
        default=NoticeStatus.DRAFT,
        db_index=True,
    )
    moderation_comment = models.TextField(_("ROPS comment"), blank=True, max_length=2000)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=2000)
    awarded_offer = models.OneToOneField(
        "Offer",
        verbose_name=_("awarded offer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_of",
    )
    award_value = models.DecimalField(
        _("award value (PLN, gross)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    awarded_at = models.DateTimeField(_("awarded"), null=True, blank=True)
    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
    )
    alerts_queued_at = models.DateTimeField(_("alerts queued"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="pl")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("procurement notice")
        verbose_name_plural = _("procurement notices")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opening_at__gte=models.F("deadline")),
                name="procurement_opening_not_before_deadline",
                violation_error_message=_("Offers cannot be opened before the deadline."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    def save(self, *args, **kwargs) -> None:
        if not self.reference:
            self.reference = self.next_reference()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("procurement:notice", kwargs={"pk": self.pk})

    @classmethod
    def next_reference(cls, year: int | None = None) -> str:
        """ZP/<year>/<number>, numbered within the year."""
        return next_yearly_reference(cls, REFERENCE_PREFIX, year)

    def url_in(self, language: str) -> str:
        with translation.override(language):
            return self.get_absolute_url()

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def phase(self, now: datetime | None = None) -> str | None:
        """Open, closed, awarded or cancelled; None before publication."""
        now = now or timezone.now()
        if self.status == NoticeStatus.PUBLISHED:
            return Phase.OPEN if now < self.deadline else Phase.CLOSED
        if self.status == NoticeStatus.AWARDED:
            return Phase.AWARDED
        if self.status == NoticeStatus.CANCELLED:
            return Phase.CANCELLED
        return None

    def get_phase_display(self) -> str:
        phase = self.phase()
        return str(Phase(phase).label) if phase else self.get_status_display()

    def accepts_offers(self, now: datetime | None = None) -> bool:
        return self.phase(now) == Phase.OPEN

    def offers_opened(self, now: datetime | None = None) -> bool:
        """Offers may be read (by the buyer first) from the opening time on."""
        return (now or timezone.now()) >= self.opening_at

    @property
    def clauses(self) -> list[str]:
        """Labels of the social clauses the notice uses."""
        labels = []
        if self.clause_at_risk_employment:
            labels.append(str(SocialClause.AT_RISK_EMPLOYMENT.label))
        if self.clause_employment_contracts:
            labels.append(str(SocialClause.EMPLOYMENT_CONTRACTS.label))
        return labels

    @property
    def legal_basis(self) -> str:
        return str(LEGAL_BASIS[NoticeKind(self.kind)])


class NoticeDocument(models.Model):
    """A public tender document (terms of reference, a form) attached to a notice."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("PDF file"),
        upload_to="procurement/documents/%Y/%m",
        validators=[PdfValidator(max_bytes=10 * 1024 * 1024)],
        help_text=_("PDF, up to 10 MB."),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("notice document")
        verbose_name_plural = _("notice documents")

    def __str__(self) -> str:
        return self.title


class NoticeQuestion(models.Model):
    """A public question about a notice; shown with the buyer's answer, never with the asker."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"), max_length=3000)
    # Private: only to tell the asker that the answer is out; never shown on the page.
    asker_email = models.EmailField(_("asker's e-mail"), blank=True)
    answer = models.TextField(_("answer"), blank=True, max_length=5000)
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("question about a notice")
        verbose_name_plural = _("questions about notices")

    def __str__(self) -> str:
        return self.question[:60]


class OfferStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    REPLACED = "replaced", _("replaced by a newer offer")
    WITHDRAWN = "withdrawn", _("withdrawn")


class OpenedOfferManager(models.Manager):
    """The default manager: only offers whose notice's opening time has passed.

    The time is read when the queryset is built, so a queryset kept across the opening time
    still shows nothing; build a new one.
    """

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(notice__opening_at__lte=timezone.now())


class Offer(models.Model):
    """A PES's sealed offer for a notice: price, terms and PDF attachments."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="offers")
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("PES"),
        on_delete=models.PROTECT,
        related_name="procurement_offers",
    )
    price = models.DecimalField(
        _("price (PLN, gross)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0.01)],
    )
    terms = models.TextField(
        _("terms"),
        max_length=10000,
        help_text=_(
            "What the price includes, the schedule, payment terms, how you meet the clauses."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=OfferStatus.choices,
        default=OfferStatus.SUBMITTED,
        db_index=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn or replaced"), null=True, blank=True)

    objects = OpenedOfferManager()
    # Sealed offers included: only for the submitting PES's own actions (offers.py).
    submissions = models.Manager()  # noqa: DJ012  (a manager, not a field)

    class Meta:
        ordering = ["price", "submitted_at", "pk"]
        base_manager_name = "submissions"
        default_manager_name = "objects"
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "partner"],
                condition=models.Q(status="submitted"),
                name="procurement_one_live_offer_per_pes",
                violation_error_message=_("This PES has already submitted an offer."),
            ),
            models.CheckConstraint(
                condition=models.Q(price__gt=0), name="procurement_offer_price_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notice.reference} · {self.partner}"


class OpenedAttachmentManager(models.Manager):
    """Attachments of opened offers only (see `OpenedOfferManager`)."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(offer__notice__opening_at__lte=timezone.now())


class OfferAttachment(models.Model):
    """A PDF sent with an offer: kept in private storage, served only by a view that checks."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("name"), max_length=200)
    file = models.FileField(
        _("PDF file"),
        upload_to="procurement/offers/%Y/%m",
        storage=private_storage,
        validators=[PdfValidator(max_bytes=10 * 1024 * 1024)],
    )

    objects = OpenedAttachmentManager()
    submissions = models.Manager()  # noqa: DJ012  (a manager, not a field)

    class Meta:
        ordering = ["pk"]
        base_manager_name = "submissions"
        default_manager_name = "objects"
        verbose_name = _("offer attachment")
        verbose_name_plural = _("offer attachments")

    def __str__(self) -> str:
        return self.name


class AlertFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("one e-mail per matching notice")
    DAILY = "daily", _("a daily digest")
    OFF = "off", _("no alerts")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class AlertSettings(models.Model):
    """How a PES hears of matching notices; the token makes the one-click unsubscribe link."""

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="notice_alerts"
    )
    frequency = models.CharField(
        _("alerts about matching notices"),
        max_length=12,
        choices=AlertFrequency.choices,
        default=AlertFrequency.IMMEDIATE,
    )
    email = models.EmailField(
        _("send alerts to"),
        blank=True,
        help_text=_("Leave empty to use the PES's contact e-mail."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notice alert settings")
        verbose_name_plural = _("notice alert settings")

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_frequency_display()}"


class NoticeAlert(models.Model):
    """One alert per PES per notice: the unique pair is the guard against a second e-mail."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="alerts")
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="notice_alerts_sent"
    )
    frequency = models.CharField(max_length=12, choices=AlertFrequency.choices)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notice alert")
        verbose_name_plural = _("notice alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "partner"], name="procurement_one_alert_per_pes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.notice.reference} → {self.partner}"


# The social clause library's Wagtail pages live in their own module; imported here so Django and
# Wagtail find the page types of this app.
from .clauses import SocialClauseIndexPage, SocialClausePage  # noqa: E402,F401
