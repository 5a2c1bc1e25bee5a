"""Sending an issued invoice to KSeF (the national e-invoice system), off unless configured.

Settings: KSEF_ENABLED (False by default), KSEF_ENVIRONMENT ("test", "demo" or "prod"; "test"
by default), KSEF_BASE_URL (overrides the environment's address). Each PES enters its own KSeF
token (`KsefCredentials`). "Send to KSeF" only queues a task; the worker authenticates with the
token, opens an online session, sends the FA(3) XML and stores the reference KSeF returns. A
failure is retried with growing pauses (`portal/jobs/retry.py`), then recorded as failed with
the error for the PES to see.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from ksef_client import KsefClient, KsefClientOptions, KsefEnvironment
from ksef_client.models import FormCode
from ksef_client.services.workflows import AuthCoordinator, OnlineSessionWorkflow

from portal.jobs.retry import retry_later

from .models import Invoice, KsefCredentials, KsefStatus

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
FA3_FORM = {"system_code": "FA (3)", "schema_version": "1-0E", "value": "FA"}


class KsefError(Exception):
    """Sending refused before anything was queued; the message is for the PES."""


def enabled() -> bool:
    return bool(getattr(settings, "KSEF_ENABLED", False))


def base_url() -> str:
    configured = getattr(settings, "KSEF_BASE_URL", "")
    if configured:
        return configured
    environment = str(getattr(settings, "KSEF_ENVIRONMENT", "test")).upper()
    return KsefEnvironment[environment].value


def queue(invoice: Invoice) -> None:
    """Mark the invoice queued and queue the sending after commit; refusals raise KsefError."""
    if not enabled():
        raise KsefError(_("Sending invoices to KSeF is switched off on this portal."))
    if not KsefCredentials.objects.filter(partner_id=invoice.partner_id).exists():
        raise KsefError(_("Enter your KSeF token first."))
    with transaction.atomic():
        updated = Invoice.objects.filter(
            pk=invoice.pk, ksef_status__in=(KsefStatus.NOT_SENT, KsefStatus.FAILED)
        ).update(ksef_status=KsefStatus.QUEUED, ksef_error="")
        if not updated:
            raise KsefError(_("This invoice has already been sent or is being sent."))
        transaction.on_commit(lambda: send_invoice.enqueue(invoice.pk))


def send(invoice: Invoice, token: str) -> str:
    """Authenticate with the PES's token, send the XML in an online session; the reference."""
    options = KsefClientOptions(base_url=base_url())
    with KsefClient(options) as client:
        token_pem = client.security.get_public_key_certificate_pem("KsefTokenEncryption")
        auth = AuthCoordinator(client.auth).authenticate_with_ksef_token(
            token=token,
            public_certificate=token_pem,
            context_identifier_type="Nip",
            context_identifier_value=invoice.seller_nip,
        )
    access_token = auth.access_token
    with KsefClient(options, access_token=access_token) as client:
        symmetric_pem = client.security.get_public_key_certificate_pem("SymmetricKeyEncryption")
        workflow = OnlineSessionWorkflow(client.sessions)
        session = workflow.open_session(
            form_code=FormCode(**FA3_FORM),
            public_certificate=symmetric_pem,
            access_token=access_token,
        )
        with invoice.xml.open("rb") as handle:
            xml = handle.read()
        try:
            response = workflow.send_invoice(
                session_reference_number=session.reference_number,
                invoice_xml=xml,
                encryption_data=session.encryption_data,
                access_token=access_token,
            )
        finally:
            workflow.close_session(session.reference_number, access_token)
    return str(response.reference_number)


@task()
def send_invoice(invoice_id: int, attempt: int = 1) -> str:
    invoice = Invoice.objects.filter(pk=invoice_id, ksef_status=KsefStatus.QUEUED).first()
    if invoice is None:
        return "not queued"
    credentials = KsefCredentials.objects.filter(partner_id=invoice.partner_id).first()
    if credentials is None or not enabled():
        Invoice.objects.filter(pk=invoice_id).update(
            ksef_status=KsefStatus.FAILED,
            ksef_error=_("KSeF is switched off or the PES has no KSeF token."),
        )
        return "failed"
    try:
        reference = send(invoice, credentials.token)
    except Exception as error:  # noqa: BLE001  (network, HTTP and KSeF errors alike)
        logger.warning(
            "KSeF sending of invoice %s failed (attempt %s): %s", invoice_id, attempt, error
        )
        if retry_later(send_invoice, invoice_id, attempt=attempt, max_attempts=MAX_ATTEMPTS):
            Invoice.objects.filter(pk=invoice_id).update(ksef_error=str(error)[:2000])
            return "retrying"
        Invoice.objects.filter(pk=invoice_id).update(
            ksef_status=KsefStatus.FAILED, ksef_error=str(error)[:2000]
        )
        return "failed"
    Invoice.objects.filter(pk=invoice_id).update(
        ksef_status=KsefStatus.SENT,
        ksef_number=reference,
        ksef_error="",
        ksef_sent_at=timezone.now(),
    )
    return "sent"
