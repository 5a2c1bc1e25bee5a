"""Wagtail pages and what hangs on them: published pages, news, competition nominations."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from home.models import HomePage
from portal.competition.models import Nomination
from portal.events.models import EventIndexPage, EventPage
from portal.news.models import NewsIndexPage, NewsPage
from tests.helpers.pdfs import letter


def publish(page, **fields):
    """Set `fields` on `page`, publish a revision and return the page as saved."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_news(index: NewsIndexPage, author, organisation, slug: str, live: bool) -> NewsPage:
    """A news page under `index` by `author` for `organisation`, published when `live`."""
    page = NewsPage(
        title=f"Wiadomość {slug}",
        slug=slug,
        lead="Krótki lead wiadomości.",
        requested_by=organisation,
        owner=author,
        live=False,
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=author)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def nominate(edition, name, *, category=None, status=Nomination.Status.ACCEPTED, award="", **kw):
    """A nomination with a real letter file, ACCEPTED (into the jury stage) unless told."""
    nomination = Nomination(
        edition=edition,
        category=category or edition.categories.first(),
        candidate_name=name,
        justification="Uzasadnienie.",
        nominator_name="Anna",
        nominator_email="anna@example.org",
        status=status,
        award=award,
        **kw,
    )
    nomination.recommendation_letter.save("list.pdf", letter(), save=False)
    nomination.save()
    return nomination


def live_event(title: str, slug: str, capacity: int) -> tuple[EventPage, list[int]]:
    """A live event 30 days ahead under the Polish events index (made when the demo has
    none), for tests that commit it on a thread of their own; with the pages to delete after
    (`delete_pages`)."""
    made: list[int] = []
    home = HomePage.objects.get(locale__language_code="pl")
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(title="Wydarzenia", slug="wydarzenia")
        home.add_child(instance=index)
        index.save_revision().publish()
        made.append(index.pk)
    start = timezone.now() + timedelta(days=30)
    event = EventPage(
        title=title,
        slug=slug,
        start=start,
        end=start + timedelta(hours=2),
        place_name="Sala",
        lead="Test.",
        capacity=capacity,
        registration_open=True,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return event, [event.pk, *made]


def delete_pages(pks: list[int]) -> None:
    """The event first, then the index it may have needed."""
    for pk in pks:
        page = EventIndexPage.objects.filter(pk=pk).first() or EventPage.objects.get(pk=pk)
        page.delete()
