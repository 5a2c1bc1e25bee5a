"""Demo social procurement: five buyers, notices in every state, sealed and opened offers.

Keyed on the buyers' NIPs and the notices' references (ZP/DEMO/…, a series real numbering never
reaches), so loading again updates them instead of adding more. Dates are relative to today, so
the open notices stay open whenever the demo is loaded. No e-mails are sent and no alerts are
queued: the rows are written directly, as an imported history would be.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Page

from goodpractices.models import GoodPracticePage
from marketplace.invoices.services import InvoiceError, invoice_fields_for_buyer, issue_invoice
from marketplace.partner.models import ActivityField
from marketplace.procurement.clauses import SocialClauseIndexPage, SocialClausePage
from marketplace.procurement.models import (
    BuyerKind,
    BuyerMembership,
    BuyerOrganisation,
    Notice,
    NoticeKind,
    NoticeQuestion,
    NoticeStatus,
    Offer,
    OfferStatus,
)
from marketplace.procurement.orders import order_from_award
from portal.organisations.models import Powiat

from .identifiers import DEMO_PASSWORD, demo_nip
from .publishing import child_page, publish_changes

Partner = get_model("partner", "Partner")
Order = get_model("order", "Order")


@dataclass(frozen=True)
class DemoBuyer:
    slug: str
    name: str
    kind: str
    number: int  # for a checksum-valid NIP of its own series
    address: str
    powiat: str
    email: str
    staff: str  # the demo account of its administrator
    verified: bool = True
    in_ranking: bool = False


BUYERS: list[DemoBuyer] = [
    DemoBuyer(
        "swietokrzyski-urzad-wojewodzki",
        "Świętokrzyski Urząd Wojewódzki w Kielcach",
        BuyerKind.VOIVODESHIP,
        901,
        "al. IX Wieków Kielc 3, 25-516 Kielce",
        "kielce",
        "zamowienia@uw-kielce.example.org",
        "zakupy@uw-kielce.example.org",
        in_ranking=True,
    ),
    DemoBuyer(
        "gmina-checiny",
        "Gmina Chęciny",
        BuyerKind.GMINA,
        902,
        "pl. 2 Czerwca 4, 26-060 Chęciny",
        "kielecki",
        "zamowienia@checiny.example.org",
        "zamowienia@checiny.example.org",
        in_ranking=True,
    ),
    DemoBuyer(
        "szpital-powiatowy-pinczow",
        "Szpital Powiatowy w Pińczowie",
        BuyerKind.PUBLIC_UNIT,
        903,
        "ul. Armii Krajowej 1, 28-400 Pińczów",
        "pinczowski",
        "przetargi@szpital-pinczow.example.org",
        "przetargi@szpital-pinczow.example.org",
    ),
    DemoBuyer(
        "kamieniolomy-nidy",
        "Kamieniołomy Nidy sp. z o.o.",
        BuyerKind.COMPANY,
        904,
        "ul. Wapienna 12, 28-100 Busko-Zdrój",
        "buski",
        "biuro@kamieniolomy-nidy.example.org",
        "csr@kamieniolomy-nidy.example.org",
        in_ranking=True,
    ),
    DemoBuyer(
        "hotel-pod-lysica",
        "Hotel pod Łysicą sp. z o.o.",
        BuyerKind.COMPANY,
        905,
        "ul. Turystyczna 2, 26-010 Bodzentyn",
        "kielecki",
        "recepcja@hotel-lysica.example.org",
        "zakupy@hotel-lysica.example.org",
        verified=False,
    ),
]


@dataclass(frozen=True)
class DemoNotice:
    reference: str
    buyer: str
    kind: str
    subject: str
    description: str
    fields: list[str]
    powiats: list[str]
    deadline_days: int  # from today, at 12:00 Warsaw time
    status: str
    value: str | None = None
    clauses: tuple[str, ...] = ()
    offers: dict[str, tuple[str, str]] = field(default_factory=dict)  # PES: (price, terms)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (question, answer or "")
    winner: str = ""
    cancel_reason: str = ""
    moderation_comment: str = ""


NOTICES: list[DemoNotice] = [
    DemoNotice(
        "ZP/DEMO/0001",
        "gmina-checiny",
        NoticeKind.RESERVED,
        "Utrzymanie zieleni w parkach i na skwerach gminy w 2027 roku",
        "Koszenie trawników, pielęgnacja rabat i żywopłotów, grabienie liści w trzech parkach"
        " gminy (łącznie 4,2 ha) od kwietnia do listopada 2027 r. Zamówienie zastrzeżone na"
        " podstawie art. 94 Pzp.",
        ["zielen-i-ogrodnictwo"],
        ["kielecki", "kielce"],
        10,
        NoticeStatus.PUBLISHED,
        value="96000.00",
        offers={
            "cis-pod-perzowa-gora": ("88400.00", "Ekipa 6 osób, sprzęt własny, raport miesięczny."),
            "lysogorskie-ziola": ("91250.00", "Prace od 1 kwietnia, dwa koszenia w miesiącu."),
        },
        questions=[
            (
                "Czy gmina zapewnia miejsce na składowanie skoszonej trawy?",
                "Tak, na terenie bazy ZGK przy ul. Przemysłowej.",
            ),
            ("Czy można złożyć ofertę tylko na jeden park?", ""),
        ],
    ),
    DemoNotice(
        "ZP/DEMO/0002",
        "szpital-powiatowy-pinczow",
        NoticeKind.SOCIAL_CLAUSES,
        "Sprzątanie pomieszczeń administracyjnych szpitala",
        "Codzienne sprzątanie 1 200 m² biur i korytarzy administracji szpitala przez 12 miesięcy."
        " Wykonawca zatrudni przy zamówieniu co najmniej 2 osoby bezrobotne lub z"
        " niepełnosprawnościami na umowę o pracę.",
        ["sprzatanie"],
        ["pinczowski", "buski"],
        14,
        NoticeStatus.PUBLISHED,
        value="180000.00",
        clauses=("art_96_2", "art_95"),
        offers={"zielony-zakatek": ("172800.00", "Sprzątanie 6:00–10:00, środki ekologiczne.")},
        questions=[
            (
                "Czy wymagane jest doświadczenie w sprzątaniu placówek medycznych?",
                "Nie: zamówienie obejmuje wyłącznie część administracyjną.",
            )
        ],
    ),
    DemoNotice(
        "ZP/DEMO/0003",
        "kamieniolomy-nidy",
        NoticeKind.QUOTATION,
        "Catering na piknik rodzinny dla 300 pracowników",
        "Grill, sałatki, ciasta i napoje dla 300 osób, 12 czerwca 2027 r., teren zakładu w"
        " Busku-Zdroju. Prosimy o ofertę z menu i ceną za osobę.",
        ["gastronomia-i-catering"],
        ["buski", "kielce", "pinczowski"],
        21,
        NoticeStatus.PUBLISHED,
        value="24000.00",
    ),
    DemoNotice(
        "ZP/DEMO/0004",
        "swietokrzyski-urzad-wojewodzki",
        NoticeKind.QUOTATION,
        "Upominki regionalne dla delegacji zagranicznych",
        "80 zestawów upominków z regionu (rękodzieło, ceramika, przetwory) w ozdobnych"
        " opakowaniach, dostawa do urzędu.",
        ["rekodzielo-i-pamiatki", "produkcja-zywnosci"],
        ["kielce", "kielecki", "sandomierski"],
        -2,
        NoticeStatus.PUBLISHED,
        value="16000.00",
        offers={
            "bajkowa-pracownia": ("15200.00", "Zestawy z ceramiką i haftem, dostawa w 3 tygodnie."),
            "koprzywnickie-gospodynie": ("12480.00", "Przetwory i pierniki w koszach wiklinowych."),
            "skalbmierska-izba-tradycji": ("14900.00", "Wycinanki i pisanki w pudełkach z logo."),
        },
    ),
    DemoNotice(
        "ZP/DEMO/0005",
        "gmina-checiny",
        NoticeKind.RESERVED,
        "Catering na dożynki gminne",
        "Poczęstunek dla 250 gości dożynek gminnych: żurek, pierogi, ciasta, napoje.",
        ["gastronomia-i-catering"],
        ["kielecki"],
        -40,
        NoticeStatus.AWARDED,
        value="20000.00",
        offers={
            "smaki-ponidzia": ("18750.00", "Menu regionalne, obsługa 4 osób, zastawa wielorazowa."),
            "kis-krok-dalej": ("19900.00", "Pierogi własnej produkcji, obsługa 3 osób."),
        },
        winner="smaki-ponidzia",
    ),
    DemoNotice(
        "ZP/DEMO/0006",
        "hotel-pod-lysica",
        NoticeKind.QUOTATION,
        "Uszycie pościeli i ręczników z logo hotelu",
        "120 kompletów pościeli i 300 ręczników z haftowanym logo.",
        ["szycie-i-krawiectwo"],
        ["kielecki", "konecki"],
        -10,
        NoticeStatus.CANCELLED,
        value="30000.00",
        offers={"nitka": ("29500.00", "Tkaniny hotelowe, haft komputerowy, 6 tygodni.")},
        cancel_reason="Hotel zmienił plan remontu: zakup przesunięto na 2028 rok.",
    ),
    DemoNotice(
        "ZP/DEMO/0007",
        "hotel-pod-lysica",
        NoticeKind.QUOTATION,
        "Wiklinowe kosze na pamiątki dla gości",
        "150 koszy wiklinowych z kokardą, dostawa do hotelu w Bodzentynie.",
        ["rekodzielo-i-pamiatki"],
        ["kielecki"],
        20,
        NoticeStatus.PENDING,
    ),
    DemoNotice(
        "ZP/DEMO/0008",
        "kamieniolomy-nidy",
        NoticeKind.SOCIAL_CLAUSES,
        "Remont szatni pracowniczych",
        "Wymiana płytek i malowanie szatni (220 m²); przy pracach zatrudnienie co najmniej"
        " jednej osoby z grupy zagrożonej wykluczeniem.",
        ["budownictwo-i-remonty"],
        ["buski"],
        25,
        NoticeStatus.REJECTED,
        clauses=("art_96_2",),
        moderation_comment="Proszę dodać szacunkowy zakres prac i załączyć przedmiar w PDF.",
    ),
]


def _noon(days: int) -> datetime:
    """12:00 Warsaw time, `days` from today."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def load_buyers(say: Callable[[str], None], accounts: list[tuple[str, str]]) -> dict:
    """The buyers, each with its administrator's demo account (listed in the summary)."""
    user_model = get_user_model()
    buyers = {}
    now = timezone.now()
    for item in BUYERS:
        buyer, _ = BuyerOrganisation.objects.update_or_create(
            nip=demo_nip(item.number),
            defaults={
                "slug": item.slug,
                "name": item.name,
                "kind": item.kind,
                "address": item.address,
                "powiat": Powiat.objects.get(code=item.powiat),
                "email": item.email,
                "in_public_ranking": item.in_ranking,
            },
        )
        if item.verified and buyer.verified_at is None:
            buyer.verified_at = now - timedelta(days=60)
            buyer.save(update_fields=["verified_at"])
        elif not item.verified and buyer.verified_at is not None:
            buyer.verified_at = None
            buyer.save(update_fields=["verified_at"])
        user, created = user_model.objects.get_or_create(
            email=item.staff, defaults={"first_name": "Zofia", "last_name": "Zamawiająca"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        BuyerMembership.objects.update_or_create(
            buyer=buyer, user=user, defaults={"is_admin": True}
        )
        if item.slug in {"gmina-checiny", "kamieniolomy-nidy"}:
            accounts.append((f"buyer staff ({item.name})", item.staff))
        buyers[item.slug] = buyer
    say(f"procurement buyers: {len(buyers)}")
    return buyers


def load_notices(buyers: dict, say: Callable[[str], None]) -> list[Notice]:
    fields = {f.slug: f for f in ActivityField.objects.all()}
    powiats = {p.code: p for p in Powiat.objects.all()}
    partners = {p.code: p for p in Partner.objects.all()}
    notices = []
    for item in NOTICES:
        buyer = buyers[item.buyer]
        deadline = _noon(item.deadline_days)
        published = item.status in (
            NoticeStatus.PUBLISHED,
            NoticeStatus.AWARDED,
            NoticeStatus.CANCELLED,
        )
        notice, _ = Notice.objects.update_or_create(
            reference=item.reference,
            defaults={
                "buyer": buyer,
                "kind": item.kind,
                "clause_at_risk_employment": "art_96_2" in item.clauses,
                "clause_employment_contracts": "art_95" in item.clauses,
                "subject": item.subject,
                "description": item.description,
                "estimated_value": Decimal(item.value) if item.value else None,
                "deadline": deadline,
                "opening_at": deadline + timedelta(hours=1),
                "contact_name": "Zofia Zamawiająca",
                "contact_email": buyer.email,
                "status": item.status,
                "moderation_comment": item.moderation_comment,
                "published_at": deadline - timedelta(days=21) if published else None,
                "cancel_reason": item.cancel_reason,
                "cancelled_at": deadline + timedelta(days=3) if item.cancel_reason else None,
                # The demo queues no alerts: mark them done, so publishing again sends none.
                "alerts_queued_at": deadline - timedelta(days=21) if published else None,
            },
        )
        notice.activity_fields.set([fields[slug] for slug in item.fields if slug in fields])
        notice.powiats.set([powiats[code] for code in item.powiats])
        offers = {}
        for code, (price, terms) in item.offers.items():
            offer, _ = Offer.submissions.update_or_create(
                notice=notice,
                partner=partners[code],
                status=OfferStatus.SUBMITTED,
                defaults={
                    "price": Decimal(price),
                    "terms": terms,
                    "submitted_at": deadline - timedelta(days=3),
                },
            )
            offers[code] = offer
        for question, answer in item.questions:
            NoticeQuestion.objects.update_or_create(
                notice=notice,
                question=question,
                defaults={
                    "answer": answer,
                    "answered_at": deadline - timedelta(days=5) if answer else None,
                },
            )
        if item.winner:
            winner = offers[item.winner]
            notice.awarded_offer = winner
            notice.award_value = winner.price
            notice.awarded_at = deadline + timedelta(days=2)
            notice.save(update_fields=["awarded_offer", "award_value", "awarded_at"])
        notices.append(notice)
    say(f"procurement notices: {len(notices)}")
    return notices


# Shop checkouts of the demo that a buyer asked to be invoiced for (group reference: buyer).
INVOICED_CHECKOUTS = {
    "DEMO-1003": "kamieniolomy-nidy",
    "DEMO-1004": "swietokrzyski-urzad-wojewodzki",
}


def load_orders_and_invoices(
    buyers: dict, notices: list[Notice], say: Callable[[str], None]
) -> None:
    """The awarded notice's order, invoice details on two shop checkouts, and their invoices,
    so the social-value statements of the gmina, the office and the company have figures."""
    for notice in notices:
        if notice.status == NoticeStatus.AWARDED and notice.order_id is None:
            order = order_from_award(notice)
            Order.objects.filter(pk=order.pk).update(date_placed=notice.awarded_at)
    for reference, slug in INVOICED_CHECKOUTS.items():
        Order.objects.filter(group_reference=reference).update(
            **invoice_fields_for_buyer(buyers[slug])
        )
    invoiced = Order.objects.filter(
        Q(group_reference__in=INVOICED_CHECKOUTS) | Q(notices__isnull=False),
        invoice_requested=True,
        invoice__isnull=True,
    ).distinct()
    issued = 0
    for order in invoiced:
        try:
            issue_invoice(order)
            issued += 1
        except InvoiceError as error:  # a demo PES without an address: say so, go on
            say(f"  no invoice for {order.number}: {error}")
    say(f"procurement: award order, invoiced orders, {issued} new invoices")


CLAUSES = [
    (
        "zamowienie-zastrzezone-art-94",
        "Zamówienie zastrzeżone dla podmiotów ekonomii społecznej (art. 94 Pzp)",
        "Art. 94 ust. 1 ustawy Prawo zamówień publicznych",
        [NoticeKind.RESERVED],
        "<p>Zamawiający zastrzega, że o udzielenie zamówienia mogą ubiegać się wyłącznie"
        " wykonawcy, o których mowa w art. 94 ust. 1 Pzp, w szczególności spółdzielnie socjalne,"
        " zakłady aktywności zawodowej i centra integracji społecznej, których co najmniej 30%"
        " pracowników stanowią osoby zagrożone wykluczeniem społecznym.</p>",
        "<p>Gdy na rynku lokalnym działają PES zdolne wykonać zamówienie: zieleń, sprzątanie,"
        " catering, drobne remonty.</p>",
    ),
    (
        "zatrudnienie-osob-zagrozonych-wykluczeniem",
        "Zatrudnienie osób zagrożonych wykluczeniem (art. 96 ust. 2 pkt 2 Pzp)",
        "Art. 96 ust. 2 pkt 2 ustawy Prawo zamówień publicznych",
        [NoticeKind.SOCIAL_CLAUSES],
        "<p>Wykonawca zobowiązuje się zatrudnić przy realizacji zamówienia co najmniej 2 osoby"
        " bezrobotne lub z niepełnosprawnościami przez cały okres realizacji umowy i przedstawić"
        " na żądanie zamawiającego oświadczenie o ich zatrudnieniu.</p>",
        "<p>Przy usługach o dużym udziale pracy, gdy zamówienie nie jest zastrzeżone.</p>",
    ),
    (
        "zatrudnienie-na-umowe-o-prace",
        "Zatrudnienie na podstawie umowy o pracę (art. 95 Pzp)",
        "Art. 95 ust. 1 ustawy Prawo zamówień publicznych",
        [NoticeKind.SOCIAL_CLAUSES, NoticeKind.QUOTATION],
        "<p>Zamawiający wymaga zatrudnienia przez wykonawcę na podstawie umowy o pracę osób"
        " wykonujących czynności sprzątania i obsługi w zakresie realizacji zamówienia.</p>",
        "<p>Gdy czynności polegają na wykonywaniu pracy w sposób określony w art. 22 § 1 Kodeksu"
        " pracy.</p>",
    ),
]


def load_clauses(home: Page, say: Callable[[str], None]) -> None:
    """The social clause library under the home page, with a link to a good practice."""
    index = child_page(home, SocialClauseIndexPage, "klauzule-spoleczne", "Klauzule społeczne")
    publish_changes(
        index,
        {
            "title": "Klauzule społeczne",
            "intro": "<p>Wzory klauzul do specyfikacji zamówień: podstawa prawna i kiedy"
            " pasują.</p>",
        },
    )
    practice = GoodPracticePage.objects.filter(slug="klauzule-kielce-catering").first()
    for slug, title, basis, kinds, text, when in CLAUSES:
        page = child_page(index, SocialClausePage, slug, title, legal_basis=basis, clause_text=text)
        publish_changes(
            page,
            {
                "title": title,
                "legal_basis": basis,
                "clause_text": text,
                "when_to_use": when,
                "notice_kinds": [str(kind) for kind in kinds],
            },
        )
        if practice is not None and not page.practice_links.exists():
            page.practice_links.create(practice=practice)
    say(f"procurement: social clause library, {len(CLAUSES)} clauses")


def load_procurement(
    home: Page, say: Callable[[str], None], accounts: list[tuple[str, str]]
) -> None:
    buyers = load_buyers(say, accounts)
    notices = load_notices(buyers, say)
    load_orders_and_invoices(buyers, notices, say)
    load_clauses(home, say)
