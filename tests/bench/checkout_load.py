"""The basket-and-checkout path under load: guests buying from two PES at once, end to end.

wrk only sends GETs, so this drives whole journeys with the standard library: product page,
two "add to basket" POSTs, the basket, the gateway, the address, the delivery and payment choice,
the review, placing the orders and the confirmation. Each journey is one guest with its own
cookies; several run side by side. Prints checkouts/s, requests/s and latency per journey.
"""

from __future__ import annotations

import http.cookiejar
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

ADD_RE = re.compile(r'action="(/sklep/basket/add/\d+/)"')
RADIO_RE = re.compile(r"<input[^>]*type=\"radio\"[^>]*>")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
ADDRESS = {
    "first_name": "Jan",
    "last_name": "Testowy",
    "line1": "ul. Sienkiewicza 1",
    "line4": "Kielce",
    "postcode": "25-001",
    "country": "PL",
    "phone_number": "+48 600 100 200",
}


@dataclass
class CheckoutStats:
    journeys: list[float] = field(default_factory=list)
    requests: int = 0
    failures: list[str] = field(default_factory=list)
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
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        self.requests += 1
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token()}).encode()
        # No Referer: Oscar sends the buyer back to it after "add to basket" (CSRF needs none
        # over plain HTTP).
        request = urllib.request.Request(self.base + path, data=body)
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()


def chosen_radios(html: str) -> dict[str, str]:
    """The delivery and payment radios the page pre-selects (each PES's first options)."""
    data: dict[str, str] = {}
    for tag in RADIO_RE.findall(html):
        attrs = dict(ATTR_RE.findall(tag))
        if "checked" in tag and "name" in attrs:
            data[attrs["name"]] = attrs.get("value", "")
    return data


def journey(guest: Guest, products: list[str], number: int) -> None:
    for path in products:
        page = guest.get(path)
        match = ADD_RE.search(page)
        if not match:
            raise RuntimeError(f"no add-to-basket form on {path}")
        guest.post(match.group(1), {"quantity": "1"})
    guest.get("/sklep/basket/")
    guest.post(
        "/sklep/checkout/", {"username": f"bench{number}@example.org", "options": "anonymous"}
    )
    guest.post("/sklep/checkout/shipping-address/", ADDRESS)
    choices = chosen_radios(guest.get("/sklep/checkout/shipping-method/"))
    if len(choices) < 4:
        raise RuntimeError(f"expected a delivery and payment per PES, got {choices}")
    guest.post("/sklep/checkout/shipping-method/", choices)
    guest.get("/sklep/checkout/preview/")
    thanks = guest.post("/sklep/checkout/preview/", {"action": "place_order"})
    if thanks.count('class="payment-instructions"') != 2:
        raise RuntimeError("the confirmation does not list two orders")


def run_checkouts(
    base_url: str, pairs: list[tuple[str, str]], seconds: int, concurrency: int = 4
) -> CheckoutStats:
    """Guests buy random pairs (two PES each) until the time is up."""
    stats = CheckoutStats()
    deadline = time.monotonic() + seconds
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

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return stats
