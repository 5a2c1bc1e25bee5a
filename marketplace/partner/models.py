"""A partner is a PES: the seller, the directory entry and the certificate holder are one row."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from marketplace.checkout.payment import PaymentMethod
from marketplace.identifiers import (
    compact_iban,
    compact_nip,
    compact_regon,
    format_iban,
    validate_iban,
    validate_krs,
    validate_nip,
    validate_regon,
)
from portal.text import fold
from portal.uploads import validate_image_upload

# Art. 94 Pzp: contracts may be reserved for suppliers employing at least 30% people at risk.
ART_94_SHARE = Decimal("30")


class LegalForm(models.TextChoices):
    """Legal forms of social-economy entities (PES)."""

    SOCIAL_COOPERATIVE = "social_cooperative", _("social cooperative")
    FOUNDATION = "foundation", _("foundation")
    ASSOCIATION = "association", _("association")
    NON_PROFIT_COMPANY = "non_profit_company", _("non-profit company")
    CIS = "cis", _("social integration centre (CIS)")
    KIS = "kis", _("social integration club (KIS)")
    ZAZ = "zaz", _("vocational activity establishment (ZAZ)")
    WTZ = "wtz", _("occupational therapy workshop (WTZ)")
    OTHER = "other", _("other")


class ReintegrationType(models.TextChoices):
    """What a PES does for the people it employs or serves (a directory facet)."""

    NONE = "none", _("none")
    SOCIAL = "social", _("social reintegration")
    VOCATIONAL = "vocational", _("vocational reintegration")
    BOTH = "social_vocational", _("social and vocational reintegration")


class ActivityField(models.Model):
    """A trade a PES works in (catering, cleaning…): the directory's managed taxonomy."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        app_label = "partner"
        ordering = ["name"]
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the active language (English when given, else Polish)."""
        if (get_language() or "pl").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class Partner(AbstractPartner):
    """Oscar's partner with the PES profile the shop and the directory show."""

    legal_form = models.CharField(
        _("legal form"), max_length=24, choices=LegalForm.choices, default=LegalForm.OTHER
    )
    powiat = models.ForeignKey(
        "organisations.Powiat",
        verbose_name=_("powiat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    city = models.CharField(_("town"), max_length=80, blank=True)
    description = models.TextField(_("what it does"), blank=True, max_length=5000)
    social_mission = models.TextField(_("social mission"), blank=True, max_length=5000)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    owes = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("supporting OWES"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"kind": "owes"},
        related_name="supported_partners",
    )
    krs = models.CharField(_("KRS"), max_length=10, blank=True, validators=[validate_krs])
    nip = models.CharField(_("NIP"), max_length=13, blank=True, validators=[validate_nip])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    gmina = models.CharField(_("gmina"), max_length=80, blank=True)
    employees_total = models.PositiveIntegerField(_("employees in total"), null=True, blank=True)
    employees_at_risk = models.PositiveIntegerField(
        _("employees at risk of social exclusion"),
        null=True,
        blank=True,
        help_text=_("People with disabilities, long-term unemployed and others (art. 94 Pzp)."),
    )
    ps_decision_number = models.CharField(
        _("social enterprise (PS) decision number"), max_length=60, blank=True
    )
    ps_decision_date = models.DateField(
        _("social enterprise (PS) decision date"), null=True, blank=True
    )
    iban = models.CharField(
        _("bank account (IBAN)"), max_length=34, blank=True, validators=[validate_iban]
    )
    pickup_points = models.TextField(
        _("pickup points"), blank=True, max_length=2000, help_text=_("One address per line.")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True, max_length=1000)
    logo = models.ImageField(
        _("logo"),
        upload_to="pes/logos",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG, WebP or GIF, up to 2 MB."),
    )
    accepts_transfer = models.BooleanField(
        _("accepts bank transfers"),
        default=True,
        help_text=_("The buyer pays to the IBAN above with the order number as the title."),
    )
    accepts_cash_on_pickup = models.BooleanField(_("accepts cash on pickup"), default=True)
    activity_fields = models.ManyToManyField(
        ActivityField, verbose_name=_("fields of activity"), blank=True, related_name="partners"
    )
    reintegration = models.CharField(
        _("reintegration"),
        max_length=20,
        choices=ReintegrationType.choices,
        default=ReintegrationType.NONE,
    )
    operating_since = models.DateField(_("operating since"), null=True, blank=True)
    listed_in_directory = models.BooleanField(
        _("listed in the public PES database"),
        default=True,
        help_text=_("Untick to keep this PES out of the public database, its exports and API."),
    )
    # Kept by save() (and `refresh_folded()` before a bulk_create): the PES database searches
    # and sorts these, indexed (a trigram index on PostgreSQL), instead of folding every row's
    # text at every search.
    folded_name = models.CharField(
        max_length=255, blank=True, default="", editable=False, db_index=True
    )
    folded_text = models.TextField(blank=True, default="", editable=False)

    class Meta(AbstractPartner.Meta):
        app_label = "partner"

    def clean(self) -> None:
        super().clean()
        if (
            self.employees_total is not None
            and self.employees_at_risk is not None
            and self.employees_at_risk > self.employees_total
        ):
            raise ValidationError(
                {"employees_at_risk": _("Cannot be more than the employees in total.")}
            )
        if self.accepts_transfer and not self.iban:
            raise ValidationError({"iban": _("Give the bank account to accept bank transfers.")})
        if bool(self.ps_decision_number) != bool(self.ps_decision_date):
            raise ValidationError(
                {"ps_decision_date": _("Give both the decision number and its date, or neither.")}
            )

    def save(self, *args, **kwargs) -> None:
        # Stored compact, so searches and exports see one spelling of each number.
        if self.nip:
            self.nip = compact_nip(self.nip)
        if self.regon:
            self.regon = compact_regon(self.regon)
        if self.iban:
            self.iban = compact_iban(self.iban)
        self.refresh_folded()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "folded_name", "folded_text"}
        super().save(*args, **kwargs)

    def refresh_folded(self) -> None:
        """Fill the folded search columns from the name, description, mission and city
        (case and diacritics folded like every search query, `portal.text.fold`)."""
        self.folded_name = fold(self.name)[:255]
        self.folded_text = " ".join(
            fold(value)
            for value in (self.name, self.description, self.social_mission, self.city)
            if value
        )

    def contact_emails(self) -> list[str]:
        """Where mail for this PES goes: its own address, else its active dashboard users'."""
        if self.email:
            return [self.email]
        return sorted({user.email for user in self.users.all() if user.email and user.is_active})

    @property
    def iban_display(self) -> str:
        """The IBAN in groups of four, as banks print it."""
        return format_iban(self.iban) if self.iban else ""

    @property
    def payment_methods(self) -> list[str]:
        """Codes of the payment methods this PES accepts (`PaymentMethod` values): a transfer
        needs an IBAN to pay into."""
        methods = []
        if self.accepts_transfer and self.iban:
            methods.append(PaymentMethod.TRANSFER)
        if self.accepts_cash_on_pickup:
            methods.append(PaymentMethod.CASH)
        return methods

    @property
    def at_risk_share(self) -> Decimal | None:
        """Percentage of employees at risk of social exclusion, computed, never stored."""
        if not self.employees_total or self.employees_at_risk is None:
            return None
        share = Decimal(self.employees_at_risk * 100) / Decimal(self.employees_total)
        # Rounded down: a shown 30.0% always means eligible under art. 94.
        return share.quantize(Decimal("0.1"), rounding=ROUND_DOWN)

    @property
    def art_94_eligible(self) -> bool:
        """At least 30% exactly (art. 94 Pzp), never a share that only rounds up to 30."""
        if not self.employees_total or self.employees_at_risk is None:
            return False
        return self.employees_at_risk * 100 >= ART_94_SHARE * self.employees_total

    @property
    def is_social_enterprise(self) -> bool:
        """Status PS granted by the voivode (decision number and date on record)."""
        return bool(self.ps_decision_number and self.ps_decision_date)


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar's documented fork pattern)
