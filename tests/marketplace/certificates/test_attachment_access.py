"""Application attachments live in private storage and leave only through the checked view:
the applicant PES's staff, the committee and superusers get the file; nobody else does."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from marketplace.certificates.models import Application, ApplicationAttachment
from tests.factories import PesUserFactory, UserFactory, committee_member, pes_with_products
from tests.helpers.pdfs import PLAIN_PDF

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_certificates")]


@pytest.fixture
def attachment():
    partner, _products = pes_with_products("Spółdzielnia Wnioskująca")
    application = Application.objects.create(
        partner=partner, social_goals="Praca dla osób wykluczonych.", own_revenue_share=40
    )
    made = ApplicationAttachment.objects.create(
        application=application,
        file=ContentFile(PLAIN_PDF, name="sprawozdanie.pdf"),
        original_name="sprawozdanie-finansowe.pdf",
    )
    yield made
    made.file.delete(save=False)


def test_the_file_is_in_private_storage_not_under_media(client, attachment):
    private = storages["private"]
    assert attachment.file.storage.location == private.location
    assert private.exists(attachment.file.name)
    assert not storages["default"].exists(attachment.file.name)
    url = reverse("certificates:attachment", kwargs={"pk": attachment.pk})
    assert not url.startswith(settings.MEDIA_URL)
    # Guessing the media address gets nothing.
    assert client.get(settings.MEDIA_URL + attachment.file.name).status_code == 404


def _users(attachment) -> dict:
    partner = attachment.application.partner
    other, _products = pes_with_products("Spółdzielnia Inna")
    return {
        "anonymous": None,
        "customer": UserFactory(),
        "staff without the committee": UserFactory(is_staff=True),
        "other PES staff": PesUserFactory(partners=[other]),
        "own PES staff": PesUserFactory(partners=[partner]),
        "committee": committee_member(),
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }


# anonymous: sent to log in; everyone who may not read it: 404 (the attachment's existence
# is not confirmed); the applicant, the committee and superusers: the PDF.
EXPECTED = {
    "anonymous": 302,
    "customer": 404,
    "staff without the committee": 404,
    "other PES staff": 404,
    "own PES staff": 200,
    "committee": 200,
    "superuser": 200,
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_who_may_download(client, attachment, who):
    user = _users(attachment)[who]
    if user is not None:
        client.force_login(user)
    url = reverse("certificates:attachment", kwargs={"pk": attachment.pk})
    response = client.get(url)
    assert response.status_code == EXPECTED[who]
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PLAIN_PDF
        assert "sprawozdanie-finansowe.pdf" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
    elif who == "anonymous":
        assert "/login" in response["Location"] or "login" in response["Location"]


def test_a_missing_file_is_a_404_not_an_error(client, attachment):
    attachment.file.delete(save=False)
    client.force_login(committee_member())
    url = reverse("certificates:attachment", kwargs={"pk": attachment.pk})
    assert client.get(url).status_code == 404
