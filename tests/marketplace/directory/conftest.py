"""A small, known PES world next to the demo: two test powiats nobody else uses."""

from __future__ import annotations

import pytest

from tests.factories.directory import World, build_world


@pytest.fixture
def world(demo) -> World:
    return build_world()
