"""The PES import's messages are checked in English, their source language (Polish is the
default); the import tests ask for `in_english`, the profile tests keep Polish."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture
def in_english():
    with translation.override("en"):
        yield
