"""The PES's application pages: who may open them, and bad input saving nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.certificates.models import Application, ApplicationAttachment, ApplicationStatus
from tests.factories import PesUserFactory, UserFactory, committee_member, pes_with_products
from tests.helpers.clock import clock
from tests.helpers.pdfs import PLAIN_PDF

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_certificates")]

PDF = PLAIN_PDF  # a real one-page PDF: uploads are parsed, not judged by their first bytes
TODAY = date(2026, 6, 1)
CREATE_EN = "/en/certyfikat/wniosek/nowy/"


def _pdf(name: str = "statut.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def own():
    partner, products = pes_with_products("Spółdzielnia Własna")
    return partner, products, PesUserFactory(partners=[partner])


@pytest.fixture
def other():
    partner, products = pes_with_products("Spółdzielnia Obca")
    return partner, products, PesUserFactory(partners=[partner])


def _data(pes, items, **overrides) -> dict:
    data = {
        "partner": pes.pk,
        "products": [p.pk for p in items],
        "legal_form_confirmed": "on",
        "social_goals": "Zatrudniamy osoby długotrwale bezrobotne.",
        "operating_six_months": "on",
        "own_revenue_share": "45",
        "attachments": [_pdf()],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_pes_applies_for_its_own_products(client, own):
    partner, products, user = own
    client.force_login(user)
    url = reverse("certificates:application-create")
    assert client.get(url).status_code == 200
    response = client.post(url, _data(partner, products))
    assert response.status_code == 303
    application = Application.objects.get()
    assert application.partner == partner
    assert application.status == ApplicationStatus.SUBMITTED
    assert set(application.products.all()) == set(products)
    assert application.submitted_by == user
    attachment = application.attachments.get()
    assert attachment.original_name == "statut.pdf"
    assert attachment.file.read(5) == b"%PDF-"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "statut.pdf" in page.content.decode()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"attachments": [_pdf("statut.pdf", b"GIF89a not a pdf")]}, "is not a PDF file"),
        ({"attachments": [_pdf("wielki.pdf", PDF + b"0" * (5 * 1024 * 1024))]}, "too large"),
        ({"attachments": None}, "This field is required"),
        ({"social_goals": ""}, "This field is required"),
        ({"legal_form_confirmed": None}, "This field is required"),
        ({"products": None}, "This field is required"),
        ({"own_revenue_share": "29.99"}, "at least 30% own revenue"),
        ({"own_revenue_share": "140"}, "less than or equal to 100"),
    ],
)
def test_bad_input_saves_nothing(client, own, overrides, message):
    partner, products, user = own
    client.force_login(user)
    with clock(TODAY):
        response = client.post(
            CREATE_EN,
            _data(partner, products, **overrides),
        )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()
    assert not ApplicationAttachment.objects.exists()


def test_a_product_of_another_pes_is_refused(client, own, other):
    partner, products, user = own
    client.force_login(user)
    response = client.post(
        CREATE_EN,
        _data(partner, [products[0], other[1][0]]),
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Application.objects.exists()


def test_applying_for_another_pes_is_refused(client, own, other):
    _partner, _products, user = own
    client.force_login(user)
    response = client.post(CREATE_EN, _data(other[0], other[1]))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_operating_since_must_be_six_months_back(client, own):
    partner, products, user = own
    partner.operating_since = date(2026, 3, 1)
    partner.save()
    client.force_login(user)
    with clock(TODAY):
        response = client.post(CREATE_EN, _data(partner, products))
    assert response.status_code == 400
    assert "less than 6 months" in response.content.decode()
    partner.operating_since = date(2025, 12, 1)
    partner.save()
    with clock(TODAY):
        response = client.post(reverse("certificates:application-create"), _data(partner, products))
    assert response.status_code == 303


def _application(partner, products) -> Application:
    application = Application.objects.create(
        partner=partner,
        legal_form_confirmed=True,
        social_goals="Cele",
        operating_six_months=True,
        own_revenue_share=50,
    )
    application.products.set(products)
    return application


@pytest.mark.parametrize(
    "who, list_status, create_status, own_detail, other_detail",
    [
        ("anonymous", 302, 302, 302, 302),
        ("own_pes", 200, 200, 200, 404),
        ("customer", 403, 403, 403, 403),
        ("committee", 403, 403, 403, 403),
        ("staff", 403, 403, 403, 403),
    ],
)
def test_permission_matrix(
    client, own, other, who, list_status, create_status, own_detail, other_detail
):
    mine = _application(own[0], own[1])
    theirs = _application(other[0], other[1])
    users = {
        "anonymous": None,
        "own_pes": own[2],
        "customer": UserFactory(),
        "committee": committee_member(),
        "staff": UserFactory(is_staff=True, is_superuser=True),
    }
    if users[who] is not None:
        client.force_login(users[who])
    assert client.get(reverse("certificates:application-list")).status_code == list_status
    assert client.get(reverse("certificates:application-create")).status_code == create_status
    assert client.get(mine.get_absolute_url()).status_code == own_detail
    assert client.get(theirs.get_absolute_url()).status_code == other_detail
    if who == "own_pes":
        page = client.get(reverse("certificates:application-list")).content.decode()
        assert mine.get_absolute_url() in page
        assert theirs.get_absolute_url() not in page


def test_attachments_only_for_their_pes_and_the_committee(client, own, other):
    partner, products, user = own
    client.force_login(user)
    client.post(reverse("certificates:application-create"), _data(partner, products))
    attachment = ApplicationAttachment.objects.get()
    url = reverse("certificates:attachment", kwargs={"pk": attachment.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "statut.pdf" in response["Content-Disposition"]
    client.force_login(other[2])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code == 404
    client.force_login(committee_member())
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302
