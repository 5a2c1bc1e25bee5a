"""The demo: about a third of the PES certified, one expired, one revoked, one expiring soon,
applications in several states; loading again adds nothing."""

from __future__ import annotations

import pytest

from marketplace.certificates.models import Application, Certificate, CertificateState
from portal.demo.certificates import CERTIFICATES, load_certificates

pytestmark = pytest.mark.usefixtures("demo")


def test_demo_certificates_in_every_state(client):
    # The PES database's yearly renewals (portal/demo/sector.py) are tested with it.
    own = Certificate.objects.filter(holder__code__in=[c.pes for c in CERTIFICATES])
    states = [c.state() for c in own]
    assert len(states) == 10
    assert states.count(CertificateState.EXPIRED) == 1
    assert states.count(CertificateState.REVOKED) == 1
    assert states.count(CertificateState.EXPIRING) == 1
    assert all(c.products.exists() for c in own)
    assert {a.status for a in Application.objects.all()} == {"submitted", "under_review", "refused"}
    load_certificates(lambda _message: None)
    assert own.count() == 10
    assert Application.objects.count() == 3
    register = client.get("/certyfikat/").content.decode()
    assert register.count("/certyfikat/ZP-") == Certificate.objects.valid_on().count()
    assert Certificate.objects.valid_on().filter(pk__in=own).count() == 8
    covered = Certificate.objects.valid_on().filter(pk__in=own).first().products.first()
    assert 'class="badge-zp"' in client.get(covered.get_absolute_url()).content.decode()
    expired = next(c for c in own if c.state() == "expired")
    product = expired.products.first()
    assert 'class="badge-zp"' not in client.get(product.get_absolute_url()).content.decode()
