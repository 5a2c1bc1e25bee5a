"""The Lider ES competition in the demo: two closed editions (2024, 2025) and the current one
(2026), open now, with nominations in every state. Idempotent: a second run changes nothing
that is already there (the open edition's dates move with today's date)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page

from marketplace.partner.models import Partner
from portal.competition.jury import ensure_jury_group, ranking
from portal.competition.models import (
    DEFAULT_CRITERIA,
    Award,
    CompetitionIndexPage,
    Criterion,
    CriterionMark,
    EditionPage,
    JuryScore,
    Nomination,
    Vote,
)
from portal.competition.voting import email_key
from portal.events.models import EventPage

from .events import GALA_SLUG
from .identifiers import DEMO_PASSWORD
from .publishing import child_page, document, publish_changes

# A minimal, valid one-page PDF: the demo's recommendation letter.
DEMO_LETTER = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

SAMORZADY = ["Gmina Bodzentyn (demo)", "Gmina Pierzchnica (demo)", "Powiat Przykładowy (demo)"]
FIRMY = ["Piekarnia Pod Łysicą sp. z o.o. (demo)", "Drukarnia Świętokrzyska S.A. (demo)"]


def _local(day, at: time = time(0, 0)) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _edition(index: CompetitionIndexPage, year: int, fields: dict) -> EditionPage:
    page = child_page(index, EditionPage, str(year), f"Lider Ekonomii Społecznej {year}", **fields)
    publish_changes(page, {"title": f"Lider Ekonomii Społecznej {year}", **fields})
    if not page.criteria.exists():  # editions made before the jury existed
        page.criteria = [
            Criterion(name=name, sort_order=position)
            for position, name in enumerate(DEFAULT_CRITERIA)
        ]
        page.save_revision().publish()
    ensure_jury_group(page)
    return page


def _rules(year: int):
    return document(f"Regulamin konkursu Lider Ekonomii Społecznej {year}")


def _gala_event(home_pl: Page):
    """The current edition's gala, an event of the demo's events section (when loaded)."""
    return EventPage.objects.descendant_of(home_pl).filter(slug=GALA_SLUG).first()


def _past(year: int) -> dict:
    return {
        "year": year,
        "rules_document": _rules(year),
        "intro": f"<p>Edycja {year} konkursu Lider Ekonomii Społecznej.</p>",
        "nominations_open": _local(datetime(year, 3, 1).date()),
        "nominations_close": _local(datetime(year, 5, 1).date()),
        "jury_start": datetime(year, 5, 15).date(),
        "jury_end": datetime(year, 6, 15).date(),
        "gala_date": _local(datetime(year, 9, 20).date(), time(17, 0)),
        "scoring_closed": True,
        "results_published": True,
    }


def _nominate(edition: EditionPage, category, name: str, status: str, **links) -> None:
    if Nomination.objects.filter(edition=edition, candidate_name=name).exists():
        return
    nomination = Nomination(
        edition=edition,
        category=category,
        candidate_name=name,
        justification=f"{name} od lat wspiera ekonomię społeczną w regionie: zatrudnia osoby "
        "zagrożone wykluczeniem, współpracuje z OWES i kupuje od PES.",
        nominator_name="Anna Przykładowa",
        nominator_email="nominacje@example.org",
        consent_data=True,
        consent_candidate=True,
        status=status,
        decision_reason=(
            "Kandydat nie działa na terenie województwa."
            if status == Nomination.Status.REJECTED
            else ""
        ),
        decided_at=None if status == Nomination.Status.SUBMITTED else timezone.now(),
        **links,
    )
    nomination.recommendation_letter.save("list.pdf", ContentFile(DEMO_LETTER), save=False)
    nomination.save()


def load_competition(home_pl: Page, say: Callable[[str], None]) -> None:
    index = child_page(home_pl, CompetitionIndexPage, "lider-es", "Lider Ekonomii Społecznej")
    publish_changes(
        index,
        {
            "title": "Lider Ekonomii Społecznej",
            "show_in_menus": True,
            "intro": "<p>Doroczny konkurs ROPS dla samorządów, firm i przedsiębiorstw "
            "społecznych, które budują ekonomię społeczną w województwie.</p>",
        },
    )
    today = timezone.localdate()
    this_year = today.year
    current = _edition(
        index,
        this_year,
        {
            "year": this_year,
            "intro": "<p>Zgłoś kandydata w jednej z trzech kategorii.</p>",
            "nominations_open": _local(today - timedelta(days=30)),
            "nominations_close": _local(today + timedelta(days=30), time(23, 59)),
            "jury_start": today + timedelta(days=35),
            "jury_end": today + timedelta(days=60),
            "gala_date": _local(today + timedelta(days=90), time(17, 0)),
            "gala_event": _gala_event(home_pl),
            "rules_document": _rules(this_year),
            "scoring_closed": False,
            "results_published": False,
        },
    )
    last_year = this_year - 1
    past = [
        _edition(index, this_year - 2, _past(this_year - 2)),
        _edition(
            index,
            last_year,
            {
                **_past(last_year),
                "vote_start": _local(datetime(last_year, 6, 20).date()),
                "vote_end": _local(datetime(last_year, 7, 10).date(), time(23, 59)),
            },
        ),
    ]
    partners = list(Partner.objects.order_by("name")[:6])
    states = [
        Nomination.Status.SUBMITTED,
        Nomination.Status.ACCEPTED,
        Nomination.Status.REJECTED,
    ]
    for edition in [*past, current]:
        samorzad, biznes, ps = list(edition.categories.all())[:3]
        offset = 0 if edition is current else 3
        for position, status in enumerate(states):
            if edition is not current:
                status = Nomination.Status.ACCEPTED
            _nominate(edition, samorzad, SAMORZADY[position], status)
            if position < len(FIRMY):
                _nominate(edition, biznes, FIRMY[position], status)
            if partners:
                partner = partners[(offset + position) % len(partners)]
                _nominate(edition, ps, partner.name, status, candidate_partner=partner)
    _load_jury([*past, current])
    for position, edition in enumerate(past):
        _award_laureates(edition, special=position == 0)
    _load_votes(past[-1])
    say("competition: Lider ES index, editions (two closed, one open), nominations, laureates")


def _load_votes(edition: EditionPage) -> None:
    """A closed public vote: confirmed votes spread over each category's candidates (one
    address one vote per category), and two never confirmed, which do not count."""
    if Vote.objects.filter(edition=edition).exists():
        return
    cast = edition.vote_start + timedelta(days=2)

    def vote(nomination: Nomination, who: str, confirmed: bool) -> Vote:
        email = f"{who}.{nomination.pk}@example.org"
        return Vote(
            edition=edition,
            category=nomination.category,
            nomination=nomination,
            email=email,
            email_key=email_key(email),
            token=f"demo-{who}-{nomination.pk}",
            confirmed_at=cast if confirmed else None,
        )

    votes = []
    for category in edition.categories.all():
        candidates = list(
            Nomination.objects.filter(
                edition=edition, category=category, status=Nomination.Status.ACCEPTED
            ).order_by("pk")
        )
        for position, nomination in enumerate(candidates):
            votes.extend(
                vote(nomination, f"glosujacy{number}", confirmed=True)
                for number in range(12 - 4 * position + (2 if position == 0 else 0))
            )
        votes.extend(
            vote(nomination, f"niepotwierdzony{number}", confirmed=False)
            for number, nomination in enumerate(candidates[:2])
        )
    Vote.objects.bulk_create(votes)


SPECIAL_AWARD = "Nagroda Marszałka Województwa"


def _award_laureates(edition: EditionPage, special: bool) -> None:
    """Per category the jury's first a winner and its second a distinction (in the PES
    category, a PES listed in the directory wins, so its profile shows "Lider ES <year>");
    the Marshal's special award in one edition. Left alone once the edition has any award."""
    if Nomination.objects.filter(edition=edition).exclude(award="").exists():
        return
    for group in ranking(edition):
        rows = [row.nomination for row in group.rows]
        if any(n.candidate_partner_id for n in rows):
            rows.sort(
                key=lambda n: not (n.candidate_partner and n.candidate_partner.listed_in_directory)
            )
        if rows:
            rows[0].award = Award.WINNER
            rows[0].save(update_fields=["award"])
        if len(rows) > 1:
            rows[1].award = Award.DISTINCTION
            rows[1].save(update_fields=["award"])
        if special and len(rows) > 2 and not any(n.candidate_partner_id for n in rows):
            rows[2].award = Award.SPECIAL
            rows[2].award_name = SPECIAL_AWARD
            rows[2].save(update_fields=["award", "award_name"])
            special = False


@dataclass(frozen=True)
class DemoJuror:
    """A member of every edition's jury (a demo account)."""

    email: str
    first_name: str
    last_name: str


JURORS: list[DemoJuror] = [
    DemoJuror(email="jury1@rops.example.org", first_name="Jan", last_name="Juror"),
    DemoJuror(email="jury2@rops.example.org", first_name="Janina", last_name="Jurorka"),
]


def _load_jury(editions: list[EditionPage]) -> None:
    """Two jurors on every edition's jury; the closed editions fully scored (their ranking)."""
    users = []
    for juror in JURORS:
        user, created = get_user_model().objects.get_or_create(
            email=juror.email,
            defaults={"first_name": juror.first_name, "last_name": juror.last_name},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users.append(user)
    for edition in editions:
        group = ensure_jury_group(edition)
        for user in users:
            user.groups.add(group)
        if not edition.scoring_closed:
            continue
        criteria = list(edition.criteria.all())
        accepted = Nomination.objects.filter(edition=edition, status=Nomination.Status.ACCEPTED)
        for position, nomination in enumerate(accepted.order_by("pk")):
            for offset, user in enumerate(users):
                score, created = JuryScore.objects.get_or_create(
                    nomination=nomination, juror=user, defaults={"comment": "Ocena demo."}
                )
                if created:
                    CriterionMark.objects.bulk_create(
                        CriterionMark(
                            score=score, criterion=criterion, value=10 - (position + offset) % 6
                        )
                        for criterion in criteria
                    )
