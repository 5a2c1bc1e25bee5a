"""A granted "Zakup Prospołeczny" certificate; its state is computed from dates at read time."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EXPIRY_WARNING_DAYS = 30


def today_in_poland() -> date:
    """The date in Europe/Warsaw (TIME_ZONE), which is what a certificate's dates mean."""
    return timezone.localdate()


class CertificateState(models.TextChoices):
    VALID = "valid", _("valid")
    EXPIRING = "expiring", _("expiring soon")
    EXPIRED = "expired", _("expired")
    REVOKED = "revoked", _("revoked")
    NOT_YET = "not_yet", _("not yet valid")


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

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-number"]
        verbose_name = _("Zakup Prospołeczny certificate")
        verbose_name_plural = _("Zakup Prospołeczny certificates")

    def __str__(self) -> str:
        return self.number

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
