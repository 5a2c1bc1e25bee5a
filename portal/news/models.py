"""News published on the portal on request of the ROPS or an OWES (the ROPS–OWES agreements)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import params
from portal.blocks import BODY_BLOCKS
from portal.organisations.models import Organisation
from portal.pages import PortalIndexPage, RequestedPage, portal_search_fields, requested_by_field
from portal.pageviews import PageViews

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, PortalIndexPage):
    """The news listing with filters and feeds (all news, or one organisation's)."""

    subpage_types = ["news.NewsPage"]
    owes_may_add_here = True
    # Filled by feeds.py, which imports this module (see portal.pageviews).
    views = PageViews()

    class Meta:
        verbose_name = _("news index")

    def news(self):
        """Live news of this language, newest first, with what the list shows."""
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("requested_by", "image")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        news = self.news()
        organisation = tag = year = None
        if slug := params.clean_text(request.GET.get("organizacja"), 100):
            organisation = Organisation.objects.filter(slug=slug).first()
            news = news.filter(requested_by=organisation) if organisation else news.none()
        if tag := params.clean_text(request.GET.get("tag"), 100):
            news = news.filter(tags__name=tag).distinct()
        if (year := params.year(request.GET.get("rok"))) is not None:
            news = news.filter(date__year=year)
        page_obj = self.paginate(request, news, NEWS_PER_PAGE)
        years = [d.year for d in self.news().dates("date", "year", order="DESC")]
        organisations = Organisation.objects.filter(
            pk__in=self.news().values("requested_by")
        ).order_by("kind", "name")
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "news_items": page_obj.object_list,
                "organisations": organisations,
                "years": years,
                "current_organisation": organisation,
                "current_tag": tag,
                "current_year": str(year) if year is not None else "",
            },
        )

    # The feeds live in feeds.py (see portal.pageviews) --------------------------------------
    @path("rss/", name="rss")
    def rss(self, request: HttpRequest) -> HttpResponse:
        return self.views.rss(request, self)

    @path("atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        return self.views.atom(request, self)

    @path("<slug:organisation>/rss/", name="organisation_rss")
    def organisation_rss(self, request: HttpRequest, organisation: str) -> HttpResponse:
        return self.views.rss(request, self, organisation)

    @path("<slug:organisation>/atom/", name="organisation_atom")
    def organisation_atom(self, request: HttpRequest, organisation: str) -> HttpResponse:
        return self.views.atom(request, self, organisation)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(RequestedPage):
    """One news item: what happened, for whom, published on whose request."""

    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists."))
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    requested_by = requested_by_field("news")
    powiats = ParentalManyToManyField(
        "organisations.Powiat", verbose_name=_("powiats concerned"), blank=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("requested_by"), FieldPanel("tags")],
            heading=_("About"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("powiats", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = portal_search_fields(
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    )
    parent_page_types = ["news.NewsIndexPage"]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def clean(self) -> None:
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    def related_news(self, limit: int = 3) -> list[NewsPage]:
        """Other news with a shared tag, else from the same organisation."""
        siblings = (
            NewsPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .select_related("requested_by")
            .order_by("-date")
        )
        tag_ids = list(self.tags.values_list("pk", flat=True))
        related = list(siblings.filter(tags__in=tag_ids).distinct()[:limit]) if tag_ids else []
        if len(related) < limit and self.requested_by_id:
            more = siblings.filter(requested_by_id=self.requested_by_id).exclude(
                pk__in=[n.pk for n in related]
            )
            related += list(more[: limit - len(related)])
        return related

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_news()
        return context
