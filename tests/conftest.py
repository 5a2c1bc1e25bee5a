"""Shared fixtures: the demo region is loaded once per run into the reusable test database."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must not refuse the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def demo_region(django_db_setup, django_db_blocker) -> None:
    """Load the demo once (idempotent) and keep it committed for every test of the run."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture
def demo(demo_region, db) -> None:
    """A test that reads the demo region inside its own rolled-back transaction."""


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Every test starts with an empty page cache."""
    from django.core.cache import cache

    cache.clear()
