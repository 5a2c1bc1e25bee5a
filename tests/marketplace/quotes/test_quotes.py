"""Quote requests: one request to many PES, their answers, the buyer's choice becoming an order."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from marketplace.quotes import services
from marketplace.quotes.models import Quote, QuoteRequest
from tests.factories import PartnerFactory, UserFactory, sell

Order = get_model("order", "Order")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def pl(message: str) -> str:
    """A message as the Polish pages show it (the default language), HTML-escaped."""
    from django.utils.html import escape
    from django.utils.translation import gettext, override

    with override("pl"):
        return escape(gettext(message))


TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _polish():
    """URLs and prices as a Polish visitor sees them, whatever an earlier test left active."""
    with translation.override("pl"):
        yield


# Fixtures -----------------------------------------------------------------------------------
def service_of(partner, title: str, category, price: str = "500.00"):
    """A service (no shipping, no stock) sold by `partner` in `category`."""
    service_class, _ = ProductClass.objects.get_or_create(
        slug="usluga-test",
        defaults={"name": "Usługa testowa", "requires_shipping": False, "track_stock": False},
    )
    product = sell(
        partner, title, price=price, stock=None, product_class=service_class.name, is_public=True
    )
    ProductCategory.objects.create(product=product, category=category)
    return product


def pes_user(partner):
    """A PES staff account: dashboard access, linked to its partner, never is_staff."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    partner.users.add(user)
    return user


@pytest.fixture
def catering():
    """Three PES selling catering; the first one's service is the page the buyer starts from."""
    category = create_from_breadcrumbs("Catering testowy")
    partners = [
        PartnerFactory(name=f"Catering {letter}", email=f"pes-{letter}@example.org", city="Kielce")
        for letter in "abc"
    ]
    services_ = [service_of(p, f"Catering {p.name}", category) for p in partners]
    return partners, services_


def valid_data(chosen, **changes) -> dict:
    data = {
        "form_sent": "1",
        "partners": [str(p.pk) for p in chosen],
        "subject": "Catering na szkolenie",
        "description": "Obiad i dwie przerwy kawowe.",
        "location": "Kielce, ul. Sienkiewicza 1",
        "needed_by": (TODAY + timedelta(days=20)).isoformat(),
        "quantity": "40 osób",
        "budget": "3000",
        "contact_name": "Joanna Nowicka",
        "organisation": "Firma Sp. z o.o.",
        "email": "kupiec@example.org",
        "phone": "+48 600 100 200",
        "nip": "526-025-02-74",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def request_url(product=None) -> str:
    url = reverse("quotes:request")
    return f"{url}?product={product.pk}" if product else url


def ask_three(client: Client, catering) -> QuoteRequest:
    partners, products = catering
    response = client.post(request_url(products[0]), valid_data(partners))
    assert response.status_code == 303, response.content.decode()[:3000]
    assert response["Location"] == reverse("quotes:sent")
    return QuoteRequest.objects.get(email="kupiec@example.org")


def answer(quote: Quote, price: str, days: int = 14) -> Quote:
    return services.answer_quote(
        quote,
        price=Decimal(price),
        terms=f"Cena {price} zł z dowozem.",
        valid_until=TODAY + timedelta(days=days),
    )


# The request ----------------------------------------------------------------------------------
def test_service_page_links_to_the_request_form(client, catering):
    _partners, products = catering
    response = client.get(products[0].get_absolute_url())
    assert f"{reverse('quotes:request')}?product={products[0].pk}" in response.content.decode()


def test_form_offers_other_pes_of_the_same_category(client, catering):
    _partners, products = catering
    elsewhere = PartnerFactory(name="Drukarnia obok")
    service_of(elsewhere, "Ulotki", create_from_breadcrumbs("Druk testowy"))
    response = client.get(request_url(products[0]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    primary, others = response.context["primary_partners"], response.context["other_partners"]
    assert [w.choice_label for w in primary] == ["Catering a (Kielce)"]
    assert {w.choice_label for w in others} == {"Catering b (Kielce)", "Catering c (Kielce)"}
    assert "Drukarnia obok" not in html
    assert pl("Send this request also to") in html
    # the service's own PES is ticked, the others are offered unticked
    assert "checked" in str(primary[0].tag())
    assert "checked" not in str(others[0].tag())


def test_after_an_error_ticked_pes_stay_in_their_group(client, catering):
    partners, products = catering
    response = client.post(request_url(products[0]), valid_data(partners[:2], consent=""))
    assert response.status_code == 200
    primary, others = response.context["primary_partners"], response.context["other_partners"]
    assert [w.choice_label for w in primary] == ["Catering a (Kielce)"]
    ticked = {w.choice_label for w in others if "checked" in str(w.tag())}
    assert ticked == {"Catering b (Kielce)"}


def test_link_with_many_partners_ticks_them_all(client, catering):
    partners, _products = catering
    query = "&".join(f"partner={p.pk}" for p in partners) + "&partner=nonsense&partner=999999"
    response = client.get(f"{reverse('quotes:request')}?{query}")
    assert response.status_code == 200
    ticked = [w for w in response.context["primary_partners"] if "checked" in str(w.tag())]
    assert len(ticked) == 3


def test_a_shortlist_may_post_partner_ids(client, catering):
    partners, _products = catering
    response = client.post(reverse("quotes:request"), {"partner": [p.pk for p in partners]})
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert not QuoteRequest.objects.filter(email="kupiec@example.org").exists()


def test_request_to_three_pes_makes_three_pending_quotes_and_emails(client, catering):
    partners, products = catering
    quote_request = ask_three(client, catering)

    assert quote_request.reference.startswith(f"ZO/{TODAY.year}/")
    assert quote_request.product == products[0]
    assert quote_request.nip == "5260250274"
    assert quote_request.status == QuoteRequest.Status.OPEN
    quotes = Quote.objects.filter(request=quote_request)
    assert {q.partner for q in quotes} == set(partners)
    assert {q.status for q in quotes} == {Quote.Status.PENDING}

    assert len(mail.outbox) == 4
    buyer = mail.outbox[0]
    assert buyer.to == ["kupiec@example.org"]
    assert quote_request.token in buyer.body
    assert quote_request.reference in buyer.subject
    for partner in partners:
        notice = next(m for m in mail.outbox[1:] if m.to == [partner.email])
        quote = quotes.get(partner=partner)
        assert reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}) in notice.body
        assert quote_request.token not in notice.body  # the buyer's link stays the buyer's
        for other in partners:
            if other != partner:
                assert other.name not in notice.body
        assert notice.reply_to == ["kupiec@example.org"]

    sent = client.get(reverse("quotes:sent"))
    assert quote_request.reference in sent.content.decode()
    assert "kupiec@example.org" in sent.content.decode()


def test_pes_without_email_is_reached_through_its_users(client, catering):
    partners, _products = catering
    partners[1].email = ""
    partners[1].save()
    pes_user(partners[1])
    ask_three(client, catering)
    staff_email = partners[1].users.get().email
    assert any(m.to == [staff_email] for m in mail.outbox)


def test_create_request_from_code_for_many_pes(catering):
    partners, _products = catering
    quote_request = services.create_request(
        partners=partners + [partners[0]],  # duplicates are asked once
        subject="Sprzątanie",
        description="Biuro 100 m²",
        location="Kielce",
        contact_name="Jan",
        email="jan@example.org",
        consent=True,
    )
    assert quote_request.quotes.count() == 3
    assert len(mail.outbox) == 4
    with pytest.raises(services.QuoteError):
        services.create_request(
            partners=[],
            subject="x",
            description="x",
            location="x",
            contact_name="x",
            email="x@example.org",
            consent=True,
        )


def test_references_are_numbered_within_the_year(catering):
    partners, _products = catering
    fields = {
        "subject": "a",
        "description": "b",
        "location": "c",
        "contact_name": "d",
        "email": "e@example.org",
        "consent": True,
        "notify": False,
    }
    first = services.create_request(partners=partners[:1], **fields)
    second = services.create_request(partners=partners[:1], **fields)
    assert int(second.reference.rsplit("/", 1)[1]) == int(first.reference.rsplit("/", 1)[1]) + 1
    assert first.token != second.token and len(first.token) >= 40


BAD_INPUTS = [
    ("subject", {"subject": ""}),
    ("description", {"description": "   "}),
    ("email", {"email": "nie-email"}),
    ("needed_by", {"needed_by": (TODAY - timedelta(days=1)).isoformat()}),
    ("needed_by", {"needed_by": "31.02.2026"}),
    ("budget", {"budget": "-5"}),
    ("budget", {"budget": "dużo"}),
    ("consent", {"consent": ""}),
    ("partners", {"partners": []}),
    ("partners", {"partners": ["abc"]}),
    ("nip", {"nip": "5260250275"}),
    ("phone", {"phone": "zadzwoń"}),
]


@pytest.mark.parametrize("field, change", BAD_INPUTS)
def test_bad_input_shows_the_form_again_and_saves_nothing(client, catering, field, change):
    partners, products = catering
    before = (QuoteRequest.objects.count(), Quote.objects.count())
    response = client.post(request_url(products[0]), valid_data(partners, **change))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    html = response.content.decode()
    assert 'role="alert"' in html
    anchor = next(a for a, _label, _message in response.context["error_links"] if a)
    assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
    assert (QuoteRequest.objects.count(), Quote.objects.count()) == before
    assert mail.outbox == []


def test_error_is_linked_to_its_field(client, catering):
    partners, products = catering
    response = client.post(request_url(products[0]), valid_data(partners, email="zly"))
    html = response.content.decode()
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html
    assert 'aria-invalid="true"' in html


def test_honeypot_filled_saves_and_sends_nothing(client, catering):
    partners, products = catering
    before = (QuoteRequest.objects.count(), Quote.objects.count())
    response = client.post(
        request_url(products[0]), valid_data(partners, website="http://spam.example")
    )
    assert response.status_code == 303
    assert (QuoteRequest.objects.count(), Quote.objects.count()) == before
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people_and_screen_readers(client, catering):
    _partners, products = catering
    html = client.get(request_url(products[0])).content.decode()
    trap = html.split('class="form-trap"')[1].split("</div>")[0]
    assert 'aria-hidden="true"' in trap
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap


def test_form_pages_are_never_cached(client, catering):
    _partners, products = catering
    for url in (request_url(), request_url(products[0]), reverse("quotes:sent")):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert "X-Page-Cache" not in response
        assert "X-Page-Cache" not in client.get(url)


def test_gets_never_write(client, catering, django_assert_max_num_queries):
    quote_request = ask_three(client, catering)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")  # the first page ever creates the site's settings row
    for url in (request_url(catering[1][0]), quote_request.get_absolute_url()):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
        ]
        assert writes == [], url


# Answers -----------------------------------------------------------------------------------
def test_each_pes_answers_and_the_buyer_sees_all_side_by_side(
    client, catering, django_assert_max_num_queries
):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    mail.outbox.clear()
    for partner, price in zip(partners, ["2800.00", "3100.00", "2950.00"], strict=True):
        user = pes_user(partner)
        pes = Client()
        pes.force_login(user)
        quote = Quote.objects.get(request=quote_request, partner=partner)
        page = pes.get(reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}))
        assert page.status_code == 200
        assert "Joanna Nowicka" in page.content.decode()
        response = pes.post(
            reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}),
            {
                "action": "answer",
                "price": price,
                "terms": "Z dowozem",
                "valid_until": (TODAY + timedelta(days=10)).isoformat(),
            },
        )
        assert response.status_code == 303
        quote.refresh_from_db()
        assert quote.status == Quote.Status.ANSWERED and quote.price == Decimal(price)
        assert quote.answered_at is not None
    assert len(mail.outbox) == 3
    assert all(m.to == ["kupiec@example.org"] for m in mail.outbox)
    assert all(quote_request.token in m.body for m in mail.outbox)

    buyer = Client()
    buyer.get(quote_request.get_absolute_url())  # warm the site chrome's cache
    with django_assert_max_num_queries(8):
        page = buyer.get(quote_request.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<h1") == 1
    for partner in partners:
        assert partner.name in html
    for price in ("800,00", "100,00", "950,00"):  # "2 800,00 zł" with a no-break space
        assert f"{price} zł" in html
    assert html.count('name="quote"') == 3
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-store" in page["Cache-Control"]
    assert QuoteRequest.objects.get(pk=quote_request.pk).status == QuoteRequest.Status.ANSWERED


def test_buyer_page_query_count_does_not_grow_with_answers(
    client, catering, django_assert_max_num_queries
):
    partners, _products = catering
    more = [PartnerFactory(email=f"x{n}@example.org") for n in range(7)]
    quote_request = services.create_request(
        partners=partners + more,
        subject="a",
        description="b",
        location="c",
        contact_name="d",
        email="e@example.org",
        consent=True,
        notify=False,
    )
    for quote in quote_request.quotes.all():
        answer(quote, "100.00")
    client.get(quote_request.get_absolute_url())  # warm the site chrome's cache
    with django_assert_max_num_queries(8):
        response = client.get(quote_request.get_absolute_url())
    assert response.content.decode().count('name="quote"') == 10


def test_unknown_token_is_404(client):
    assert client.get(reverse("quotes:detail", kwargs={"token": "x" * 43})).status_code == 404
    response = client.post(reverse("quotes:accept", kwargs={"token": "x" * 43}), {"quote": 1})
    assert response.status_code == 404


def test_answer_validation(client, catering):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    quote = quote_request.quotes.get(partner=partners[0])
    pes = Client()
    pes.force_login(pes_user(partners[0]))
    url = reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk})
    good = {
        "action": "answer",
        "price": "100",
        "terms": "ok",
        "valid_until": (TODAY + timedelta(days=3)).isoformat(),
    }
    for field, change in [
        ("price", {"price": "0"}),
        ("price", {"price": "-10"}),
        ("price", {"price": "sto"}),
        ("terms", {"terms": ""}),
        ("valid_until", {"valid_until": (TODAY - timedelta(days=1)).isoformat()}),
        ("valid_until", {"valid_until": ""}),
    ]:
        response = pes.post(url, {**good, **change})
        assert response.status_code == 200
        assert field in response.context["answer_form"].errors
        quote.refresh_from_db()
        assert quote.status == Quote.Status.PENDING and quote.price is None


def test_pes_declines(client, catering):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    quote = quote_request.quotes.get(partner=partners[1])
    mail.outbox.clear()
    pes = Client()
    pes.force_login(pes_user(partners[1]))
    response = pes.post(
        reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}),
        {"action": "decline", "message": "Brak terminu"},
    )
    assert response.status_code == 303
    quote.refresh_from_db()
    assert quote.status == Quote.Status.DECLINED
    assert mail.outbox[0].to == ["kupiec@example.org"]
    assert "Brak terminu" in mail.outbox[0].body


# Accepting ---------------------------------------------------------------------------------
def test_accepting_one_makes_an_order_and_closes_the_others(client, catering):
    partners, products = catering
    quote_request = ask_three(client, catering)
    quotes = {q.partner_id: q for q in quote_request.quotes.all()}
    answer(quotes[partners[0].pk], "2800.00")
    answer(quotes[partners[1].pk], "3100.00")
    # the third PES has not answered yet
    mail.outbox.clear()

    chosen = quotes[partners[1].pk]
    response = client.post(
        reverse("quotes:accept", kwargs={"token": quote_request.token}), {"quote": chosen.pk}
    )
    assert response.status_code == 303
    assert response["Location"] == quote_request.get_absolute_url()

    statuses = dict(quote_request.quotes.values_list("partner_id", "status"))
    assert statuses == {
        partners[0].pk: Quote.Status.NOT_CHOSEN,
        partners[1].pk: Quote.Status.ACCEPTED,
        partners[2].pk: Quote.Status.NOT_CHOSEN,
    }
    order = Order.objects.get(group_reference=quote_request.reference)
    chosen.refresh_from_db()
    assert chosen.order == order
    assert order.group_reference == quote_request.reference
    assert order.number == quote_request.reference.replace("/", "-") + "-1"
    assert order.total_incl_tax == order.total_excl_tax == Decimal("3100.00")
    assert order.shipping_incl_tax == Decimal("0.00")
    assert order.currency == "PLN" and order.status == "new"
    assert order.guest_email == "kupiec@example.org" and order.user is None
    assert order.site_id is not None
    line = order.lines.get()
    assert line.partner == partners[1] and line.partner_name == partners[1].name
    assert line.product == products[0]  # the service asked about, sold by the first PES
    assert line.stockrecord is None  # the chosen PES has no stock record for that product
    assert line.line_price_incl_tax == Decimal("3100.00") and line.quantity == 1
    assert quote_request.reference in order.notes.get().message
    assert QuoteRequest.objects.get(pk=quote_request.pk).status == QuoteRequest.Status.ACCEPTED

    # the accepted PES and both others hear about it
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in partners)
    accepted_mail = next(m for m in mail.outbox if m.to == [partners[1].email])
    assert order.number in accepted_mail.body and "kupiec@example.org" in accepted_mail.body

    page = client.get(quote_request.get_absolute_url())
    html = page.content.decode()
    assert order.number in html
    assert 'name="quote"' not in html  # nothing left to accept


def test_order_uses_the_pes_stock_record_when_it_sells_the_service(client, catering):
    partners, products = catering
    quote_request = ask_three(client, catering)
    quote = quote_request.quotes.get(partner=partners[0])
    answer(quote, "2000.00")
    outcome = services.accept_quote(quote_request, quote.pk)
    line = outcome.order.lines.get()
    assert line.stockrecord == products[0].stockrecords.get()
    assert line.partner_sku == line.stockrecord.partner_sku


def test_second_accept_is_refused_and_changes_nothing(client, catering):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    first, second, _third = (quote_request.quotes.get(partner=p) for p in partners)
    answer(first, "100.00")
    answer(second, "200.00")
    url = reverse("quotes:accept", kwargs={"token": quote_request.token})
    client.post(url, {"quote": first.pk})
    mail.outbox.clear()

    for attempt in (first.pk, second.pk):
        response = client.post(url, {"quote": attempt}, follow=True)
        assert response.status_code == 200
        assert pl("You have already accepted a quote for this request.") in (
            response.content.decode()
        )
    assert Order.objects.filter(group_reference=quote_request.reference).count() == 1
    assert Quote.objects.get(pk=first.pk).status == Quote.Status.ACCEPTED
    assert Quote.objects.get(pk=second.pk).status == Quote.Status.NOT_CHOSEN
    assert mail.outbox == []


def test_expired_unanswered_or_foreign_quotes_cannot_be_accepted(client, catering):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    expired, pending, declined = (quote_request.quotes.get(partner=p) for p in partners)
    answer(expired, "100.00", days=0)
    Quote.objects.filter(pk=expired.pk).update(valid_until=TODAY - timedelta(days=1))
    services.decline_quote(declined)
    other_request = services.create_request(
        partners=partners[:1],
        subject="a",
        description="b",
        location="c",
        contact_name="d",
        email="e@example.org",
        consent=True,
        notify=False,
    )
    foreign = other_request.quotes.get()
    answer(foreign, "50.00")
    url = reverse("quotes:accept", kwargs={"token": quote_request.token})
    expected = {
        expired.pk: pl("This quote expired on %(date)s: ask the entity for a new one.").split("%")[
            0
        ],
        pending.pk: pl("This entity has not given a price you could accept."),
        declined.pk: pl("This entity has not given a price you could accept."),
        foreign.pk: pl("This quote does not belong to your request."),
        "abc": pl("This quote does not belong to your request."),
    }
    for quote_id, message in expected.items():
        response = client.post(url, {"quote": quote_id}, follow=True)
        assert response.status_code == 200
        assert message in response.content.decode(), quote_id
    assert not Order.objects.filter(group_reference=quote_request.reference).exists()
    assert not quote_request.quotes.filter(status=Quote.Status.ACCEPTED).exists()
    assert QuoteRequest.objects.get(pk=quote_request.pk).status == QuoteRequest.Status.OPEN
    # an expired answer is shown as such and offers no button
    html = client.get(quote_request.get_absolute_url()).content.decode()
    assert 'name="quote"' not in html


def test_accept_needs_post(client, catering):
    quote_request = ask_three(client, catering)
    response = client.get(reverse("quotes:accept", kwargs={"token": quote_request.token}))
    assert response.status_code == 405


def test_answering_after_the_choice_is_refused(client, catering):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    first, second, _third = (quote_request.quotes.get(partner=p) for p in partners)
    answer(first, "100.00")
    answer(second, "200.00")
    services.accept_quote(quote_request, first.pk)
    for quote, word in (
        (first, pl("The buyer has already accepted this quote: it cannot be changed.")),
        (second, pl("The buyer has already chosen another offer: this quote is closed.")),
    ):
        pes = Client()
        pes.force_login(pes_user(quote.partner))
        url = reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk})
        response = pes.post(
            url,
            {
                "action": "answer",
                "price": "1.00",
                "terms": "x",
                "valid_until": TODAY.isoformat(),
            },
            follow=True,
        )
        assert word in response.content.decode()
        response = pes.post(url, {"action": "decline"}, follow=True)
        assert word in response.content.decode()
    assert Quote.objects.get(pk=first.pk).price == Decimal("100.00")
    assert Quote.objects.get(pk=second.pk).status == Quote.Status.NOT_CHOSEN


# Dashboard access ------------------------------------------------------------------------
def test_pes_sees_only_its_own_quotes(client, catering, django_assert_max_num_queries):
    partners, _products = catering
    quote_request = ask_three(client, catering)
    mine = quote_request.quotes.get(partner=partners[0])
    theirs = quote_request.quotes.get(partner=partners[1])
    user = pes_user(partners[0])
    pes = Client()
    pes.force_login(user)

    response = pes.get(reverse("quotes-dashboard:list"))
    assert response.status_code == 200
    assert list(response.context["quotes"]) == [mine]

    url = reverse("quotes-dashboard:detail", kwargs={"pk": theirs.pk})
    assert pes.get(url).status_code == 404
    response = pes.post(
        url,
        {
            "action": "answer",
            "price": "1.00",
            "terms": "x",
            "valid_until": TODAY.isoformat(),
        },
    )
    assert response.status_code == 404
    assert pes.post(url, {"action": "decline"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Quote.Status.PENDING and theirs.price is None


def test_dashboard_list_filters_pages_and_keeps_queries_flat(
    client, catering, django_assert_max_num_queries
):
    partners, _products = catering
    fields = {
        "subject": "a",
        "description": "b",
        "location": "c",
        "contact_name": "d",
        "email": "e@example.org",
        "consent": True,
        "notify": False,
    }
    for _ in range(25):
        services.create_request(partners=partners[:1], **fields)
    answer(Quote.objects.filter(partner=partners[0]).first(), "10.00")
    pes = Client()
    pes.force_login(pes_user(partners[0]))
    url = reverse("quotes-dashboard:list")
    pes.get(url)  # warm the per-process caches (content types, site, translations)
    with django_assert_max_num_queries(12):
        response = pes.get(url)
    assert len(response.context["quotes"]) == 20
    assert response.context["paginator"].count == 25
    second = pes.get(url + "?page=2")
    assert len(second.context["quotes"]) == 5
    answered = pes.get(url + "?status=answered")
    assert [q.status for q in answered.context["quotes"]] == [Quote.Status.ANSWERED]
    assert pes.get(url + "?status=nonsense").status_code == 200


def test_staff_see_every_quote(client, catering):
    ask_three(client, catering)
    staff = UserFactory(is_staff=True)
    admin = Client()
    admin.force_login(staff)
    response = admin.get(reverse("quotes-dashboard:list"))
    assert response.status_code == 200
    quotes = Quote.objects.filter(request__email="kupiec@example.org")
    assert set(quotes) <= set(response.context["quotes"])  # the newest, on the first page
    assert len({q.partner_id for q in response.context["quotes"]}) >= 3
    quote = quotes.first()
    assert admin.get(reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk})).status_code == 200


def test_anonymous_is_sent_to_login_and_customers_are_refused(client, catering):
    quote_request = ask_three(client, catering)
    quote = quote_request.quotes.first()
    urls = [
        reverse("quotes-dashboard:list"),
        reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}),
    ]
    anonymous = Client()
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
        response = anonymous.post(url, {"action": "decline"})
        assert response.status_code == 302 and "login" in response["Location"]
    customer = Client()
    customer.force_login(UserFactory())
    for url in urls:
        assert customer.get(url).status_code == 403
    assert customer.post(urls[1], {"action": "decline"}).status_code == 403
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PENDING


def test_admin_lists_requests_with_their_quotes(client, catering):
    quote_request = ask_three(client, catering)
    admin = Client()
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert admin.get("/django-admin/quotes/quoterequest/").status_code == 200
    response = admin.get(f"/django-admin/quotes/quoterequest/{quote_request.pk}/change/")
    assert response.status_code == 200
    assert "Catering a" in response.content.decode()
    assert admin.get("/django-admin/quotes/quoterequest/add/").status_code == 403


def test_english_pages(client, catering):
    _partners, products = catering
    response = client.get("/en" + request_url(products[0]))
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()
    assert "Ask for a quote" in response.content.decode()
