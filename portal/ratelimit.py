"""One rate limiter for every public POST (registrations, quote requests, nominations, votes,
shortlist changes, order placement), counted per client address and scope.

Counters live in a cache alias of their own, `CACHES["ratelimit"]`, never in the default cache:
the page cache fills that one with every distinct URL, and a cache that evicts (local memory
keeps 300 entries) would drop a counter after a few hundred page views, letting the next
attempt through. With `REDIS_URL` the alias is a Redis cache on the same server (INCR is atomic
there; the server must not evict keys without a TTL-aware policy, see README). Without Redis it
is Django's `DatabaseCache` in a table of its own (`portal_ratelimit`, created after every
`migrate`, see `portal.apps`): shared by every worker, with a bound far above any honest
traffic, so nothing is evicted. Its increment is a read then a write, so two requests racing
each other may count once: a limiter that lets a burst of two through is still a limiter, and
the database needs no table of our own.

Windows are fixed: the key carries the window's number, so a counter's expiry (which Django's
generic `incr` does not keep) never stretches a window. A failing counter store is logged and
lets the request through: the limiter must never turn a form into an error page.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

CACHE_ALIAS = "ratelimit"
HOUR = 60 * 60


@dataclass(frozen=True)
class Limit:
    """At most `count` attempts per `seconds` from one address."""

    count: int
    seconds: int = HOUR


# Generous for honest use (an office or a school shares one address); override any of them
# with settings.RATE_LIMITS = {"scope": (count, seconds)}.
DEFAULT_LIMITS: dict[str, Limit] = {
    "event-registration": Limit(20),
    "quote-request": Limit(10),
    "nomination": Limit(10),
    "vote": Limit(20),
    "shortlist": Limit(200),
    "order": Limit(10),
    "notice-question": Limit(20),
    "alert-unsubscribe": Limit(30),
    "buyer-registration": Limit(10),
}


def limit_for(scope: str) -> Limit:
    """The limit of a scope: settings.RATE_LIMITS first, then the defaults."""
    configured = getattr(settings, "RATE_LIMITS", {}).get(scope)
    if configured is not None:
        count, seconds = configured
        return Limit(int(count), int(seconds))
    try:
        return DEFAULT_LIMITS[scope]
    except KeyError:
        raise ValueError(f"no rate limit is defined for the scope {scope!r}") from None


def client_address(request: HttpRequest) -> str:
    """The address the connection came from. Behind a reverse proxy, the proxy must set
    REMOTE_ADDR to the visitor's address (e.g. the PROXY protocol, gunicorn's
    --proxy-protocol); a client-supplied X-Forwarded-For is never believed here."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _now() -> float:
    """The clock the windows are cut from (patched in tests, not the cache's own clock)."""
    return time.time()


def _key(scope: str, address: str, limit: Limit, now: float) -> str:
    return f"rl:{scope}:{address}:{limit.seconds}:{int(now // limit.seconds)}"


def hit(request: HttpRequest, scope: str) -> bool:
    """Count this attempt of the request's address in `scope`; True when it is over the limit
    (the caller then refuses it, keeping what was typed)."""
    if not getattr(settings, "RATE_LIMIT_ENABLED", True):
        return False
    limit = limit_for(scope)
    key = _key(scope, client_address(request), limit, _now())
    cache = caches[CACHE_ALIAS]
    # A little longer than the window, so a counter never vanishes inside its own window.
    timeout = limit.seconds + 60
    try:
        if cache.add(key, 1, timeout):
            attempts = 1
        else:
            try:
                attempts = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout)
                attempts = 1
    except Exception:  # the store is down: log it, never fail the form
        logger.exception("Rate limit store unavailable; %s allowed", scope)
        return False
    if attempts is None:  # a cache that swallows its errors (IGNORE_EXCEPTIONS)
        return False
    return int(attempts) > limit.count


def retry_after(scope: str, now: float | None = None) -> int:
    """Seconds until the scope's current window ends (for Retry-After and the message)."""
    limit = limit_for(scope)
    now = _now() if now is None else now
    return max(1, int(limit.seconds - now % limit.seconds))


def message(scope: str) -> str:
    """What the visitor reads when refused: when to try again."""
    minutes = max(1, -(-retry_after(scope) // 60))
    return ngettext(
        "Too many attempts came from your address. Please try again in %(minutes)d minute.",
        "Too many attempts came from your address. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def refuse(response: HttpResponse, scope: str) -> HttpResponse:
    """Mark a re-rendered form as refused: 429 Too Many Requests with Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(retry_after(scope))
    return response
