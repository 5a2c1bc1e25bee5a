"""Fixtures shared by the portal apps' tests: the demo's ROPS and two of its OWES."""

from __future__ import annotations

import pytest

from portal.organisations.models import Organisation


@pytest.fixture
def rops() -> Organisation:
    return Organisation.objects.get(slug="rops-kielce")


@pytest.fixture
def owes_a() -> Organisation:
    return Organisation.objects.get(slug="swietokrzyski-owes")


@pytest.fixture
def owes_b() -> Organisation:
    return Organisation.objects.get(slug="kielecko-ostrowiecki-owes")
