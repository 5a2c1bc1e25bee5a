"""The committee in the Django admin: checklist, grant with the next number, refuse and revoke
with a reason, e-mails to the PES; number sequences per year, safe against collisions."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from marketplace.certificates import services
from marketplace.certificates.models import (
    Application,
    ApplicationStatus,
    Certificate,
)
from tests.factories import (
    PesUserFactory,
    UserFactory,
    certificate,
    committee_member,
    pes_with_products,
)
from tests.helpers.clock import clock

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_certificates")]

TODAY = date(2026, 6, 1)
APPLICATIONS = reverse("admin:certificates_application_changelist")
CERTIFICATES = reverse("admin:certificates_certificate_changelist")


@pytest.fixture
def holder():
    return pes_with_products("Kooperatywa")


def _application(partner, products, *, checklist: bool = True) -> Application:
    application = Application.objects.create(
        partner=partner,
        legal_form_confirmed=True,
        social_goals="Cele społeczne",
        operating_six_months=True,
        own_revenue_share=50,
        **dict.fromkeys(Application.CHECKLIST, checklist),
    )
    application.products.set(products)
    return application


def test_numbers_run_per_year(holder):
    partner, products = holder
    certificate(partner, products, number="ZP/2026/0001")
    certificate(partner, products, number="ZP/2026/0002")
    certificate(partner, products, number="ZP/2025/0007", issued_on=date(2025, 2, 1))
    assert services.next_number(2026) == "ZP/2026/0003"
    assert services.next_number(2025) == "ZP/2025/0008"
    assert services.next_number(2027) == "ZP/2027/0001"


def test_a_number_taken_meanwhile_is_retried(holder):
    """Another grant took the number between our read and our insert: we take the next one."""
    partner, products = holder
    certificate(partner, products, number="ZP/2026/0001")
    real = services.next_number
    with mock.patch.object(
        services, "next_number", side_effect=["ZP/2026/0001", real(2026)]
    ) as numbers:
        made = services.issue_certificate(partner, products, issued_on=TODAY)
    assert numbers.call_count == 2
    assert made.number == "ZP/2026/0002"


def test_committee_grants_from_the_admin(client, holder, django_capture_on_commit_callbacks):
    partner, products = holder
    application = _application(partner, products)
    member = committee_member()
    client.force_login(member)
    assert client.get(APPLICATIONS).status_code == 200
    assert (
        client.get(
            reverse("admin:certificates_application_change", args=[application.pk])
        ).status_code
        == 200
    )
    with clock(TODAY), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            APPLICATIONS, {"action": "grant", ACTION_CHECKBOX_NAME: [application.pk]}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    made = application.certificate
    assert application.status == ApplicationStatus.GRANTED
    assert application.decided_by == member
    assert made.number == "ZP/2026/0001"
    assert made.holder == partner
    assert made.issued_on == TODAY
    assert made.valid_until == date(2027, 5, 31)
    assert set(made.products.all()) == set(products)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [partner.email]
    assert "ZP/2026/0001" in mail.outbox[0].subject
    assert "/certyfikat/ZP-2026-0001/" in mail.outbox[0].body


def test_granting_needs_the_whole_checklist(client, holder):
    partner, products = holder
    application = _application(partner, products, checklist=False)
    client.force_login(committee_member())
    client.post(APPLICATIONS, {"action": "grant", ACTION_CHECKBOX_NAME: [application.pk]})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not Certificate.objects.exists()


def test_refusal_needs_a_reason(client, holder, django_capture_on_commit_callbacks):
    partner, products = holder
    application = _application(partner, products, checklist=False)
    client.force_login(committee_member())
    selected = {"action": "refuse", ACTION_CHECKBOX_NAME: [application.pk]}
    asked = client.post(APPLICATIONS, selected)
    assert asked.status_code == 200
    assert 'name="reason"' in asked.content.decode()
    empty = client.post(APPLICATIONS, {**selected, "apply": "1", "reason": "  "})
    assert empty.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(APPLICATIONS, {**selected, "apply": "1", "reason": "Brak sprawozdania"})
    assert done.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert application.refusal_reason == "Brak sprawozdania"
    assert len(mail.outbox) == 1
    assert "Brak sprawozdania" in mail.outbox[0].body


def test_revocation_needs_a_reason(client, holder):
    partner, products = holder
    made = certificate(partner, products)
    client.force_login(committee_member())
    selected = {"action": "revoke", ACTION_CHECKBOX_NAME: [made.pk]}
    assert client.post(CERTIFICATES, {**selected, "apply": "1", "reason": ""}).status_code == 200
    made.refresh_from_db()
    assert made.revoked_on is None
    with clock(TODAY):
        client.post(CERTIFICATES, {**selected, "apply": "1", "reason": "Naruszenie zasad"})
    made.refresh_from_db()
    assert made.revoked_on == TODAY
    assert made.revocation_reason == "Naruszenie zasad"
    assert len(mail.outbox) == 1
    assert "Naruszenie zasad" in mail.outbox[0].body


@pytest.mark.parametrize(
    "who, status",
    [("anonymous", 302), ("pes", 302), ("staff_without_group", 403), ("committee", 200)],
)
def test_admin_access(client, holder, who, status):
    users = {
        "anonymous": None,
        "pes": PesUserFactory(partners=[holder[0]]),
        "staff_without_group": UserFactory(is_staff=True),
        "committee": committee_member(),
    }
    if users[who] is not None:
        client.force_login(users[who])
    assert client.get(APPLICATIONS).status_code == status
    assert client.get(CERTIFICATES).status_code == status


def test_committee_forms_open_and_an_empty_number_takes_the_next(client, holder):
    partner, products = holder
    made = certificate(partner, products, number="ZP/2026/0001")
    client.force_login(committee_member())
    assert client.get(reverse("admin:certificates_certificate_add")).status_code == 200
    change = reverse("admin:certificates_certificate_change", args=[made.pk])
    assert client.get(change).status_code == 200
    response = client.post(
        reverse("admin:certificates_certificate_add"),
        {
            "number": "",
            "holder": partner.pk,
            "products": [products[0].pk],
            "scope": "",
            "issued_on": "2026-06-01",
            "valid_until": "2027-05-31",
            "revoked_on": "",
            "revocation_reason": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Certificate.objects.filter(number="ZP/2026/0002", holder=partner).exists()
    revoked_without_reason = client.post(
        change,
        {
            "number": made.number,
            "holder": partner.pk,
            "products": [products[0].pk],
            "issued_on": "2026-01-15",
            "valid_until": "2027-01-14",
            "revoked_on": "2026-06-01",
            "revocation_reason": "",
        },
    )
    assert revoked_without_reason.status_code == 200
    made.refresh_from_db()
    assert made.revoked_on is None
