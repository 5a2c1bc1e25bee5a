"""These tests count notices, offers and alerts, so each starts from a region without the
demo's procurement (which a browser journey or a demo test may have committed to the reused
test database). Removed inside the test's own transaction: rolled back when it ends."""

from __future__ import annotations

import pytest

from marketplace.procurement.models import Notice


@pytest.fixture(autouse=True)
def _without_demo_procurement(request) -> None:
    if "django_db" not in {mark.name for mark in request.node.iter_markers()}:
        return
    request.getfixturevalue("db")
    demo = Notice.objects.filter(reference__startswith="ZP/DEMO/")
    demo.update(awarded_offer=None)
    demo.delete()
