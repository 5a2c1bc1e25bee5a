"""The good-practice catalogue: what a PES, OWES or local government did, with what results."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal import params
from portal.blocks import BODY_BLOCKS
from portal.organisations.models import Organisation, OrganisationIndexPage, Powiat
from portal.pages import PortalIndexPage, RequestedPage, portal_search_fields, requested_by_field
from portal.text import fold

PRACTICES_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
PES_INVOLVED = "pes"


@register_snippet
class PracticeArea(models.Model):
    """One area of the managed taxonomy (reintegration, social clauses, crisis response…)."""

    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("good-practice area")
        verbose_name_plural = _("good-practice areas")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the language of the request (Polish unless English is given)."""
        if (get_language() or "").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alt text"), max_length=250, help_text=_("What the image shows.")
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("image")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("attachment")


class GoodPracticeIndexPage(PortalIndexPage):
    """The catalogue: facets (area, powiat, year, organisation type, franchise) and text search."""

    subpage_types = ["goodpractices.GoodPracticePage"]
    owes_may_add_here = True

    class Meta:
        verbose_name = _("good-practice catalogue")

    def practices(self):
        """Live practices of this catalogue (so of its language), newest year first."""
        return (
            GoodPracticePage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-year", "title", "pk")
        )

    @staticmethod
    def read_filters(request: HttpRequest) -> dict:
        """The filters of the URL, each reduced to a bounded, harmless value."""

        def one(name: str, limit: int = 80) -> str:
            value = request.GET.get(name, "")
            return value.replace("\x00", "").strip()[:limit]

        year = one("rok", 4)
        franchise = one("franczyza", 1)
        query = " ".join(fold(one("q", MAX_QUERY_LENGTH)).split()[:MAX_QUERY_WORDS])
        return {
            "obszar": one("obszar"),
            "powiat": one("powiat"),
            "rok": params.year(year),
            "typ": one("typ", 8),
            "franczyza": franchise == "1",
            "q": query,
        }

    @staticmethod
    def apply(practices, filters: dict, skip: str = ""):
        """Narrow `practices` by every filter but `skip` (facets count with the others only)."""
        ids = GoodPracticePage.objects.values("pk")
        if skip != "obszar" and filters["obszar"]:
            practices = practices.filter(pk__in=ids.filter(areas__slug=filters["obszar"]))
        if skip != "powiat" and filters["powiat"]:
            practices = practices.filter(pk__in=ids.filter(powiats__code=filters["powiat"]))
        if skip != "rok" and filters["rok"] is not None:
            practices = practices.filter(year=filters["rok"])
        if skip != "typ" and filters["typ"]:
            if filters["typ"] == PES_INVOLVED:
                practices = practices.filter(pk__in=ids.filter(pes__isnull=False))
            else:
                practices = practices.filter(pk__in=ids.filter(organisations__kind=filters["typ"]))
        if skip != "franczyza" and filters["franczyza"]:
            practices = practices.filter(is_franchise_or_innovation=True)
        for word in filters["q"].split():
            practices = practices.filter(search_text__contains=word)
        return practices

    def facets(self, filters: dict) -> dict:
        """Each facet's values with the number of practices a click on them would show."""
        base = self.practices().order_by()

        def counts(skip: str, field: str) -> dict:
            rows = (
                self.apply(base, filters, skip)
                .filter(**{f"{field}__isnull": False})
                .values(field)
                .annotate(n=Count("pk", distinct=True))
            )
            return {row[field]: row["n"] for row in rows}

        area_counts = counts("obszar", "areas__slug")
        powiat_counts = counts("powiat", "powiats__code")
        year_counts = counts("rok", "year")
        kind_counts = counts("typ", "organisations__kind")
        kind_counts[PES_INVOLVED] = (
            self.apply(base, filters, "typ")
            .filter(pes__isnull=False)
            .values("pk")
            .distinct()
            .count()
        )
        franchise = (
            self.apply(base, filters, "franczyza").filter(is_franchise_or_innovation=True).count()
        )
        areas = [
            (a, area_counts[a.slug]) for a in PracticeArea.objects.all() if a.slug in area_counts
        ]
        powiats = [
            (p, powiat_counts[p.code]) for p in Powiat.objects.filter(code__in=list(powiat_counts))
        ]
        kind_labels = dict(Organisation.Kind.choices)
        kinds = [(k, kind_labels[k], kind_counts[k]) for k in kind_labels if kind_counts.get(k)]
        if kind_counts[PES_INVOLVED]:
            kinds.append(
                (PES_INVOLVED, _("Social-economy entity (PES)"), kind_counts[PES_INVOLVED])
            )
        return {
            "areas": areas,
            "powiats": powiats,
            "years": sorted(year_counts.items(), reverse=True),
            "kinds": kinds,
            "franchise": franchise,
        }

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        filters = self.read_filters(request)
        practices = self.apply(self.practices(), filters).prefetch_related("areas", "powiats")
        page_obj = self.paginate(request, practices, PRACTICES_PER_PAGE)
        context.update(
            {
                "filters": filters,
                "facets": self.facets(filters),
                "page_obj": page_obj,
                "practices": page_obj.object_list,
                "query": request.GET.get("q", "")[:MAX_QUERY_LENGTH].replace("\x00", ""),
                "filtered": any(v for v in filters.values()),
            }
        )
        return context


class GoodPracticePage(RequestedPage):
    """One good practice: the problem, what was done, the results, who did it and for how much."""

    requested_by = requested_by_field("good_practices")
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in lists."))
    problem = RichTextField(_("the problem"), blank=True)
    what_was_done = StreamField(BODY_BLOCKS, verbose_name=_("what was done"), blank=True)
    results = RichTextField(
        _("results"), blank=True, help_text=_("With figures: people employed, turnover, …")
    )
    partners = models.TextField(_("partners"), blank=True)
    cost_and_funding = models.TextField(_("cost and funding"), blank=True)
    areas = ParentalManyToManyField(
        PracticeArea, verbose_name=_("areas"), blank=True, related_name="practices"
    )
    powiats = ParentalManyToManyField(
        "organisations.Powiat",
        verbose_name=_("powiats"),
        blank=True,
        related_name="good_practices",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)], db_index=True
    )
    is_franchise_or_innovation = models.BooleanField(
        _("franchise or innovation"), default=False, db_index=True
    )
    organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("organisations involved"),
        blank=True,
        related_name="involved_in_practices",
    )
    pes = ParentalManyToManyField(
        "partner.Partner",
        verbose_name=_("social-economy entities involved"),
        blank=True,
        related_name="good_practices",
    )
    contact = models.TextField(_("contact"), blank=True)
    gallery = StreamField([("image", GalleryImageBlock())], verbose_name=_("images"), blank=True)
    attachments = StreamField(
        [("attachment", AttachmentBlock())], verbose_name=_("attachments"), blank=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("requested_by"),
                FieldPanel("year"),
                FieldPanel("is_franchise_or_innovation"),
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About"),
        ),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("what_was_done"),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("cost_and_funding"), FieldPanel("contact")],
            heading=_("Partners, cost and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("pes"),
                FieldPanel("powiats", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and where"),
        ),
        FieldPanel("gallery"),
        FieldPanel("attachments"),
    ]
    search_fields = portal_search_fields(
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("what_was_done"),
        index.SearchField("results"),
        index.SearchField("partners"),
        index.SearchField("search_text"),
        index.AutocompleteField("search_text"),
        index.FilterField("year"),
        index.FilterField("is_franchise_or_innovation"),
    )
    parent_page_types = ["goodpractices.GoodPracticeIndexPage"]

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def clean(self) -> None:
        super().clean()
        for block in self.gallery:
            if not (block.value.get("alt") or "").strip():
                raise ValidationError(
                    {"gallery": _("Describe each image for people who cannot see it.")}
                )

    def folded_text(self) -> str:
        stream = self._meta.get_field("what_was_done")
        parts = [
            self.title,
            self.summary,
            strip_tags(self.problem),
            *stream.get_searchable_content(self.what_was_done),
            strip_tags(self.results),
            self.partners,
            self.cost_and_funding,
        ]
        return re.sub(r"\s+", " ", fold(" ".join(p for p in parts if p))).strip()

    def save(self, *args, **kwargs):
        self.search_text = self.folded_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        return super().save(*args, **kwargs)

    def related_practices(self, limit: int = 3, areas=None) -> list[GoodPracticePage]:
        """Other live practices of this language sharing an area, newest first."""
        area_ids = [a.pk for a in (self.areas.all() if areas is None else areas)]
        if not area_ids:
            return []
        sharing = GoodPracticePage.objects.filter(areas__in=area_ids).values("pk")
        return list(
            GoodPracticePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, pk__in=sharing)
            .exclude(pk=self.pk)
            .order_by("-year", "title")[:limit]
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = areas = list(self.areas.all())
        context["related"] = self.related_practices(areas=areas)
        context["catalogue"] = self.get_parent()
        context["powiats"] = list(self.powiats.all())
        context["organisations"] = list(self.organisations.all())
        context["pes_list"] = list(self.pes.all())
        context["organisation_index"] = self._organisation_index()
        return context

    def _organisation_index(self):
        return OrganisationIndexPage.objects.live().filter(locale_id=self.locale_id).first()
