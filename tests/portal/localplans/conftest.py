"""Each test starts from a region without gminas (the demo's, if loaded, are removed inside the
test's own transaction and come back at its rollback), so counts are the test's own rows."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from portal.localplans.models import Gmina, LocalPlanSettings


@pytest.fixture(autouse=True)
def _without_demo_gminas(request) -> None:
    if "django_db" not in {mark.name for mark in request.node.iter_markers()}:
        return
    request.getfixturevalue("db")
    Gmina.objects.all().delete()
    LocalPlanSettings.objects.all().delete()
    cache.clear()  # the page cache: a copy stored by another test must not answer
