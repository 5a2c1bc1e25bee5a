"""Demo quote requests in every state, so the buyer's page and the PES dashboard have content.

Keyed on the reference (ZO/DEMO/…, a series of its own that real numbering never reaches), so
loading again updates them instead of adding more. No e-mails are sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.quotes.models import Quote, QuoteRequest
from marketplace.quotes.orders import order_from_quote

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")

PENDING = Quote.Status.PENDING
ANSWERED = Quote.Status.ANSWERED
DECLINED = Quote.Status.DECLINED
ACCEPTED = Quote.Status.ACCEPTED
NOT_CHOSEN = Quote.Status.NOT_CHOSEN


@dataclass(frozen=True)
class DemoQuoteRequest:
    """A buyer's quote request for a service and the answers of the PES it went to."""

    reference: str
    service: str  # the service's SKU
    days_ago: int  # sent that many days ago
    needed_in: int  # needed that many days ahead
    subject: str
    description: str
    location: str
    quantity: str
    budget: str | None  # a decimal string
    contact_name: str
    organisation: str
    email: str
    phone: str
    nip: str
    quotes: dict[str, tuple[str, str | None, str]]  # PES code: (status, price, terms)


REQUESTS: list[DemoQuoteRequest] = [
    DemoQuoteRequest(
        reference="ZO/DEMO/0001",
        service="KSP-CATE-01",
        days_ago=1,
        needed_in=30,
        subject="Catering na szkolenie dla 40 osób",
        description="Dwie przerwy kawowe i obiad dwudaniowy, w tym 5 porcji wegetariańskich.",
        location="Kielce, ul. Sienkiewicza 10, sala konferencyjna",
        quantity="40 osób",
        budget="3200.00",
        contact_name="Joanna Nowicka",
        organisation="Fundacja Rozwoju Regionu",
        email="j.nowicka@example.org",
        phone="+48 600 100 200",
        nip="",
        quotes={
            "kielecka-spizarnia": (PENDING, None, ""),
            "smaki-ponidzia": (PENDING, None, ""),
            "zaz-pod-kasztanami": (PENDING, None, ""),
        },
    ),
    DemoQuoteRequest(
        reference="ZO/DEMO/0002",
        service="SMP-CATE-01",
        days_ago=4,
        needed_in=45,
        subject="Poczęstunek na jubileusz 25-lecia firmy",
        description="Zimna płyta i ciasta dla gości, obsługa kelnerska przez 4 godziny.",
        location="Busko-Zdrój, hala sportowa",
        quantity="120 osób",
        budget=None,
        contact_name="Tomasz Wójcik",
        organisation="Przedsiębiorstwo Usług Komunalnych sp. z o.o.",
        email="t.wojcik@example.org",
        phone="",
        nip="5260250274",
        quotes={
            "smaki-ponidzia": (ANSWERED, "9600.00", "Menu do uzgodnienia, zaliczka 30%."),
            "kielecka-spizarnia": (ANSWERED, "8900.00", "Cena z dowozem i naczyniami."),
            "koprzywnickie-gospodynie": (PENDING, None, ""),
        },
    ),
    DemoQuoteRequest(
        reference="ZO/DEMO/0003",
        service="SPS-ULOT-01",
        days_ago=12,
        needed_in=10,
        subject="Ulotki i plakaty na festyn gminny",
        description="2000 ulotek A5 i 30 plakatów A2, projekt dostarczymy w PDF.",
        location="Starachowice",
        quantity="2000 ulotek, 30 plakatów",
        budget="1500.00",
        contact_name="Anna Zielińska",
        organisation="Urząd Gminy Brody",
        email="a.zielinska@example.org",
        phone="+48 41 200 30 40",
        nip="",
        quotes={
            "starachowicka-poligrafia": (ACCEPTED, "1280.00", "Druk w 5 dni roboczych."),
            "zaz-sloneczny-zegar": (NOT_CHOSEN, "1450.00", "Druk w 7 dni roboczych."),
        },
    ),
    DemoQuoteRequest(
        reference="ZO/DEMO/0004",
        service="GSD-PIKN-01",
        days_ago=20,
        needed_in=5,
        subject="Catering na piknik rodzinny",
        description="Grill, napoje i stoisko z ciastami na pikniku dla pracowników.",
        location="Sandomierz, bulwar nad Wisłą",
        quantity="200 osób",
        budget="12000.00",
        contact_name="Piotr Mazur",
        organisation="Zakłady Mechaniczne Sandomierz",
        email="p.mazur@example.org",
        phone="",
        nip="",
        quotes={
            "grod-sandomierski": (ACCEPTED, "11200.00", "Namiot i obsługa w cenie."),
            "kielecka-spizarnia": (NOT_CHOSEN, "11900.00", "Bez namiotu."),
            "zaz-pod-kasztanami": (DECLINED, None, "Nie mamy wolnego terminu."),
        },
    ),
    DemoQuoteRequest(
        reference="ZO/DEMO/0005",
        service="KDL-BIUR-01",
        days_ago=30,
        needed_in=2,
        subject="Sprzątanie hali po wydarzeniu",
        description="Jednorazowe sprzątanie hali 800 m² i zaplecza po targach.",
        location="Kielce, Targi Kielce",
        quantity="800 m²",
        budget=None,
        contact_name="Marta Lis",
        organisation="",
        email="marta.lis@example.org",
        phone="",
        nip="",
        quotes={
            "kis-krok-dalej": (DECLINED, None, "Za duża powierzchnia dla naszej ekipy."),
            "kis-nowy-start": (DECLINED, None, "Brak wolnego terminu."),
        },
    ),
]


def load_quotes(say: Callable[[str], None]) -> None:
    """Create or update the demo requests; an accepted one gets its order once."""
    today = timezone.localdate()
    now = timezone.now()
    partners = {p.code: p for p in Partner.objects.filter(code__in=_partner_codes())}
    made = 0
    for item in REQUESTS:
        product = Product.objects.filter(upc=item.service, product_class__slug="usluga").first()
        chosen = {code: value for code, value in item.quotes.items() if code in partners}
        if not chosen:
            continue
        quote_request, _ = QuoteRequest.objects.update_or_create(
            reference=item.reference,
            defaults={
                "product": product,
                "subject": item.subject,
                "description": item.description,
                "location": item.location,
                "needed_by": today + timedelta(days=item.needed_in),
                "quantity": item.quantity,
                "budget": Decimal(item.budget) if item.budget else None,
                "contact_name": item.contact_name,
                "organisation": item.organisation,
                "email": item.email,
                "phone": item.phone,
                "nip": item.nip,
                "consent": True,
                "language": "pl",
            },
        )
        sent = now - timedelta(days=item.days_ago)
        QuoteRequest.objects.filter(pk=quote_request.pk).update(created=sent)
        for code, (status, price, terms) in chosen.items():
            answered = status != PENDING
            quote, _ = Quote.objects.update_or_create(
                request=quote_request,
                partner=partners[code],
                defaults={
                    "status": status,
                    "price": Decimal(price) if price else None,
                    "terms": terms,
                    "valid_until": today + timedelta(days=14) if price else None,
                    "answered_at": sent + timedelta(days=1) if answered else None,
                },
            )
            if status == ACCEPTED and quote.order_id is None:
                quote.request = quote_request
                existing = Order.objects.filter(
                    group_reference=quote_request.reference, lines__partner=quote.partner
                ).first()
                if existing is not None:
                    quote.order = existing
                    quote.save(update_fields=["order"])
                else:
                    order_from_quote(quote)
        made += 1
    say(f"quote requests: {made} (new, answered, accepted with an order, declined)")


def _partner_codes() -> set[str]:
    return {code for item in REQUESTS for code in item.quotes}
