"""A company finds certified caterers in one powiat, shortlists three, exports the list and
sends them one quote request; the listing, a profile and the shortlist are axe-clean."""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e


def _suppliers(tag: str) -> dict:
    """Four caterers in a fresh powiat, three of them certified (committed: the server sees
    them); one field of activity of their own, so the demo never changes the counts."""
    from django.utils import timezone

    from marketplace.certificates.models import Certificate
    from tests.factories import ActivityFieldFactory, PartnerFactory, PowiatFactory

    powiat = PowiatFactory(code=f"e2e-{tag}", name=f"Próbny {tag}")
    catering = ActivityFieldFactory(
        slug=f"e2e-catering-{tag}", name=f"Catering {tag}", name_en=f"Catering {tag}"
    )
    today = timezone.localdate()
    partners = []
    for number, name in enumerate(["Smaczna", "Zupa", "Obiadek", "Bez Certyfikatu"]):
        partner = PartnerFactory(
            name=f"{name} {tag}",
            powiat=powiat,
            city="Kielce",
            nip="",
            email=f"pes{number}-{tag}@example.org",
            employees_total=10,
            employees_at_risk=5,
        )
        partner.activity_fields.add(catering)
        if number < 3:
            Certificate.objects.create(
                number=f"ZP/2026/{int(tag, 16) % 900000 + number:06d}",
                holder=partner,
                issued_on=today - timedelta(days=5),
                valid_until=today + timedelta(days=300),
            )
        partners.append(partner)
    return {"powiat": powiat, "catering": catering, "partners": partners}


def _cleanup(data: dict, email: str) -> None:
    from marketplace.certificates.models import Certificate
    from marketplace.quotes.models import QuoteRequest

    QuoteRequest.objects.filter(email=email).delete()
    Certificate.objects.filter(holder__in=data["partners"]).delete()
    for partner in data["partners"]:
        partner.delete()
    data["catering"].delete()
    data["powiat"].delete()


def test_company_shortlists_certified_caterers_and_asks_them(
    page, server_url, django_db_blocker, tmp_path: Path
):
    tag = uuid.uuid4().hex[:6]
    email = f"przetarg-{tag}@firma.example.org"
    with django_db_blocker.unblock():
        data = _suppliers(tag)
    certified = data["partners"][:3]
    try:
        page.goto(server_url + "/baza-pes/")
        expect(page.locator("h1")).to_have_count(1)
        assert serious_violations(page) == []

        page.locator(f"#f-powiat-{data['powiat'].code}").check()
        page.locator(f"#f-activity-{data['catering'].slug}").check()
        page.locator("#f-certified").check()
        page.locator("form.directory__filters button[type=submit]").click()
        page.wait_for_url(re.compile(r"certified=1"))
        cards = page.locator(".pes-card")
        expect(cards).to_have_count(3)
        expect(page.locator("#directory-count")).to_contain_text("3")
        assert serious_violations(page) == []
        filtered_url = page.url

        for partner in certified:
            card = page.locator(".pes-card", has_text=partner.name)
            card.locator(".shortlist-add button").click()
            page.wait_for_url(filtered_url)
            expect(page.locator(".directory-messages")).to_contain_text(partner.name)

        page.locator(".pes-card__name a", has_text=certified[0].name).click()
        page.wait_for_url(re.compile(rf"/baza-pes/{certified[0].code}/$"))
        expect(page.locator("h1")).to_have_text(certified[0].name)
        assert serious_violations(page) == []

        page.goto(server_url + "/baza-pes/lista/")
        rows = page.locator(".shortlist__table tbody tr")
        expect(rows).to_have_count(3)
        assert serious_violations(page) == []

        with page.expect_download() as download_info:
            page.locator("a[href$='lista-pes.csv']").click()
        target = tmp_path / "lista.csv"
        download_info.value.save_as(target)
        exported = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
        assert sorted(row[0] for row in exported[1:]) == sorted(p.name for p in certified)

        page.locator("form.shortlist__quote button[type=submit]").click()
        page.wait_for_url(re.compile(r"/sklep/zapytania/$"))
        ticked = page.locator("input[name=partners]:checked")
        expect(ticked).to_have_count(3)
        assert {ticked.nth(i).get_attribute("value") for i in range(3)} == {
            str(p.pk) for p in certified
        }
        page.fill("#id_subject", "Catering na konferencję, 60 osób")
        page.fill("#id_description", "Obiad i dwie przerwy kawowe, w tym 5 porcji wegańskich.")
        page.fill("#id_location", "Kielce, ul. Sienkiewicza 10")
        page.fill("#id_quantity", "60 osób")
        page.fill("#id_contact_name", "Anna Przetargowa")
        page.fill("#id_organisation", "Urząd Testowy")
        page.fill("#id_email", email)
        page.locator("#id_consent").check()
        page.locator("form.quote-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/sklep/zapytania/wyslano/$"))
        expect(page.locator("main")).to_contain_text(email)

        with django_db_blocker.unblock():
            from marketplace.quotes.models import QuoteRequest

            quote_request = QuoteRequest.objects.get(email=email)
            asked = set(quote_request.quotes.values_list("partner_id", flat=True))
            assert asked == {p.pk for p in certified}
    finally:
        with django_db_blocker.unblock():
            _cleanup(data, email)
