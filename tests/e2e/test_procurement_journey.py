"""A gmina publishes a reserved notice, the two matching PES hear of it and offer, the offers
stay sealed until the opening time, the gmina awards one, the award is public and the other PES
is told.

The server is another process, so its clock cannot be stopped: the opening time is reached by
moving the notice's deadline and opening time into the past, as time passing would.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e

GMINA_LOGIN = "zamowienia@checiny.example.org"  # the demo Gmina Chęciny's administrator
DEMO_PASSWORD = "demo-es-2026"
PES_PASSWORD = "haslo-testowe-1"  # UserFactory's
CONTEXT = {"locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def two_pes(django_db_blocker) -> Iterator[dict]:
    """A field of activity of its own and two art. 94 PES in the powiat kielecki working in it,
    each with a staff account; removed afterwards with everything the journey made."""
    from django.core.cache import caches

    from marketplace.procurement.models import Notice
    from portal.mail.models import OutgoingEmail
    from portal.organisations.models import Powiat
    from tests.factories import ActivityFieldFactory, PartnerFactory, PesUserFactory

    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        if "ratelimit" in settings.CACHES:
            caches["ratelimit"].clear()
        field = ActivityFieldFactory(name=f"konserwacja zieleni {tag}", slug=f"zielen-{tag}")
        powiat = Powiat.objects.get(code="kielecki")
        pes = []
        for name in ("Zielona Brygada", "Ogrody Razem"):
            partner = PartnerFactory(
                name=f"{name} {tag}",
                powiat=powiat,
                email=f"{name.split()[0].lower()}-{tag}@pes.example.org",
                employees_total=10,
                employees_at_risk=4,
            )
            partner.activity_fields.add(field)
            user = PesUserFactory(
                email=f"biuro-{partner.pk}-{tag}@pes.example.org", partners=[partner]
            )
            pes.append({"partner": partner, "user": user})
    yield {"tag": tag, "field": field, "pes": pes}
    with django_db_blocker.unblock():
        notices = Notice.objects.filter(subject__contains=tag)
        notices.update(awarded_offer=None)
        notices.delete()
        addresses = [item["partner"].email for item in pes]
        for email in OutgoingEmail.objects.filter(subject__contains="ZP/"):
            if set(email.recipients) & set(addresses):
                email.delete()
        for item in pes:
            item["partner"].delete()
            item["user"].delete()
        field.delete()


def _log_in(browser, server_url: str, email: str, password: str):
    context = browser.new_context(**CONTEXT)
    page = context.new_page()
    page.goto(server_url + "/sklep/accounts/login/")
    page.fill("input[name=login-username]", email)
    page.fill("input[name=login-password]", password)
    with page.expect_navigation():
        page.locator("button[name=login_submit]").click()
    assert "/accounts/login/" not in page.url, f"{email} could not log in"
    return context, page


def _mail_to(django_db_blocker, address: str) -> list[str]:
    """Subjects of the e-mails the server put in the outbox for this address."""
    from portal.mail.models import OutgoingEmail

    with django_db_blocker.unblock():
        return [
            email.subject
            for email in OutgoingEmail.objects.order_by("pk")
            if address in email.recipients
        ]


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_demo_has_notices_in_every_phase(demo):
    """Checks the demo, and makes pytest-django build the test database for this module."""
    from marketplace.procurement.models import Notice, NoticeKind, Phase

    demo_notices = Notice.objects.filter(reference__startswith="ZP/DEMO/")
    assert {n.phase() for n in demo_notices.public()} == set(Phase.values)
    assert demo_notices.filter(kind=NoticeKind.RESERVED).public().exists()
    assert demo_notices.filter(kind=NoticeKind.SOCIAL_CLAUSES).public().exists()
    awarded = demo_notices.get(status="awarded")
    assert awarded.order is not None and awarded.order.invoice_requested


def test_reserved_notice_from_publication_to_award(browser, server_url, two_pes, django_db_blocker):
    from marketplace.procurement.models import Notice, NoticeStatus, Offer

    tag, field = two_pes["tag"], two_pes["field"]
    winner, other = two_pes["pes"]
    subject = f"Pielęgnacja terenów zielonych przy szkołach {tag}"

    # The gmina writes the notice as a draft, then publishes it (a verified buyer: at once).
    context, page = _log_in(browser, server_url, GMINA_LOGIN, DEMO_PASSWORD)
    page.goto(server_url + "/zamowienia/panel/ogloszenia/nowe/")
    expect(page.locator("h1")).to_have_count(1)
    assert serious_violations(page) == []
    deadline = timezone.now() + timedelta(days=3)
    page.locator("input[name=kind][value=reserved]").check()
    page.fill("#id_subject", subject)
    page.fill("#id_description", "Koszenie i pielęgnacja zieleni przy trzech szkołach gminy.")
    page.locator(f"input[name=activity_fields][value='{field.pk}']").check()
    page.get_by_label("powiat kielecki", exact=True).check()
    page.fill("#id_estimated_value", "60000")
    page.fill("#id_deadline", _local(deadline))
    page.fill("#id_opening_at", _local(deadline + timedelta(hours=1)))
    page.locator("main form[enctype='multipart/form-data'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/zamowienia/panel/ogloszenia/\d+/$"))
    notice_id = int(re.search(r"/ogloszenia/(\d+)/$", page.url).group(1))
    page.locator(f"form[action$='/ogloszenia/{notice_id}/publikuj/'] button").click()
    page.wait_for_load_state()
    with django_db_blocker.unblock():
        notice = Notice.objects.get(pk=notice_id)
        assert notice.status == NoticeStatus.PUBLISHED
        reference = notice.reference

    # Both matching PES got one alert e-mail each, and nobody else in their field.
    for item in (winner, other):
        alerts = [s for s in _mail_to(django_db_blocker, item["partner"].email) if subject in s]
        assert len(alerts) == 1, alerts

    # Both offer from their dashboards.
    for item, price in ((winner, "48317.29"), (other, "51943.67")):
        pes_context, pes_page = _log_in(browser, server_url, item["user"].email, PES_PASSWORD)
        pes_page.goto(f"{server_url}/sklep/dashboard/zamowienia/{notice_id}/")
        pes_page.fill("#id_offer-price", price)
        pes_page.fill("#id_offer-terms", f"Ekipa 5 osób, sprzęt własny ({item['partner'].name}).")
        pes_page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
        pes_page.wait_for_load_state()
        expect(pes_page.locator("body")).to_contain_text(price[-5:].replace(".", ","))  # its offer
        pes_context.close()
    with django_db_blocker.unblock():
        assert Offer.submissions.filter(notice_id=notice_id).count() == 2
        assert not Offer.objects.filter(notice_id=notice_id).exists()

    # Before the opening the gmina sees that offers are sealed, and no offer.
    page.goto(f"{server_url}/zamowienia/panel/ogloszenia/{notice_id}/")
    offers = page.locator("section[aria-labelledby=offers-title]")
    expect(offers).to_contain_text("zapieczętowane")
    for item in (winner, other):
        expect(page.locator("main")).not_to_contain_text(item["partner"].name)
    for grosze in ("317,29", "317.29", "943,67", "943.67"):  # no price, in any notation
        expect(page.locator("main")).not_to_contain_text(grosze)
    assert serious_violations(page) == []

    def about_notice(item: dict) -> list[str]:
        mail = _mail_to(django_db_blocker, item["partner"].email)
        return [s for s in mail if reference in s or subject in s]

    before_award = {item["partner"].pk: len(about_notice(item)) for item in (winner, other)}

    # Time passes: the deadline and the opening time are behind us.
    with django_db_blocker.unblock():
        Notice.objects.filter(pk=notice_id).update(
            deadline=timezone.now() - timedelta(hours=2),
            opening_at=timezone.now() - timedelta(hours=1),
        )

    # After the opening the gmina compares both offers and awards the cheaper one.
    page.goto(f"{server_url}/zamowienia/panel/ogloszenia/{notice_id}/")
    rows = offers.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(winner["partner"].name)
    assert serious_violations(page) == []
    page.get_by_label(re.compile(re.escape(winner["partner"].name))).check()
    page.locator(f"form[action$='/ogloszenia/{notice_id}/rozstrzygnij/'] button").click()
    page.wait_for_load_state()
    expect(offers).to_contain_text(winner["partner"].name)
    with django_db_blocker.unblock():
        notice = Notice.objects.select_related("awarded_offer__partner").get(pk=notice_id)
        assert notice.status == NoticeStatus.AWARDED
        assert notice.awarded_offer.partner == winner["partner"]

    # The gmina's social-value statement of the year is readable too (axe).
    page.goto(f"{server_url}/zamowienia/wartosc-spoleczna/?buyer=gmina-checiny")
    expect(page.locator("h1")).to_contain_text("Gmina Chęciny")
    assert serious_violations(page) == []
    context.close()

    # The award is public, for anyone, on the notice page and the board.
    public = browser.new_context(**CONTEXT)
    visitor = public.new_page()
    visitor.goto(f"{server_url}/zamowienia/{notice_id}/")
    main = visitor.locator("main")
    expect(main).to_contain_text(winner["partner"].name)
    expect(main).to_contain_text("rozstrzygnięte")
    expect(main).not_to_contain_text(other["partner"].name)
    assert serious_violations(visitor) == []
    visitor.goto(f"{server_url}/zamowienia/?phase=awarded")
    expect(visitor.locator("main")).to_contain_text(subject)
    public.close()

    # Every bidder is told once: the other PES that it was not chosen, the winner that it won.
    for item in (winner, other):
        told = about_notice(item)
        assert len(told) == before_award[item["partner"].pk] + 1, told
    assert about_notice(winner)[-1] != about_notice(other)[-1]
