"""Shared fixtures: the demo region is loaded once per run into the reusable test database."""

from __future__ import annotations

import io
import os

import pytest
import pytest_django.fixtures
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must not refuse the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_databases_for_setup = pytest_django.fixtures._get_databases_for_setup


def _always_the_test_database(items):
    """pytest-django builds the test database only when a collected test is marked for it; a
    run of browser journeys alone would otherwise load the demo into, and buy from, the
    development database. Always build (or reuse) the test database instead."""
    aliases, serialized_aliases = _databases_for_setup(items)
    return {*aliases, "default"}, serialized_aliases


pytest_django.fixtures._get_databases_for_setup = _always_the_test_database


@pytest.fixture(scope="session")
def demo_region(django_db_setup, django_db_blocker) -> None:
    """Load the demo once (idempotent) and keep it committed for every test of the run."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo(demo_region, db) -> None:
    """A test that reads the demo region inside its own rolled-back transaction."""


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Every test starts with an empty page cache."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Polish: a request or `activate` in one test must not leave English
    active for the next (reverse() would then give /en/ URLs)."""
    from django.utils import translation

    translation.activate("pl")
    yield
    translation.activate("pl")
