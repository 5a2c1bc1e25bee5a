"""A partner is a PES: the seller, the directory entry and the certificate holder are one row."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


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
    description = models.TextField(_("what it does"), blank=True)
    social_mission = models.TextField(_("social mission"), blank=True)
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

    class Meta(AbstractPartner.Meta):
        app_label = "partner"


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar's documented fork pattern)
