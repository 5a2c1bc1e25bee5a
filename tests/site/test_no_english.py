"""No English on Polish pages: the main public pages and the PES dashboard, as a PES sees them.

Oscar and Wagtail print a few strings without gettext, or fill English words into translated
sentences; this reads the text people see (and the attributes read aloud) and looks for English
words that betray them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from wagtail.models import Page

from marketplace.order import statuses

pytestmark = pytest.mark.usefixtures("demo")

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")

PES_EMAIL = "sklep@kielecka-spizarnia.example.org"

# Words that are never Polish and that Oscar's pages show when a string escaped translation.
TELLTALE = re.compile(
    r"\b(?:Filters|Search|Basket|Dashboard|Orders?|Totals?|Customers?|Products?|Welcome"
    r"|Sorry|Oops|Manage|View|Download|Change|Submit|Save|Cancel|Delete|Edit|Remove|Back|Next"
    r"|Previous|Results|Statistics|Frequency|Summary|Filter|Stock|Price|Quantity|Items?"
    r"|Details|Actions|Choose|Select|Show|Hide|Loading|Close|Page|of|the|and|new|paid|sent"
    r"|completed|cancelled|ready_for_pickup|some)\b"
)
READ_ALOUD = ("title", "alt", "aria-label", "placeholder")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class VisibleText(HTMLParser):
    """The text of a page a person sees or hears: no scripts, styles, hidden traps, nor what is
    marked as English on purpose (lang="en": the language switcher)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, starts a skipped subtree)

    @property
    def _skipping(self) -> bool:
        return any(skip for _tag, skip in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        skip = (
            tag in ("script", "style", "template")
            or attributes.get("aria-hidden") == "true"
            or "hidden" in attributes
            or (attributes.get("lang") or "").startswith("en")
        )
        if not self._skipping and not skip:
            self.parts += [attributes[name] for name in READ_ALOUD if attributes.get(name)]
            if tag == "input" and attributes.get("type") in ("submit", "button"):
                self.parts.append(attributes.get("value") or "")
        if tag not in VOID:
            self._open.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def english_words(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    found = []
    for part in parser.parts:
        # lang="en" bits (the language switcher's "English") are English on purpose.
        found += TELLTALE.findall(part)
    return sorted(set(found))


def public_paths() -> list[str]:
    from marketplace.certificates.models import Certificate

    product = Product.objects.browsable().filter(stockrecords__isnull=False).order_by("pk").first()
    partner = Partner.objects.filter(listed_in_directory=True).order_by("pk").first()
    certificate = Certificate.objects.order_by("pk").first()
    paths = [
        "/",
        "/sklep/catalogue/",
        product.get_absolute_url(),
        "/sklep/basket/",
        "/sklep/accounts/login/",
        "/baza-pes/",
        reverse("directory:detail", args=[partner.code]),
        "/szukaj/?q=mi%C3%B3d",
        "/certyfikat/",
        certificate.get_absolute_url(),
        "/certyfikat/sprawdz/?number=ZP/1999/0001",
    ]
    # Every section below the Polish home page (news, events, good practices, Lider ES…).
    sections = Page.objects.live().filter(depth=3, locale__language_code="pl").specific()
    paths += [page.url for page in sections if page.url]
    return [path for path in paths if path]


def test_public_polish_pages_have_no_english(client):
    offenders = {}
    for path in public_paths():
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        words = english_words(response.content.decode())
        if words:
            offenders[path] = words
    assert not offenders


def dashboard_paths(order) -> list[str]:
    return [
        reverse("dashboard:index"),
        reverse("dashboard:order-list"),
        reverse("dashboard:order-list") + "?status=new",
        reverse("dashboard:order-stats"),
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:stock-alert-list"),
        reverse("quotes-dashboard:list"),
        reverse("pes-dashboard:profile"),
    ]


def test_pes_dashboard_pages_have_no_english(client):
    user = get_user_model().objects.get(email=PES_EMAIL)
    client.force_login(user)
    order = Order.objects.filter(lines__partner__users=user).order_by("pk").first()
    offenders = {}
    for path in dashboard_paths(order):
        response = client.get(path)
        assert response.status_code == 200, path
        words = english_words(response.content.decode())
        if words:
            offenders[path] = words
    assert not offenders


def test_acting_on_no_orders_says_so_in_polish(client):
    """Oscar's "You need to select some %ss" read "Musisz wybrać jakieś order"."""
    client.force_login(get_user_model().objects.get(email=PES_EMAIL))
    response = client.post(
        reverse("dashboard:order-list"), {"action": "change_order_statuses"}, follow=True
    )
    text = " ".join(str(message) for message in response.context["messages"])
    assert "order" not in text and "jakieś" not in text
    assert text == "Najpierw zaznacz co najmniej jedno zamówienie."


def test_order_statistics_name_statuses_by_their_labels(client):
    client.force_login(get_user_model().objects.get(email=PES_EMAIL))
    html = client.get(reverse("dashboard:order-stats")).content.decode()
    breakdown = re.findall(r'\?status=[a-z_]+">([^<]+)</a>', html)
    assert breakdown
    assert not {"new", "paid", "sent", "ready_for_pickup", "completed", "cancelled"} & set(
        breakdown
    )
    with translation.override("pl"):
        labels = {statuses.label(code) for code in statuses.LABELS}
    assert set(breakdown) <= labels
