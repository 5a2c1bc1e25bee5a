"""The PES's procurement pages: valid HTML (Nu checker), English, and no input that saves a
bad offer or answers with a server error (hypothesis over the offer form and the tab filter)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.procurement.models import AlertSettings, Offer, OfferStatus
from tests.factories import OfferFactory, PesUserFactory
from tests.factories.procurement import matching_pes, notice_with_match
from tests.helpers.html import VNU, nu_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


@pytest.fixture
def world(client):
    notice = notice_with_match()
    pes = matching_pes(notice)
    other = notice_with_match(subject="Druga usługa")
    OfferFactory(notice=other, partner=pes)
    user = PesUserFactory(partners=[pes, matching_pes(notice, name="Druga spółdzielnia")])
    client.force_login(user)
    return notice, pes, other


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")
def test_pages_are_valid_html(client, world, tmp_path):
    pytest.importorskip("shutil").which("java") or pytest.skip("no Java to run the Nu checker")
    notice, pes, other = world
    token = AlertSettings.objects.create(partner=pes).token
    notice_url = reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
    paths = [
        reverse("procurement-dashboard:list"),
        reverse("procurement-dashboard:list") + "?tab=all",
        reverse("procurement-dashboard:list") + "?tab=mine",
        f"{notice_url}?partner={pes.pk}",
        reverse("procurement-dashboard:notice", kwargs={"pk": other.pk}) + f"?partner={pes.pk}",
        reverse("procurement-dashboard:alerts"),
        reverse("procurement-alerts:unsubscribe", kwargs={"token": token}),
    ]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    bad = client.post(
        f"{notice_url}?partner={pes.pk}",
        {"action": "submit", "offer-price": "-1", "offer-terms": ""},
    )
    pages["offer form with errors"] = bad.content
    bad = client.post(reverse("procurement-dashboard:alerts"), {"frequency": "x", "email": "y"})
    pages["alert settings with errors"] = bad.content
    done = client.post(reverse("procurement-alerts:unsubscribe", kwargs={"token": token}))
    pages["unsubscribed"] = done.content
    # Oscar's dashboard layout (its menu) has errors of its own on every dashboard page: those
    # found on the quotes list, a page of the same layout, are left out; any other is ours.
    pages["baseline"] = client.get(reverse("quotes-dashboard:list")).content
    errors = nu_errors(pages, tmp_path)
    layout = {message(e) for e in errors if e.startswith("baseline:")}
    assert layout, "the baseline should show the layout's known errors"
    assert [e for e in errors if message(e) not in layout] == []


def message(error: str) -> str:
    """An error without its "page:line: " prefix."""
    return error.split(": ", 1)[1] if ": " in error else error


def test_english_pages(client, world):
    notice, pes, _other = world
    with translation.override("en"):
        list_url = reverse("procurement-dashboard:list")
        notice_url = reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
    assert list_url.startswith("/en/")
    page = client.get(list_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Matching my PES" in page and 'lang="en"' in page
    page = client.get(f"{notice_url}?partner={pes.pk}").content.decode()
    assert "Submit the offer" in page


def test_polish_pages(client, world):
    notice, pes, _other = world
    page = client.get(reverse("procurement-dashboard:list")).content.decode()
    assert "Pasujące do mojego PES" in page and "Ogłoszenia o zamówieniach" in page
    url = reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
    page = client.get(f"{url}?partner={pes.pk}").content.decode()
    assert "Złóż ofertę" in page


TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["0", "-0", "1e9", "NaN", "Infinity", "1,5", "12345678901234", "0.001"]),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    price=TEXT,
    terms=st.text(max_size=40),
    action=st.sampled_from(["submit", "replace", "withdraw", "", "x"]),
    tab=st.text(max_size=10),
    partner=st.one_of(st.text(max_size=12), st.integers(-5, 10**12).map(str)),
)
def test_no_input_gives_a_server_error_or_a_bad_offer(
    client, world, price, terms, action, tab, partner
):
    notice, pes, _other = world
    url = reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
    response = client.post(
        f"{url}?partner={pes.pk}",
        {"action": action, "offer-price": price, "offer-terms": terms},
    )
    assert response.status_code < 500
    for offer in Offer.submissions.filter(notice=notice, status=OfferStatus.SUBMITTED):
        assert offer.price > 0 and offer.terms.strip()
    listing = client.get(reverse("procurement-dashboard:list"), {"tab": tab, "partner": partner})
    assert listing.status_code in (200, 404)
