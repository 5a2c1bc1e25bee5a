"""The nomination form looks and behaves like the quote request form: grouped fields, errors
summarised at the top with links, and each field in error marked and described."""

from __future__ import annotations

import re

import pytest

from tests.helpers.pdfs import letter

pytestmark = pytest.mark.django_db


def form_url(edition) -> str:
    return edition.url + "zglos/przedsiebiorstwo-spoleczne/"


def tag(html: str, name: str) -> str:
    match = re.search(rf"<(?:input|select|textarea)[^>]*name=\"{name}\"[^>]*>", html)
    assert match, name
    return match.group(0)


def test_the_empty_form_is_grouped_and_styled_like_the_quote_form(client, edition, during):
    html = client.get(form_url(edition)).content.decode()
    assert "css/shop.css" in html and "quotes/quotes.css" in html
    assert html.count('class="quote-form__section"') == 3
    assert 'class="btn btn-primary btn-lg"' in html
    assert "form-control" in tag(html, "justification")
    assert 'id="form-errors"' not in html
    assert "aria-invalid" not in html


def test_errors_are_summarised_linked_and_marked_on_their_fields(client, edition, during):
    response = client.post(
        form_url(edition),
        {
            "candidate_name": "Gmina Testowa",
            "justification": "",
            "recommendation_letter": letter(),
            "nominator_name": "Jan Nowak",
            "nominator_email": "to nie jest adres",
            "consent_data": "on",
            "website": "",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(
        r'<div class="alert alert-danger quote-errors" role="alert" id="form-errors">(.*?)</div>',
        html,
        re.S,
    )
    assert summary, html[:3000]
    links = re.findall(r'<a href="#([^"]+)">', summary.group(1))
    assert {"id_justification", "id_nominator_email", "id_consent_candidate"} <= set(links)
    assert "id_nominator_name" not in links
    # In the order of the form: the candidate's fields first, the consents last.
    assert links.index("id_justification") < links.index("id_nominator_email")
    assert links.index("id_nominator_email") < links.index("id_consent_candidate")
    for name in ("justification", "nominator_email", "consent_candidate"):
        field = tag(html, name)
        assert 'aria-invalid="true"' in field, field
        described = re.search(r'aria-describedby="([^"]+)"', field).group(1).split()
        assert f"id_{name}_error" in described
        for target in described:
            assert html.count(f'id="{target}"') == 1
        assert f'id="id_{name}"' in field
    assert "aria-invalid" not in tag(html, "nominator_name")
    # The error text sits in the highlighted group of its field.
    assert re.search(r'quote-field--error">\s*<label for="id_justification"', html)
