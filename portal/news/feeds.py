"""RSS and Atom feeds of the news, for all of it or one organisation (so an OWES can embed it).

`rss` and `atom` serve the news index's feed routes (see `portal.pageviews`)."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.organisations.models import Organisation
from portal.urls_absolute import absolute_url, page_url

from .models import NewsIndexPage

FEED_ITEMS = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, organisation: Organisation | None = None) -> None:
        super().__init__()
        self.index = index
        self.organisation = organisation

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        if self.organisation:
            return _("News on request of %(organisation)s") % {"organisation": self.organisation}
        return self.index.title

    def link(self) -> str:
        return page_url(self.index, self.request)

    def feed_url(self) -> str:
        """The feed's self link under BASE_URL (Django would name the sites framework's domain)."""
        return absolute_url(self.request.path)

    def description(self) -> str:
        return _("News of the regional social-economy portal")

    def items(self):
        news = self.index.news()
        if self.organisation:
            news = news.filter(requested_by=self.organisation)
        return news[:FEED_ITEMS]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.lead

    def item_link(self, item) -> str:
        return page_url(item, self.request)

    def item_pubdate(self, item) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time(8, 0)))

    def item_updateddate(self, item) -> datetime | None:
        return item.last_published_at

    def item_author_name(self, item) -> str | None:
        return str(item.requested_by) if item.requested_by else None

    def item_categories(self, item) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


def _organisation(slug: str | None) -> Organisation | None:
    """The organisation of an organisation's feed (404 for an unknown one), None for all news."""
    if slug is None:
        return None
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


@NewsIndexPage.views.add
def rss(
    request: HttpRequest, index: NewsIndexPage, organisation: str | None = None
) -> HttpResponse:
    return NewsRssFeed(index, _organisation(organisation))(request)


@NewsIndexPage.views.add
def atom(
    request: HttpRequest, index: NewsIndexPage, organisation: str | None = None
) -> HttpResponse:
    return NewsAtomFeed(index, _organisation(organisation))(request)
