"""Quote requests: a buyer asks one or many PES about a service; each PES answers on its own copy.

One `QuoteRequest` (what, where, when, who asks) has one `Quote` per PES asked. The request's
status is derived from its quotes at read time, so it never goes stale: there is no flag to
forget to update when a PES answers or an answer expires.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from marketplace.identifiers import compact_nip, validate_nip
from marketplace.references import next_yearly_reference

REFERENCE_PREFIX = "ZO"  # "zapytanie ofertowe": the buyer quotes it in any correspondence

# The QuoteRequest fields the buyer fills in, in the form's order (the rest are generated): the
# public form, `services.create_request` and the admin all read this one list.
REQUEST_FIELDS: tuple[str, ...] = (
    "subject",
    "description",
    "location",
    "needed_by",
    "quantity",
    "budget",
    "contact_name",
    "organisation",
    "email",
    "phone",
    "nip",
    "consent",
)


def new_token() -> str:
    """The secret in the buyer's link: whoever has it sees and accepts the answers."""
    return secrets.token_urlsafe(32)


def today() -> date:
    """Today in the portal's time zone (answers are valid until the end of a local day)."""
    return timezone.localdate()


class QuoteRequestQuerySet(models.QuerySet):
    def with_quotes(self) -> QuoteRequestQuerySet:
        """Requests with their quotes and each quote's PES, for pages that show them all."""
        return self.prefetch_related(
            models.Prefetch(
                "quotes",
                queryset=Quote.objects.select_related("partner", "order").order_by(
                    "partner__name", "pk"
                ),
            )
        )


class QuoteRequest(models.Model):
    """What the buyer asks for, sent to one or several PES at once."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for answers")
        ANSWERED = "answered", _("answered")
        ACCEPTED = "accepted", _("accepted")
        CLOSED = "closed", _("closed")

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    token = models.CharField(
        _("secret link token"), max_length=64, unique=True, default=new_token, editable=False
    )
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quote_requests",
    )
    subject = models.CharField(_("what do you need"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    location = models.CharField(_("where"), max_length=200)
    needed_by = models.DateField(_("when"), null=True, blank=True)
    quantity = models.CharField(
        _("quantity or scope"),
        max_length=100,
        blank=True,
        help_text=_("For example: 120 people, 300 m², 500 copies."),
    )
    budget = models.DecimalField(
        _("budget (PLN)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    contact_name = models.CharField(_("your name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    nip = models.CharField(_("NIP"), max_length=13, blank=True, validators=[validate_nip])
    consent = models.BooleanField(_("consent to data processing"), default=False)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Language of the buyer's e-mails.")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    objects = QuoteRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("quote request")
        verbose_name_plural = _("quote requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent=True),
                name="quotes_request_consent_given",
                violation_error_message=_("A quote request needs consent to data processing."),
            ),
            models.CheckConstraint(
                condition=models.Q(budget__isnull=True) | models.Q(budget__gte=0),
                name="quotes_request_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    def save(self, *args, **kwargs) -> None:
        if self.nip:
            self.nip = compact_nip(self.nip)
        if not self.reference:
            self.reference = self.next_reference()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The buyer's page; reversed in the buyer's language when we know it."""
        with translation.override(self.language or translation.get_language()):
            return reverse("quotes:detail", kwargs={"token": self.token})

    @classmethod
    def next_reference(cls, year: int | None = None) -> str:
        """ZO/<year>/<number>, numbered within the year; callers retry on a rare collision."""
        return next_yearly_reference(cls, REFERENCE_PREFIX, year)

    @property
    def status(self) -> str:
        """Derived from the quotes (uses prefetched quotes when there are any)."""
        return request_status(list(self.quotes.all()))

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)


class Quote(models.Model):
    """One PES's copy of a request and its answer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ANSWERED = "answered", _("answered")
        DECLINED = "declined", _("declined")
        ACCEPTED = "accepted", _("accepted")
        NOT_CHOSEN = "not_chosen", _("not chosen")

    request = models.ForeignKey(
        QuoteRequest,
        verbose_name=_("quote request"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("PES"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    price = models.DecimalField(
        _("price (PLN, gross)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    terms = models.TextField(
        _("terms"),
        blank=True,
        max_length=5000,
        help_text=_("What the price includes, deadlines, payment terms."),
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
    )

    class Meta:
        ordering = ["-request__created", "-pk"]
        verbose_name = pgettext_lazy("a PES's answer with a price", "quote")
        verbose_name_plural = pgettext_lazy("a PES's answers with a price", "quotes")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "partner"],
                name="quotes_one_quote_per_pes",
                violation_error_message=_("This PES has already been asked."),
            ),
            models.CheckConstraint(
                condition=models.Q(price__isnull=True) | models.Q(price__gt=0),
                name="quotes_price_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request.reference} · {self.partner}"

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < today()

    @property
    def can_be_accepted(self) -> bool:
        """An answer the buyer may still accept."""
        return self.status == self.Status.ANSWERED and not self.is_expired

    @property
    def can_be_answered(self) -> bool:
        """A PES may answer (or correct its answer) until the buyer has chosen."""
        return self.status in (self.Status.PENDING, self.Status.ANSWERED, self.Status.DECLINED)

    @property
    def can_be_declined(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.ANSWERED)

    def get_dashboard_url(self) -> str:
        return reverse("quotes-dashboard:detail", kwargs={"pk": self.pk})


def request_status(quotes: list[Quote]) -> str:
    """The request's status from its quotes: accepted > answered (valid) > open > closed."""
    statuses = {quote.status for quote in quotes}
    if Quote.Status.ACCEPTED in statuses:
        return QuoteRequest.Status.ACCEPTED
    if any(quote.can_be_accepted for quote in quotes):
        return QuoteRequest.Status.ANSWERED
    if Quote.Status.PENDING in statuses:
        return QuoteRequest.Status.OPEN
    return QuoteRequest.Status.CLOSED
