"""One PDF check for every upload (certificate attachments, recommendation letters): the file
is parsed with pypdf; polyglots, scripts, attachments, launch actions, damaged, encrypted and
empty documents are refused with their own message, and a plain PDF passes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.certificates.models import validate_pdf_upload as certificate_check
from portal.competition.uploads import validate_pdf_upload as letter_check
from portal.uploads import validate_pdf
from tests.helpers import pdfs

CHECKS = [certificate_check, letter_check, validate_pdf]
CHECK_IDS = ["certificate_attachment", "recommendation_letter", "validate_pdf"]

REFUSED = [
    ("polyglot", pdfs.polyglot, "trailing_data"),
    ("javascript_on_open", pdfs.javascript_on_open, "javascript"),
    ("javascript_in_names", pdfs.javascript_in_names, "javascript"),
    ("additional_actions", pdfs.additional_actions, "javascript"),
    ("embedded_file", pdfs.embedded_file, "embedded_files"),
    ("launch_action", pdfs.launch_action, "launch"),
    ("broken", pdfs.broken_pdf, "damaged"),
    ("truncated", lambda: pdfs.PLAIN_PDF[: len(pdfs.PLAIN_PDF) // 2], "damaged"),
    ("encrypted", pdfs.encrypted_pdf, "encrypted"),
    ("no_pages", pdfs.no_pages, "no_pages"),
    ("not_a_pdf", lambda: b"GIF89a\x01\x00\x01\x00", "not_pdf"),
    ("header_not_first", lambda: b"<html>" + pdfs.PLAIN_PDF, "not_pdf"),
]


def _upload(content: bytes, name: str = "dokument.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.mark.parametrize("check", CHECKS, ids=CHECK_IDS)
def test_a_plain_pdf_passes(check) -> None:
    upload = _upload(pdfs.PLAIN_PDF)
    upload.seek(7)
    check(upload)
    assert upload.tell() == 7  # the file is left where the form had it


def test_a_reportlab_pdf_passes() -> None:
    from portal.demo.certificates import _demo_pdf

    validate_pdf(_upload(_demo_pdf()))


@pytest.mark.parametrize("check", CHECKS, ids=CHECK_IDS)
@pytest.mark.parametrize(("label", "make", "code"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused(check, label, make, code) -> None:
    with pytest.raises(ValidationError) as caught:
        check(_upload(make(), f"{label}.pdf"))
    assert caught.value.code == code
    assert f"{label}.pdf" in caught.value.messages[0]


def test_a_little_whitespace_after_eof_is_fine_but_not_more() -> None:
    validate_pdf(_upload(pdfs.PLAIN_PDF + b"\r\n  \n"))
    with pytest.raises(ValidationError) as caught:
        validate_pdf(_upload(pdfs.PLAIN_PDF + b" " * 4096))
    assert caught.value.code == "trailing_data"


def test_the_size_limit_stays() -> None:
    with pytest.raises(ValidationError) as caught:
        certificate_check(_upload(pdfs.PLAIN_PDF + b"0" * (5 * 1024 * 1024)))
    assert caught.value.code == "too_large"
    with pytest.raises(ValidationError) as caught:
        validate_pdf(_upload(pdfs.PLAIN_PDF), max_bytes=100)
    assert caught.value.code == "too_large"


def test_messages_read_in_polish() -> None:
    from django.utils import translation

    with translation.override("pl"), pytest.raises(ValidationError) as caught:
        validate_pdf(_upload(b"GIF89a", "obrazek.pdf"))
    assert caught.value.messages == ["Plik obrazek.pdf nie jest plikiem PDF."]


def test_the_application_form_refuses_a_scripted_pdf(client, demo) -> None:
    """Through the form: the PES sees the reason and nothing is saved."""
    from django.urls import reverse
    from django.utils import translation

    from marketplace.certificates.models import Application
    from tests.factories import PesUserFactory, pes_with_products

    partner, products = pes_with_products("Spółdzielnia Skryptowa")
    client.force_login(PesUserFactory(partners=[partner]))
    before = Application.objects.count()
    with translation.override("en"):  # whatever language an earlier test left active
        url = reverse("certificates:application-create")
    response = client.post(
        url,
        {
            "partner": partner.pk,
            "products": [p.pk for p in products],
            "legal_form_confirmed": "on",
            "social_goals": "Zatrudniamy osoby długotrwale bezrobotne.",
            "operating_six_months": "on",
            "own_revenue_share": "45",
            "attachments": [_upload(pdfs.javascript_on_open(), "statut.pdf")],
        },
    )
    assert response.status_code == 400
    assert "statut.pdf contains JavaScript" in response.content.decode()
    assert Application.objects.count() == before


def test_demo_attachments_are_private(demo) -> None:
    from django.core.files.storage import storages

    from marketplace.certificates.models import ApplicationAttachment

    attachments = ApplicationAttachment.objects.all()
    assert attachments.exists()
    for found in attachments:
        assert found.file.storage.location == storages["private"].location
        assert storages["private"].exists(found.file.name)
        assert not storages["default"].exists(found.file.name)
