"""One base address: every absolute link names BASE_URL, whatever Host header the request had.

The fixture does what `make run PORT=8080` does: BASE_URL=http://127.0.0.1:8080, and the demo
loader (`sync_sites`) points Wagtail's and Django's Site at it.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import feedparser
import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation
from icalendar import Calendar
from wagtail.models import Site

from portal.urls_absolute import absolute_url, base_address, page_url, sync_sites
from tests.factories import PartnerFactory, UserFactory, create_pes_order

BASE = "http://127.0.0.1:8080"
OTHER_HOST = "proxy.internal:9999"


@pytest.fixture
def base_8080(demo, settings):
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    sync_sites()
    yield
    DjangoSite.objects.clear_cache()  # the rollback restores the row, not the cached copy
    Site.clear_site_root_paths_cache()


def _absolute_links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def _only_base(links: list[str]) -> None:
    ours = [link for link in links if "example" not in link and "schema" not in link]
    ours = [link for link in ours if "sitemaps.org" not in link and "w3.org" not in link]
    assert ours
    wrong = [link for link in ours if not link.startswith(BASE + "/")]
    assert not wrong, wrong[:5]


def test_sites_follow_base_url(base_8080):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8080)
    assert site.root_url == BASE
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8080"
    home = site.root_page.specific
    assert home.full_url == BASE + "/"
    assert page_url(home) == BASE + "/"
    assert absolute_url("/sklep/") == BASE + "/sklep/"
    assert absolute_url("https://cdn.example/x.png") == "https://cdn.example/x.png"
    assert sync_sites() is False  # already in step


def test_base_address_of_https():
    from django.test import override_settings

    with override_settings(BASE_URL="https://es.example.org/"):
        assert base_address() == ("es.example.org", 443)
        assert absolute_url("a/") == "https://es.example.org/a/"


def test_sitemap(client, base_8080):
    response = client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200
    content = response.content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", content)
    assert any("/sklep/catalogue/" in loc for loc in locations)  # products
    assert BASE + "/" in locations and BASE + "/en/" in locations  # pages of both trees
    assert all(loc.startswith(BASE + "/") for loc in locations), locations[:5]
    assert "localhost" not in content and OTHER_HOST not in content


def test_robots_names_the_sitemap_under_base_url(client, base_8080):
    robots = client.get("/robots.txt", HTTP_HOST=OTHER_HOST).content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_ics_files(client, base_8080):
    from portal.events.models import EventIndexPage, EventPage

    event = EventPage.objects.live().filter(locale__language_code="pl").first()
    response = client.get(event.url + "ical/", HTTP_HOST=OTHER_HOST)
    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["url"]) == BASE + event.url
    index = EventIndexPage.objects.live().filter(locale__language_code="pl").first()
    feed = client.get(index.url + "kalendarz.ics", HTTP_HOST=OTHER_HOST)
    urls = [str(v["url"]) for v in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert urls and all(url.startswith(BASE + "/") for url in urls)


@pytest.mark.parametrize("path", ["/aktualnosci/rss/", "/aktualnosci/atom/", "/en/news/rss/"])
def test_feeds_and_their_self_link(client, base_8080, path):
    response = client.get(path, HTTP_HOST=OTHER_HOST)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries and all(entry.link.startswith(BASE + "/") for entry in feed.entries)
    assert feed.feed.link.startswith(BASE + "/")
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [BASE + path]
    assert OTHER_HOST not in response.content.decode()


def test_order_status_email(base_8080, django_capture_on_commit_callbacks):
    from marketplace.order import statuses

    order = create_pes_order(PartnerFactory(), guest_email="gosc@example.org")
    with django_capture_on_commit_callbacks(execute=True), translation.override("pl"):
        order.set_status(statuses.PAID)
    (message,) = mail.outbox
    assert f"{BASE}/sklep/" in message.body
    _only_base(_absolute_links(message.body))


def test_checkout_emails_ignore_the_host_header(base_8080):
    from marketplace.checkout.emails import send_checkout_emails

    seller = PartnerFactory(email="sklep@pes.example.org")
    order = create_pes_order(seller, user=UserFactory(email="kupujacy@example.org"))
    request = RequestFactory().get("/", HTTP_HOST=OTHER_HOST)
    with translation.override("pl"):
        send_checkout_emails(request, [order])
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert OTHER_HOST not in message.body
        _only_base(_absolute_links(message.body))


def test_certificate_qr_and_pdf_address(base_8080):
    from marketplace.certificates.models import Certificate
    from marketplace.certificates.views import verify_url

    certificate = Certificate.objects.first()
    request = RequestFactory().get("/", HTTP_HOST=OTHER_HOST)
    assert verify_url(request, certificate) == BASE + certificate.get_absolute_url()


def test_sync_base_url_command(demo, settings):
    settings.BASE_URL = "http://portal.example.org:8443"
    out = io.StringIO()
    call_command("sync_base_url", stdout=out)
    assert "http://portal.example.org:8443/" in out.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.example.org", 8443)
    DjangoSite.objects.clear_cache()
    Site.clear_site_root_paths_cache()


def test_make_run_passes_base_url():
    root = Path(__file__).resolve().parents[2]
    commands = subprocess.run(
        ["make", "-n", "run", "PORT=8080"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"},
        check=True,
    ).stdout
    assert "BASE_URL=http://127.0.0.1:8080 .venv/bin/python manage.py load_demo" in commands
    # the three processes start under honcho with the same address in their environment
    started = next(
        line for line in commands.splitlines() if "BASE_URL=" in line and "PORT=" in line
    )
    assert "PORT=8080 BASE_URL=http://127.0.0.1:8080" in started
    assert "honcho -f Procfile.dev start" in commands
    procfile = (root / "Procfile.dev").read_text()
    assert "manage.py runserver ${HOST:-127.0.0.1}:${PORT:-8000}" in procfile
