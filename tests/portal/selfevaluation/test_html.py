"""The self-evaluation admin pages are valid HTML (W3C Nu checker)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories.selfevaluation import owes, person, questionnaire, submitted
from tests.helpers.html import VNU, nu_errors

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")
def test_admin_pages_are_valid_html(client, tmp_path):
    made = questionnaire()
    owes_a = owes()
    response = submitted(made, owes_a, [4, 2, "Opis <b>sukcesu</b>"])
    draft_owes = owes()
    pages = {}
    client.force_login(person("rops"))
    for name, url in {
        "index": reverse("selfevaluation_index"),
        "summary": reverse("selfevaluation_summary", args=[made.year]),
        "response": reverse("selfevaluation_response", args=[response.pk]),
    }.items():
        page = client.get(url)
        assert page.status_code == 200, name
        pages[name] = page.content
    client.force_login(person("owes", draft_owes))
    pages["answer form"] = client.get(reverse("selfevaluation_answer", args=[made.year])).content
    pages["owes index"] = client.get(reverse("selfevaluation_index")).content
    assert nu_errors(pages, tmp_path) == []
