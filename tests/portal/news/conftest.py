"""Fixtures for the newsroom: editors of two OWES, a ROPS moderator, and their news."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.news.models import NewsIndexPage, NewsPage
from portal.organisations import roles
from tests.factories import make_news


@pytest.fixture
def news_index(demo) -> NewsIndexPage:
    return NewsIndexPage.objects.get(locale__language_code="pl")


@pytest.fixture
def people(demo, owes_a, owes_b) -> dict:
    users = get_user_model().objects
    return {
        "anonymous": None,
        "owes_a": users.get(email="redakcja@swietokrzyski-owes.example.org"),
        "owes_b": users.get(email="redakcja@kielecko-ostrowiecki-owes.example.org"),
        "rops": users.get(email="moderator@rops.example.org"),
        "superuser": users.get(email="admin@es.example.org"),
    }


@pytest.fixture
def draft_of_a(news_index, people, owes_a) -> NewsPage:
    return make_news(news_index, people["owes_a"], owes_a, "szkic-owes-a", live=False)


@pytest.fixture
def live_of_a(news_index, people, owes_a) -> NewsPage:
    return make_news(news_index, people["owes_a"], owes_a, "opublikowana-owes-a", live=True)


@pytest.fixture
def moderators() -> Group:
    return Group.objects.get(name=roles.ROPS_MODERATORS)
