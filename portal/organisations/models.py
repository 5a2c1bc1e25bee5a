"""The region's institutions: powiats, the ROPS and the OWES consortia that publish here."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BODY_BLOCKS
from portal.pages import PortalIndexPage, PortalPage


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


class OrganisationIndexPage(RoutablePageMixin, PortalIndexPage):
    """The ROPS and the OWES, each with its consortium, subregion, contact, news and events."""

    subpage_types = ["organisations.RkresPage"]

    class Meta:
        verbose_name = _("organisations page")

    def route(self, request: HttpRequest, path_components: list[str]):
        """Child pages (the RKRES) win over the organisation route of the same shape."""
        if path_components and self.get_children().filter(slug=path_components[0]).exists():
            return Page.route(self, request, path_components)
        return super().route(request, path_components)

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        organisations = Organisation.objects.prefetch_related("consortium_members", "powiats")
        return self.render(
            request,
            context_overrides={
                "organisations": organisations,
                "rkres": self.get_children().live().type(RkresPage).first(),
            },
        )

    @path("<slug:slug>/", name="organisation")
    def organisation(self, request: HttpRequest, slug: str) -> HttpResponse:
        organisation = (
            Organisation.objects.prefetch_related("consortium_members", "powiats")
            .filter(slug=slug)
            .first()
        )
        if organisation is None:
            raise Http404
        return self.render(
            request,
            template="organisations/organisation_detail.html",
            context_overrides={
                "organisation": organisation,
                "news_items": self._news_of(organisation),
                "events": self._events_of(organisation),
            },
        )

    def _news_of(self, organisation: Organisation) -> list:
        # By name: news and events import this module for `Organisation`.
        model = apps.get_model("news", "NewsPage")
        return list(
            model.objects.live()
            .public()
            .filter(requested_by=organisation, locale=self.locale)
            .order_by("-date")[:5]
        )

    def _events_of(self, organisation: Organisation) -> list:
        try:
            model = apps.get_model("events", "EventPage")
        except LookupError:
            return []
        return list(
            model.objects.live()
            .public()
            .filter(Q(requested_by=organisation) | Q(organiser=organisation), locale=self.locale)
            .filter(end__gte=timezone.now())
            .order_by("start")[:5]
        )


class RkresDocumentBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("resolution", _("resolution")),
            ("minutes", _("minutes")),
            ("annual_report", _("annual report on the social economy")),
            ("other", _("other")),
        ],
    )
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "organisations/blocks/rkres_document.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = dict(self.child_blocks["kind"].field.choices).get(value["kind"])
        return context


class RkresPage(PortalPage):
    """The regional committee for the development of the social economy and its groups."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)
    documents = StreamField(
        [("document", RkresDocumentBlock())], verbose_name=_("documents"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        InlinePanel("thematic_groups", label=_("Thematic groups")),
        FieldPanel("documents"),
    ]
    parent_page_types = ["organisations.OrganisationIndexPage"]
    subpage_types = ["statistics.AnnualReportPage"]

    class Meta:
        verbose_name = _("RKRES page")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # The annual reports published under this page, newest first.
        context["annual_reports"] = (
            self.get_children().live().public().specific().order_by("-first_published_at")
        )
        return context


class ThematicGroup(Orderable):
    """A thematic group of the RKRES, with its members and documents."""

    page = ParentalKey(RkresPage, on_delete=models.CASCADE, related_name="thematic_groups")
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    members = models.TextField(_("members"), blank=True, help_text=_("One member per line."))
    documents = StreamField(
        [("document", RkresDocumentBlock())], verbose_name=_("documents"), blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("members"),
        FieldPanel("documents"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("thematic group")
        verbose_name_plural = _("thematic groups")

    def member_list(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]
