"""RSS and Atom feeds of the board, for any of its filters (`/zamowienia/rss/?powiat=…`).

The same parameters as the board (`board.parse_query`), newest publication first, so a PES
can follow "catering in my powiat" in a feed reader. Links are absolute under BASE_URL.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.urls_absolute import absolute_url

from . import board
from .models import Notice, Phase

FEED_ITEMS = 50


class NoticeRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> dict:
        """The request's filters (one feed object serves every request: keep no state on it)."""
        return {
            "query": board.parse_query(request.GET),
            "path": request.path,
            "params": request.GET.urlencode(),
        }

    def title(self, obj: dict) -> str:
        return _("Procurement notices for the social economy")

    def link(self, obj: dict) -> str:
        query = f"?{obj['params']}" if obj["params"] else ""
        return absolute_url(reverse("procurement:board") + query)

    def feed_url(self, obj: dict) -> str:
        """The feed's self link under BASE_URL (Django would name the sites framework's domain)."""
        query = f"?{obj['params']}" if obj["params"] else ""
        return absolute_url(obj["path"] + query)

    def description(self, obj: dict) -> str:
        return _("Notices of buyers who want to buy from social economy entities (PES).")

    def items(self, obj: dict) -> list[Notice]:
        notices = board.filter_notices(obj["query"]).select_related("buyer")
        return list(notices.order_by("-published_at", "-pk")[:FEED_ITEMS])

    def item_title(self, item: Notice) -> str:
        return f"{item.reference}: {item.subject}"

    def item_description(self, item: Notice) -> str:
        deadline = date_filter(timezone.localtime(item.deadline), "j E Y, H:i")
        return _("%(buyer)s. %(kind)s. Offers until %(deadline)s (Polish time). %(phase)s.") % {
            "buyer": item.buyer.name,
            "kind": item.get_kind_display(),
            "deadline": deadline,
            "phase": board.PHASE_LABELS[Phase(item.phase())],
        }

    def item_link(self, item: Notice) -> str:
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item: Notice) -> str:
        return absolute_url(item.url_in("pl"))

    def item_pubdate(self, item: Notice) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Notice) -> datetime:
        return item.updated

    def item_author_name(self, item: Notice) -> str:
        return item.buyer.name


class NoticeAtomFeed(NoticeRssFeed):
    feed_type = Atom1Feed
    subtitle = NoticeRssFeed.description
