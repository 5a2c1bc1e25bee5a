"""Wagtail pages and what hangs on them: published pages, news, competition nominations."""

from __future__ import annotations

from portal.competition.models import Nomination
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
