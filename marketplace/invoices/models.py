"""Invoices a PES issues for an order whose buyer asked for one.

Everything printed on an invoice is a snapshot taken when it is issued (seller, buyer, lines,
totals): the PES may later change its address or the order its status, the invoice stays as it
was issued. Numbers run per PES per calendar year (FV/2026/1, FV/2026/2…).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.uploads import private_storage

NUMBER_PREFIX = "FV"


class VatRate(models.TextChoices):
    """Most PES are exempt (art. 113: below the turnover limit, or art. 43: by the activity)."""

    EXEMPT = "zw", _("exempt from VAT (zw)")
    RATE_23 = "23", _("23%")
    RATE_8 = "8", _("8%")
    RATE_5 = "5", _("5%")


DEFAULT_EXEMPTION_BASIS = (
    "art. 113 ust. 1 ustawy z dnia 11 marca 2004 r. o podatku od towarów i usług"
)


class KsefStatus(models.TextChoices):
    NOT_SENT = "not_sent", _("not sent")
    QUEUED = "queued", _("queued")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Invoice(models.Model):
    """One invoice per order, numbered within its PES and year."""

    order = models.OneToOneField(
        "order.Order", verbose_name=_("order"), on_delete=models.PROTECT, related_name="invoice"
    )
    partner = models.ForeignKey(
        "partner.Partner", verbose_name=_("PES"), on_delete=models.PROTECT, related_name="invoices"
    )
    year = models.PositiveIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number within the year"))
    number = models.CharField(_("number"), max_length=32)
    issue_date = models.DateField(_("issue date"))
    sale_date = models.DateField(_("sale date"))
    currency = models.CharField(_("currency"), max_length=3, default="PLN")
    seller_name = models.CharField(_("seller"), max_length=200)
    seller_nip = models.CharField(_("seller's NIP"), max_length=10)
    seller_address = models.TextField(_("seller's address"), max_length=500)
    seller_iban = models.CharField(_("seller's bank account"), max_length=34, blank=True)
    buyer_name = models.CharField(_("buyer"), max_length=200)
    buyer_nip = models.CharField(_("buyer's NIP"), max_length=10)
    buyer_address = models.TextField(_("buyer's address"), max_length=500)
    vat_rate = models.CharField(
        _("VAT rate"), max_length=3, choices=VatRate.choices, default=VatRate.EXEMPT
    )
    exemption_basis = models.CharField(
        _("legal basis of the exemption"), max_length=300, blank=True
    )
    # [{"name", "quantity", "unit_net", "vat_rate", "net", "vat", "gross"}], amounts as strings
    lines = models.JSONField(_("lines"), default=list)
    total_net = models.DecimalField(_("net total"), max_digits=12, decimal_places=2)
    total_vat = models.DecimalField(_("VAT total"), max_digits=12, decimal_places=2)
    total_gross = models.DecimalField(_("gross total"), max_digits=12, decimal_places=2)
    pdf = models.FileField(
        _("PDF"), upload_to="invoices/pdf/%Y", storage=private_storage, blank=True
    )
    xml = models.FileField(
        _("FA(3) XML"), upload_to="invoices/xml/%Y", storage=private_storage, blank=True
    )
    ksef_status = models.CharField(
        _("KSeF status"), max_length=10, choices=KsefStatus.choices, default=KsefStatus.NOT_SENT
    )
    ksef_number = models.CharField(_("KSeF number"), max_length=64, blank=True)
    ksef_error = models.TextField(_("KSeF error"), blank=True)
    ksef_sent_at = models.DateTimeField(_("sent to KSeF"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-issue_date", "-pk"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(fields=["partner", "number"], name="invoices_unique_number"),
            models.UniqueConstraint(
                fields=["partner", "year", "sequence"], name="invoices_unique_sequence"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_exempt(self) -> bool:
        return self.vat_rate == VatRate.EXEMPT

    @property
    def vat_rate_display(self) -> str:
        return "zw" if self.is_exempt else f"{self.vat_rate}%"

    def line_items(self) -> list[dict]:
        """The stored lines with Decimal amounts, for templates and the PDF."""
        items = []
        for line in self.lines:
            item = dict(line)
            for key in ("quantity", "unit_net", "net", "vat", "gross"):
                item[key] = Decimal(str(line[key]))
            items.append(item)
        return items


class KsefCredentials(models.Model):
    """The KSeF token a PES generated in KSeF for the portal to send its invoices.

    Kept in the database as entered (not encrypted): anyone with a database dump or the Django
    admin's model access could send invoices in the PES's name until the PES revokes the token
    in KSeF. The token is never shown back on any page.
    """

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="ksef_credentials"
    )
    token = models.TextField(_("KSeF token"), max_length=2000)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("KSeF credentials")
        verbose_name_plural = _("KSeF credentials")

    def __str__(self) -> str:
        return str(self.partner)
