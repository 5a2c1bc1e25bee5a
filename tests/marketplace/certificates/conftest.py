"""Tests here build their own certificates; the demo's (in the shared test database) would
change the numbers and counts they expect, so each such test starts without them (rolled back)."""

from __future__ import annotations

import pytest

from marketplace.certificates.models import Application, Certificate


@pytest.fixture
def no_certificates(db) -> None:
    Application.objects.all().delete()
    Certificate.objects.all().delete()
