"""The shared rate limiter: its own store, which page traffic cannot evict, counted per address
and scope in fixed windows; settings override the limits; a broken store never breaks a form."""

from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.test import RequestFactory

from portal import ratelimit

pytestmark = pytest.mark.django_db


def request_from(address: str = "192.0.2.10"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_the_counters_have_a_store_of_their_own_apart_from_the_page_cache():
    stores = django_settings.CACHES
    assert ratelimit.CACHE_ALIAS in stores
    assert stores[ratelimit.CACHE_ALIAS] != stores["default"]
    assert stores[ratelimit.CACHE_ALIAS]["BACKEND"] != (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_over_the_limit_per_address_and_scope(settings):
    settings.RATE_LIMITS = {"quote-request": (3, 3600), "order": (1, 3600)}
    first = request_from("192.0.2.1")
    assert [ratelimit.hit(first, "quote-request") for _ in range(4)] == [
        False,
        False,
        False,
        True,
    ]
    # another address, and another scope of the same address, count apart
    assert ratelimit.hit(request_from("192.0.2.2"), "quote-request") is False
    assert ratelimit.hit(first, "order") is False
    assert ratelimit.hit(first, "order") is True


def test_windows_are_fixed_and_a_new_one_starts_afresh(settings):
    settings.RATE_LIMITS = {"vote": (1, 60)}
    request = request_from()
    with mock.patch.object(ratelimit, "_now", return_value=6000.0):
        assert ratelimit.hit(request, "vote") is False
        assert ratelimit.hit(request, "vote") is True
        assert ratelimit.retry_after("vote") == 60
    with mock.patch.object(ratelimit, "_now", return_value=6059.0):
        assert ratelimit.hit(request, "vote") is True
        assert ratelimit.retry_after("vote") == 1
    with mock.patch.object(ratelimit, "_now", return_value=6060.0):
        assert ratelimit.hit(request, "vote") is False


def test_a_full_page_cache_does_not_evict_the_counters(client, demo, settings):
    """The old counter lived in the default cache; a few hundred distinct pages evicted it."""
    settings.RATE_LIMITS = {"nomination": (2, 3600)}
    request = request_from("192.0.2.77")
    assert ratelimit.hit(request, "nomination") is False
    assert ratelimit.hit(request, "nomination") is False
    cache.set("sentinel-of-the-default-cache", 1, 3600)
    stored = 0
    for number in range(1, 501):
        response = client.get(f"/o-portalu/?page={number}")
        stored += response.get("X-Page-Cache") == "miss"
    assert stored >= 400, "the pages should have gone into the page cache"
    # the default cache has evicted what was there before the pages…
    assert cache.get("sentinel-of-the-default-cache") is None
    # …but the counter holds, and the attempt over the limit is refused
    assert ratelimit.hit(request, "nomination") is True


def test_a_broken_store_lets_the_request_through(settings, caplog):
    store = caches[ratelimit.CACHE_ALIAS]
    with mock.patch.object(store, "add", side_effect=OSError("store down")):
        assert ratelimit.hit(request_from(), "quote-request") is False
    assert "Rate limit store unavailable" in caplog.text


def test_the_limiter_can_be_switched_off(settings):
    settings.RATE_LIMITS = {"order": (0, 3600)}
    assert ratelimit.hit(request_from(), "order") is True
    settings.RATE_LIMIT_ENABLED = False
    assert ratelimit.hit(request_from(), "order") is False


def test_an_unknown_scope_is_a_programming_error():
    with pytest.raises(ValueError):
        ratelimit.hit(request_from(), "no-such-scope")


def test_the_message_says_when_to_try_again(settings):
    from django.utils import translation

    settings.RATE_LIMITS = {"order": (1, 3600)}
    with (
        translation.override("pl"),
        mock.patch.object(ratelimit, "_now", return_value=3600.0 * 10 + 600),
    ):
        text = ratelimit.message("order")
    assert "50" in text  # the minutes left in the window


def test_every_migrate_creates_the_counters_table():
    from django.db import connection
    from django.db.models.signals import post_migrate

    from portal.apps import create_cache_tables

    assert any(
        receiver() is create_cache_tables for _key, receiver, *_rest in post_migrate.receivers
    )
    assert "portal_ratelimit" in connection.introspection.table_names()
