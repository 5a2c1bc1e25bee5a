"""The region's institutions: powiats, the ROPS and the OWES consortia that publish here."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Powiat(models.Model):
    """A powiat (county) or a city with powiat rights; codes follow django-localflavor's list."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    voivodeship = models.SlugField(_("voivodeship"), max_length=40, db_index=True)
    is_city = models.BooleanField(_("city with powiat rights"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("powiat")
        verbose_name_plural = _("powiats")

    def __str__(self) -> str:
        return self.name if self.is_city else f"{_('powiat')} {self.name}"


class Organisation(index.Indexed, ClusterableModel):
    """The ROPS or one OWES: who publishes, on whose request, for which powiats."""

    class Kind(models.TextChoices):
        ROPS = "rops", _("Regional Social Policy Centre (ROPS)")
        OWES = "owes", _("Social Economy Support Centre (OWES)")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    powiats = ParentalManyToManyField(
        Powiat, verbose_name=_("powiats served"), blank=True, related_name="organisations"
    )
    accreditation_valid_until = models.DateField(
        _("accreditation valid until"), null=True, blank=True
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("powiats", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accreditation_valid_until"),
        InlinePanel("consortium_members", label=_("Consortium members")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def leader(self) -> ConsortiumMember | None:
        return next((m for m in self.consortium_members.all() if m.is_leader), None)


class ConsortiumMember(Orderable):
    """A member of an OWES consortium; one of them leads it."""

    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="consortium_members"
    )
    name = models.CharField(_("name"), max_length=200)
    is_leader = models.BooleanField(_("leader"), default=False)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("is_leader"),
        FieldPanel("website"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium members")

    def __str__(self) -> str:
        return self.name
