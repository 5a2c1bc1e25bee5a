"""Whole-page cache for anonymous visitors, shared by all workers, invalidated on content change.

Logged-in visitors get stored copies only of the shop listings, which show nothing of them but
their role (`SHARED_WITH_USERS`): one copy for users, one for staff, never the anonymous one.

Why our own middleware and not Django's cache middleware: Oscar's BasketMiddleware touches
`request.user` on every request, so every response varies on Cookie and any analytics cookie
would split the cache. Here the rule is simpler: anonymous GETs of public pages are cached by
URL; a response that sets a cookie (a basket) or for which a CSRF token was rendered is never
stored, since it would hand one visitor's token to all. Forms on cached pages carry a token
placeholder instead (`portal/csrf.py`). Invalidation bumps a generation number kept in the same
shared cache, so every worker sees it at once: on publish, on shop data changes, on orders
(stock allocated by a plain UPDATE) and on event registrations (the places left).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.checkout.signals import post_checkout
from oscar.apps.customer import receivers as customer
from oscar.apps.order.signals import order_placed
from wagtail.signals import page_published, page_unpublished

from marketplace.procurement.signals import notice_awarded, notice_cancelled, notice_published

GENERATION_KEY = "pagecache:generation"
BASKET_COUNT_COOKIE = "basket_count"

# Never cached: admin, the shop's personal pages, anything with a user in it; the health checks
# and metrics (not even looked up: liveness must not wait on the cache server).
NEVER_CACHED = re.compile(
    r"^/(?:[a-z]{2}/)?(?:admin|django-admin|sklep/(?:basket|checkout|accounts|dashboard|"
    r"wishlists|password-reset|search|offers)|csrf-token|health|metrics)(?:/|$)"
)
# Shop listings show nothing of the visitor beyond whether they are logged in (the account links)
# and staff (the admin link), the basket count coming from a cookie: logged-in visitors share one
# stored copy of them per role, apart from the anonymous copy. Product pages are not among them.
SHARED_WITH_USERS = re.compile(r"^/(?:[a-z]{2}/)?sklep/catalogue/(?:category/[\w/-]+/)?$")
# The facets of the PES database and of the shop's catalogue have bounded values, so their
# combinations are cached too; a free-text `q` is not, so arbitrary queries cannot fill the cache.
CACHEABLE_QUERY_KEYS = {
    "page",
    "sort_by",
    "category",
    "kind",
    "price",
    "powiat",
    "legal_form",
    "activity",
    "reintegration",
    "certified",
    "ps",
    "art94",
    "online",
    "phase",  # the procurement board's facets: powiat, activity, kind (above) and phase
    "status",  # local ES plans by status
    "year",  # the statistics by year and subregion
    "subregion",
}


def generation() -> int:
    """The current cache generation; a new one makes every stored page stale."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(time.time() * 1000)
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate_pages(**_kwargs: object) -> None:
    """Forget every cached page (called on publish, product, stock and settings changes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, int(time.time() * 1000), None)


def invalidate_pages_on_commit(**_kwargs: object) -> None:
    """Forget cached pages once the change is committed: a page rendered in between from the
    old rows would otherwise be stored again for the new generation."""
    transaction.on_commit(invalidate_pages)


def _role(request: HttpRequest) -> str:
    """Which stored copy a visitor shares: anonymous, a logged-in user, or staff."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "anon"
    return "staff" if user.is_staff else "user"


def _cache_key(request: HttpRequest) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return f"pagecache:{generation()}:{_role(request)}:{digest}"


def _is_cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if NEVER_CACHED.match(request.path):
        return False
    if set(request.GET) - CACHEABLE_QUERY_KEYS:
        return False
    if request.COOKIES.get("messages"):  # a pending flash message must be shown, not a copy
        return False
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return True
    if not SHARED_WITH_USERS.match(request.path):
        return False
    # a message waiting in the session must be shown to this user, not a stored copy
    session = getattr(request, "session", None)
    return not (session is not None and session.get("_messages"))


def may_be_stored(request: HttpRequest) -> bool:
    """Whether the page being rendered may go into the page cache, so must hold nothing that
    belongs to this visitor (`{% public_csrf_token %}` renders a placeholder then)."""
    return bool(getattr(settings, "PAGE_CACHE_SECONDS", 600)) and _is_cacheable_request(request)


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors (and the shop listings, per role, for
    logged-in ones)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.seconds = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.seconds or not _is_cacheable_request(request):
            return self.get_response(request)
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._is_storable(request, response):
            response["Cache-Control"] = "max-age=0, must-revalidate"
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, self.seconds)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _is_storable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # a rendered CSRF token: its cookie is only added after this middleware
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            # the page used something of this visitor's session (e.g. Oscar's failed basket form)
            and not getattr(getattr(request, "session", None), "modified", False)
            and response.get("Content-Type", "").startswith("text/html")
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
            and not getattr(getattr(request, "_messages", None), "used", False)
            and _is_cacheable_request(request)  # the view may have logged someone in
        )


class BasketCountCookieMiddleware:
    """Keep a JS-readable basket count cookie, so cached pages can show the basket size."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "_basket_count_reset", False):
            response.delete_cookie(BASKET_COUNT_COOKIE)
            return response
        basket = getattr(request, "basket", None)
        if basket is None or getattr(basket, "_wrapped", empty) is empty:
            return response  # the view never loaded the basket: nothing new to tell
        count = str(basket.num_items if basket.id else 0)
        if request.COOKIES.get(BASKET_COUNT_COOKIE) != count:
            response.set_cookie(
                BASKET_COUNT_COOKIE,
                count,
                max_age=settings.OSCAR_BASKET_COOKIE_LIFETIME,
                samesite="Lax",
                secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
                httponly=False,  # read by static/js/portal.js; holds a number only
            )
        return response


@receiver(user_logged_in)
@receiver(user_logged_out)
def _reset_basket_count(sender: object, request: HttpRequest | None = None, **_: object) -> None:
    """Login merges baskets and logout forgets one: let the next basket view say the count."""
    if request is not None:
        request._basket_count_reset = True


@receiver(post_checkout, dispatch_uid="basket-count-after-checkout")
def _reset_basket_count_after_checkout(
    sender: object, request: HttpRequest | None = None, **_: object
) -> None:
    """The basket became orders: the badge drops to nothing at once, not at the next basket view."""
    if request is not None:
        request._basket_count_reset = True


page_published.connect(invalidate_pages, dispatch_uid="pagecache-published")
page_unpublished.connect(invalidate_pages, dispatch_uid="pagecache-unpublished")

# Shop data shown on cached pages (catalogue, product cards on the home page).
_SHOP_MODELS = [
    "catalogue.Product",
    "catalogue.ProductImage",
    "catalogue.Category",
    "catalogue.ProductCategory",
    "offer.Range",
    "offer.RangeProduct",
    "partner.StockRecord",
    "partner.Partner",
    "organisations.Organisation",
    "organisations.Powiat",
    "home.SiteSettings",
    # the statistics count accepted OWES reports and their targets
    "monitoring.Report",
    "monitoring.IndicatorTarget",
]
for _label in _SHOP_MODELS:
    post_save.connect(invalidate_pages, sender=_label, dispatch_uid=f"pagecache-save-{_label}")
    post_delete.connect(invalidate_pages, sender=_label, dispatch_uid=f"pagecache-del-{_label}")

# Checkout allocates stock with a conditional UPDATE (no post_save): availability on product
# pages and cards changes with every order.
order_placed.connect(invalidate_pages_on_commit, dispatch_uid="pagecache-order-placed")
# An event page shows the places left: any registration made, cancelled or moved changes it.
post_save.connect(
    invalidate_pages_on_commit, sender="events.Registration", dispatch_uid="pagecache-reg-save"
)
post_delete.connect(
    invalidate_pages_on_commit, sender="events.Registration", dispatch_uid="pagecache-reg-del"
)

# The procurement board and notice pages (marketplace/procurement/views.py): a notice, its
# fields, powiats, documents or questions changed, or it was published, awarded or cancelled.
# A deadline passing changes a phase with no save: those pages keep themselves out of the cache
# when a stored copy would outlive the next deadline (`procurement.board.keep_from_cache_before`).
for _label in ("procurement.Notice", "procurement.NoticeDocument", "procurement.NoticeQuestion"):
    post_save.connect(
        invalidate_pages_on_commit, sender=_label, dispatch_uid=f"pagecache-save-{_label}"
    )
    post_delete.connect(
        invalidate_pages_on_commit, sender=_label, dispatch_uid=f"pagecache-del-{_label}"
    )


def _notice_relations_changed(sender: object, action: str = "", **_: object) -> None:
    """A notice's fields of activity or powiats changed (the board's facets and rows)."""
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate_pages_on_commit()


for _through in ("procurement.Notice_activity_fields", "procurement.Notice_powiats"):
    m2m_changed.connect(
        _notice_relations_changed, sender=_through, dispatch_uid=f"pagecache-m2m-{_through}"
    )
# Sent after the publishing transaction commits (see marketplace/procurement/signals.py).
notice_published.connect(invalidate_pages, dispatch_uid="pagecache-notice-published")
notice_awarded.connect(invalidate_pages, dispatch_uid="pagecache-notice-awarded")
notice_cancelled.connect(invalidate_pages, dispatch_uid="pagecache-notice-cancelled")


def _stop_product_history() -> None:
    """Oscar writes a "recently viewed" cookie on every product page, which kept product pages
    out of the cache; the portal never shows that history."""
    product_viewed.disconnect(customer.receive_product_view)


_stop_product_history()
