"""The home page, general content pages and the site-wide settings editors keep."""

from __future__ import annotations

from functools import partial

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from marketplace.products import featured_products
from portal.blocks import BODY_BLOCKS
from portal.events.models import EventPage
from portal.news.models import NewsPage
from portal.pages import PortalPage, portal_search_fields


class HomePage(PortalPage):
    """The portal's front door: what is new in the region's social economy."""

    lead = models.TextField(_("lead"), blank=True)
    body = RichTextField(_("introduction"), blank=True)
    featured_products_count = models.PositiveSmallIntegerField(
        _("featured products shown"), default=8
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("featured_products_count"),
    ]
    search_fields = portal_search_fields(index.SearchField("lead"))
    subpage_types = [
        "home.ContentPage",
        "news.NewsIndexPage",
        "organisations.OrganisationIndexPage",
        "goodpractices.GoodPracticeIndexPage",
        "events.EventIndexPage",
        "competition.CompetitionIndexPage",
        "procurement.SocialClauseIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # A callable: the template calls it only when its cached fragment is missing.
        context["featured_products"] = partial(featured_products, self.featured_products_count)
        context["latest_news"] = partial(latest_news, self.locale_id)
        context["upcoming_events"] = partial(upcoming_events, self.locale_id)
        return context


def latest_news(locale_id: int, limit: int = 3) -> list:
    """The newest news of this language (the home page shows what every area has)."""
    pages = NewsPage.objects.live().public().filter(locale_id=locale_id)
    return list(pages.select_related("requested_by").order_by("-date", "-pk")[:limit])


def upcoming_events(locale_id: int, limit: int = 3) -> list:
    """The next events of this language."""
    pages = EventPage.objects.live().public().filter(locale_id=locale_id, end__gte=timezone.now())
    return list(pages.select_related("powiat").order_by("start")[:limit])


class ContentPage(PortalPage):
    """A general page (about, accessibility statement, contact…) built from blocks."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = portal_search_fields(index.SearchField("lead"), index.SearchField("body"))
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Branding, contact and footer: one place for what every page shows."""

    site_name = models.CharField(
        _("site name"), max_length=120, default="Portal Ekonomii Społecznej"
    )
    site_name_en = models.CharField(
        _("site name in English"), max_length=120, blank=True, default="Social Economy Portal"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_name = models.CharField(_("run by"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())], verbose_name=_("footer links"), blank=True
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("site_name_en"), FieldPanel("logo")],
            heading=_("Branding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_name"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("accessibility_statement"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")
