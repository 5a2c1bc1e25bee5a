"""The basket-and-checkout path under load: guests buying from two PES at once, end to end.

wrk only sends GETs, so this drives whole journeys with the standard library: product page,
two "add to basket" POSTs, the basket, the gateway, the address, the delivery and payment choice,
the review, placing the orders and the confirmation. Each journey is one guest with its own
cookies; several run side by side. Prints checkouts/s, requests/s and latency per journey.

`run_contested` is the race for the last units: many guests fill their baskets with the same
scarce product (plus one of another PES), reach the review together and place their orders at
the same moment. Each answer is a confirmation, a clear "sold out" or an error.
"""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

ADD_RE = re.compile(r'action="(/sklep/basket/add/\d+/)"')
RADIO_RE = re.compile(r"<input[^>]*type=\"radio\"[^>]*>")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
ALERT_RE = re.compile(r'class="alert[^"]*"[^>]*>(.*?)</div>', re.S)
TAG_RE = re.compile(r"<[^>]+>")
ADDRESS = {
    "first_name": "Jan",
    "last_name": "Testowy",
    "line1": "ul. Sienkiewicza 1",
    "line4": "Kielce",
    "postcode": "25-001",
    "country": "PL",
    "phone_number": "+48 600 100 200",
}
# Twenty buyers queue behind two sync workers when they place their orders together.
REQUEST_TIMEOUT_S = 60


@dataclass
class CheckoutStats:
    journeys: list[float] = field(default_factory=list)
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    elapsed: float = 0.0  # wall time until the last journey ended (they finish after the deadline)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Guest:
    """One browser: a cookie jar and the CSRF token Django hands out."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.requests = 0

    def token(self) -> str:
        """The cookie's token; a cached product page sets none, so ask for one as portal.js
        does in a browser."""
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        if not token:
            self.get("/csrf-token/")
            token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        return token

    def get(self, path: str) -> str:
        self.requests += 1
        with self.opener.open(self.base + path, timeout=REQUEST_TIMEOUT_S) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        self.requests += 1
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token()}).encode()
        # No Referer: Oscar sends the buyer back to it after "add to basket" (CSRF needs none
        # over plain HTTP).
        request = urllib.request.Request(self.base + path, data=body)
        with self.opener.open(request, timeout=REQUEST_TIMEOUT_S) as response:
            return response.read().decode()


def chosen_radios(page: str) -> dict[str, str]:
    """The delivery and payment radios the page pre-selects (each PES's first options)."""
    data: dict[str, str] = {}
    for tag in RADIO_RE.findall(page):
        attrs = dict(ATTR_RE.findall(tag))
        if "checked" in tag and "name" in attrs:
            data[attrs["name"]] = attrs.get("value", "")
    return data


def fill_and_review(guest: Guest, products: list[str], email: str) -> None:
    """Everything up to the review: the basket, the gateway, the address and the choices."""
    for path in products:
        page = guest.get(path)
        match = ADD_RE.search(page)
        if not match:
            raise RuntimeError(f"no add-to-basket form on {path}")
        guest.post(match.group(1), {"quantity": "1"})
    guest.get("/sklep/basket/")
    guest.post("/sklep/checkout/", {"username": email, "options": "anonymous"})
    guest.post("/sklep/checkout/shipping-address/", ADDRESS)
    choices = chosen_radios(guest.get("/sklep/checkout/shipping-method/"))
    if len(choices) < 4:
        raise RuntimeError(f"expected a delivery and payment per PES, got {choices}")
    guest.post("/sklep/checkout/shipping-method/", choices)
    guest.get("/sklep/checkout/preview/")


def place(guest: Guest) -> str:
    """Place the orders; the page answered (a confirmation, or the review or basket again)."""
    return guest.post("/sklep/checkout/preview/", {"action": "place_order"})


def is_confirmation(page: str) -> bool:
    return page.count('class="payment-instructions"') == 2


def journey(guest: Guest, products: list[str], number: int) -> None:
    fill_and_review(guest, products, f"bench{number}@example.org")
    if not is_confirmation(place(guest)):
        raise RuntimeError("the confirmation does not list two orders")


def run_checkouts(
    base_url: str, pairs: list[tuple[str, str]], seconds: int, concurrency: int = 4
) -> CheckoutStats:
    """Guests buy random pairs (two PES each) until the time is up."""
    stats = CheckoutStats()
    started = time.monotonic()
    deadline = started + seconds
    counter = iter(range(10**9))

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            guest = Guest(base_url)
            started = time.perf_counter()
            try:
                journey(guest, list(rng.choice(pairs)), next(counter))
            except (OSError, RuntimeError, urllib.error.HTTPError) as exc:
                with stats.lock:
                    stats.failures.append(str(exc).splitlines()[0][:200])
                    stats.requests += guest.requests
                continue
            with stats.lock:
                stats.journeys.append(time.perf_counter() - started)
                stats.requests += guest.requests

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stats.elapsed = time.monotonic() - started
    return stats


# --------------------------------------------------------------------------- the last units


@dataclass
class ContestResult:
    """What the buyers of the last units were answered, as they saw it."""

    buyers: int
    completed: list[int] = field(default_factory=list)  # buyer numbers with a confirmation
    sold_out: list[int] = field(default_factory=list)  # buyers told the product ran short
    sold_out_kinds: Counter[str] = field(default_factory=Counter)  # by the answer they saw
    errors: list[str] = field(default_factory=list)  # anything else, described
    place_seconds: list[float] = field(default_factory=list)  # the place-order request
    lock: threading.Lock = field(default_factory=threading.Lock)


def sold_out_answer(page: str, sold_out_texts: list[dict[str, Any]]) -> str:
    """Which of the shop's "not enough stock" answers the page carries ("" for none): each
    entry names one message (`kind`) and its `pieces` around the variable part, all of which
    must be on the page."""
    text = html.unescape(page)
    return next(
        (
            entry["kind"]
            for entry in sold_out_texts
            if all(piece in text for piece in entry["pieces"])
        ),
        "",
    )


def run_contested(
    base_url: str,
    contested: str,
    others: list[str],
    sold_out_texts: list[dict[str, Any]],
    email_prefix: str,
    buyers: int = 20,
) -> ContestResult:
    """`buyers` guests each put the contested product and one other PES's product in their
    basket and go through checkout side by side; once every one of them is at the review, all
    place their orders at the same moment (a barrier), as a crowd would when a sale opens."""
    result = ContestResult(buyers=buyers)
    at_review = threading.Barrier(buyers)

    def buyer(number: int) -> None:
        guest = Guest(base_url)
        email = f"{email_prefix}{number}@example.org"
        ready = False
        try:
            fill_and_review(guest, [contested, others[number % len(others)]], email)
            ready = True
        except (OSError, RuntimeError, urllib.error.HTTPError) as exc:
            with result.lock:
                result.errors.append(f"buyer {number} before placing: {_describe(exc)}")
        # a buyer stuck on the way: the others place anyway, and the errors say why
        with contextlib.suppress(threading.BrokenBarrierError):
            at_review.wait(timeout=REQUEST_TIMEOUT_S * 4)
        if not ready:
            return
        started = time.perf_counter()
        try:
            page = place(guest)
        except (OSError, urllib.error.HTTPError) as exc:
            with result.lock:
                result.errors.append(f"buyer {number} placing: {_describe(exc)}")
            return
        elapsed = time.perf_counter() - started
        with result.lock:
            result.place_seconds.append(elapsed)
            kind = sold_out_answer(page, sold_out_texts)
            if is_confirmation(page):
                result.completed.append(number)
            elif kind:
                result.sold_out.append(number)
                result.sold_out_kinds[kind] += 1
            else:
                result.errors.append(
                    f"buyer {number}: neither a confirmation nor sold out ({_gist(page)})"
                )

    threads = [threading.Thread(target=buyer, args=(n,), daemon=True) for n in range(buyers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT_S * 20)
    return result


def _gist(page: str) -> str:
    """The page's title and first alert, to tell an unexpected answer apart."""
    title = TITLE_RE.search(page)
    alert = ALERT_RE.search(page)
    parts = [
        " ".join(html.unescape(TAG_RE.sub(" ", match.group(1))).split())[:160]
        for match in (title, alert)
        if match
    ]
    return "; ".join(parts) or "no title"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} at {urllib.parse.urlsplit(exc.url).path}"
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
