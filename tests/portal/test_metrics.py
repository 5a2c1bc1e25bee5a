"""/metrics/: refused to strangers, staff included; shown for the token, an allowed address or a
superuser, with the request metrics and the queue and outbox read from the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from prometheus_client.parser import text_string_to_metric_families

from portal.mail.models import OutgoingEmail
from tests.factories import UserFactory
from tests.portal.test_health import queued_task

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-metrics-token-for-tests"


@pytest.fixture(autouse=True)
def _metrics_settings(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_IPS = []


def samples(response) -> dict[tuple[str, tuple], float]:
    """The scrape as {(sample name, labels): value}."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def test_anonymous_visitors_are_refused(client):
    response = client.get("/metrics/")
    assert response.status_code == 403
    with translation.override("pl"):  # not under a language prefix: the default language
        explained = gettext(
            "Metrics are shown only to superusers, to requests carrying the metrics token "
            "and to the addresses allowed to read them."
        )
    assert explained != "" and explained in response.content.decode()
    assert "tokenem metryk" in explained  # the Polish text, not the English source
    assert "portal_tasks" not in response.content.decode()


@pytest.mark.parametrize(
    "header", [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", "Bearer ", TOKEN]
)
def test_a_wrong_token_is_refused(client, header):
    assert client.get("/metrics/", HTTP_AUTHORIZATION=header).status_code == 403


def test_no_token_configured_lets_no_empty_token_in(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics/", HTTP_AUTHORIZATION="Bearer ").status_code == 403
    assert client.get("/metrics/", HTTP_AUTHORIZATION="Bearer").status_code == 403


def test_staff_who_are_not_superusers_are_refused(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/metrics/").status_code == 403


def test_superusers_may_read_them(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/metrics/").status_code == 200


def test_allowed_addresses_and_networks_may_read_them(client, settings):
    settings.METRICS_ALLOWED_IPS = ["192.0.2.7", "10.1.0.0/16", "not-an-address"]
    assert client.get("/metrics/", REMOTE_ADDR="192.0.2.7").status_code == 200
    assert client.get("/metrics/", REMOTE_ADDR="10.1.200.3").status_code == 200
    assert client.get("/metrics/", REMOTE_ADDR="::ffff:10.1.0.9").status_code == 200
    assert client.get("/metrics/", REMOTE_ADDR="192.0.2.8").status_code == 403
    # a forwarded-for header is never believed
    assert (
        client.get(
            "/metrics/", REMOTE_ADDR="192.0.2.8", HTTP_X_FORWARDED_FOR="192.0.2.7"
        ).status_code
        == 403
    )


def test_the_token_shows_request_queue_and_outbox_metrics(client):
    client.get("/health/live/")  # a request for the per-view counters
    queued_task(waited=timedelta(seconds=120))
    queued_task(waited=timedelta(seconds=5), status=TaskResultStatus.FAILED)
    OutgoingEmail.objects.create(subject="a", status=OutgoingEmail.Status.SENT)
    OutgoingEmail.objects.create(subject="b", status=OutgoingEmail.Status.FAILED, last_error="x")
    OutgoingEmail.objects.create(subject="c", last_error="421 try later", attempts=2)
    OutgoingEmail.objects.create(subject="d")  # pending, never tried
    response = client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    values = samples(response)
    assert values[("portal_tasks", (("status", "READY"),))] == 1
    assert values[("portal_tasks", (("status", "FAILED"),))] == 1
    assert values[("portal_tasks", (("status", "RUNNING"),))] == 0
    assert values[("portal_tasks_oldest_ready_age_seconds", ())] == pytest.approx(120, abs=5)
    assert values[("portal_outgoing_emails", (("status", "pending"),))] == 2
    assert values[("portal_outgoing_emails", (("status", "sent"),))] == 1
    assert values[("portal_outgoing_email_failures", ())] == 2  # the failed and the retried
    assert values[("portal_queue_metrics_up", ())] == 1
    text = response.content.decode()
    assert "django_http_requests_latency_seconds_by_view_method" in text
    assert 'view="health-live"' in text


def test_openmetrics_is_one_document(client):
    response = client.get(
        "/metrics/",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
        HTTP_ACCEPT="application/openmetrics-text; version=1.0.0",
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("# EOF") == 1
    assert text.rstrip().endswith("# EOF")
    assert "portal_tasks" in text


def test_the_scrape_costs_three_queries(client, django_assert_num_queries):
    for _ in range(3):
        queued_task(waited=timedelta(seconds=1))
        OutgoingEmail.objects.create(subject="x", last_error="e")
    with django_assert_num_queries(3):
        response = client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert samples(response)[("portal_outgoing_email_failures", ())] == 3


@pytest.mark.parametrize(
    "accept",
    [
        "application/openmetrics-text; version=abc",
        "text/plain; version=zz",
        "garbage;;",
        "application/openmetrics-text; escaping=bogus; version=1.0.0",
    ],
)
def test_an_odd_accept_header_gets_a_readable_format(client, accept):
    response = client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert "portal_tasks" in response.content.decode()
