"""Demo OWES self-evaluation: a closed 2025 round (all three OWES submitted) and a 2026 round
open until the end of December 2026 (two submitted, one still a draft).

Keyed on the questionnaire's year, the question's position and (questionnaire, OWES), so
loading again updates rows instead of adding more. Rows are written directly, as an imported
history would be (the answering window is not checked here).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.organisations.models import Organisation
from portal.selfevaluation.models import Answer, Question, Questionnaire, Response

OWES_SLUGS = ("swietokrzyski-owes", "kielecko-ostrowiecki-owes", "trzeci-swietokrzyski-owes")
SCALE, TEXT = Question.Kind.SCALE, Question.Kind.TEXT

# (text, help text, kind, required)
QUESTIONS = [
    (
        "Jak oceniasz współpracę z ROPS w mijającym roku?",
        "Kontakt, terminowość odpowiedzi, wsparcie merytoryczne.",
        SCALE,
        True,
    ),
    (
        "W jakim stopniu zrealizowano zaplanowane wsparcie dla PES w Twoim subregionie?",
        "Doradztwo, szkolenia i dotacje na tworzenie miejsc pracy.",
        SCALE,
        True,
    ),
    (
        "Jak oceniasz współpracę z samorządami gmin i powiatów subregionu?",
        "",
        SCALE,
        True,
    ),
    (
        "Jak oceniasz trwałość miejsc pracy utworzonych w przedsiębiorstwach społecznych?",
        "Miejsca pracy utrzymane co najmniej 12 miesięcy.",
        SCALE,
        True,
    ),
    (
        "Jak oceniasz dostęp PES do zamówień publicznych w subregionie?",
        "Klauzule społeczne, zamówienia zastrzeżone.",
        SCALE,
        False,
    ),
    (
        "Największe sukcesy OWES w mijającym roku",
        "Dwa lub trzy przykłady.",
        TEXT,
        True,
    ),
    (
        "Główne trudności i potrzebne wsparcie ze strony ROPS",
        "",
        TEXT,
        False,
    ),
]

ROUNDS = {
    2025: (
        "Samoocena OWES za 2025 rok",
        date(2025, 11, 3),
        date(2025, 12, 31),
    ),
    2026: (
        "Samoocena OWES za 2026 rok",
        date(2026, 11, 2),
        date(2026, 12, 31),
    ),
}
INTRO = (
    "Prosimy o ocenę działań OWES w mijającym roku w skali od 1 (bardzo słabo) do 5 (bardzo "
    "dobrze) oraz krótkie odpowiedzi opisowe. Odpowiedzi czytają ROPS i członkowie RKRES."
)

# year → OWES slug → (scale answers in question order, texts, submitted on or None for a draft)
ANSWERS: dict[int, dict[str, tuple[tuple[int | None, ...], tuple[str, str], date | None]]] = {
    2025: {
        "swietokrzyski-owes": (
            (4, 4, 3, 4, 3),
            (
                "Utworzenie dwóch spółdzielni socjalnych w Kielcach i sieci sklepów PES.",
                "Potrzebujemy szkoleń dla gmin z klauzul społecznych.",
            ),
            date(2025, 12, 12),
        ),
        "kielecko-ostrowiecki-owes": (
            (5, 4, 4, 3, 2),
            (
                "Kiermasz w Starachowicach i 14 nowych miejsc pracy w PS.",
                "Słaby dostęp do zamówień w powiecie opatowskim.",
            ),
            date(2025, 12, 15),
        ),
        "trzeci-swietokrzyski-owes": (
            (3, 3, 2, 4, None),
            ("Partnerstwo z ZAZ w Busku-Zdroju.", ""),
            date(2025, 12, 19),
        ),
    },
    2026: {
        "swietokrzyski-owes": (
            (5, 4, 4, 4, 4),
            (
                "Pierwsze zamówienie zastrzeżone gminy Morawica dla spółdzielni socjalnej.",
                "Wsparcie w promocji marki „Zakup Prospołeczny”.",
            ),
            date(2026, 11, 27),
        ),
        "kielecko-ostrowiecki-owes": (
            (4, 5, 3, 4, 3),
            (
                "Trzy nowe przedsiębiorstwa społeczne w powiecie ostrowieckim.",
                "",
            ),
            date(2026, 12, 2),
        ),
        "trzeci-swietokrzyski-owes": (
            (4, 3, None, None, None),
            ("", ""),
            None,
        ),
    },
}


def load_selfevaluation(say: Callable[[str], None]) -> None:
    owes = {o.slug: o for o in Organisation.objects.filter(slug__in=OWES_SLUGS)}
    users = {
        u.email: u
        for u in get_user_model().objects.filter(
            email__in=[f"redakcja@{slug}.example.org" for slug in OWES_SLUGS]
        )
    }
    for year, (title, opens_on, closes_on) in ROUNDS.items():
        questionnaire, _created = Questionnaire.objects.update_or_create(
            year=year,
            defaults={
                "title": title,
                "intro": INTRO,
                "opens_on": opens_on,
                "closes_on": closes_on,
            },
        )
        questions = []
        for order, (text, help_text, kind, required) in enumerate(QUESTIONS):
            question, _created = Question.objects.update_or_create(
                questionnaire=questionnaire,
                sort_order=order,
                defaults={"text": text, "help_text": help_text, "kind": kind, "required": required},
            )
            questions.append(question)
        for slug, (scales, texts, submitted_on) in ANSWERS[year].items():
            if slug not in owes:
                continue
            submitted_at = (
                timezone.make_aware(datetime.combine(submitted_on, time(13, 30)))
                if submitted_on
                else None
            )
            wanted = {
                "status": Response.Status.SUBMITTED if submitted_on else Response.Status.DRAFT,
                "submitted_at": submitted_at,
                "submitted_by": users.get(f"redakcja@{slug}.example.org") if submitted_on else None,
            }
            response, created = Response.objects.get_or_create(
                questionnaire=questionnaire, owes=owes[slug], defaults=wanted
            )
            if not created and any(getattr(response, k) != v for k, v in wanted.items()):
                for key, value in wanted.items():
                    setattr(response, key, value)
                response.save()  # only when something changed: `updated_at` stays put
            values = [(scale, "") for scale in scales] + [(None, text) for text in texts]
            for question, (scale, text) in zip(questions, values, strict=True):
                if scale is None and not text:
                    Answer.objects.filter(response=response, question=question).delete()
                    continue
                Answer.objects.update_or_create(
                    response=response, question=question, defaults={"scale": scale, "text": text}
                )
    say("self-evaluation: 2025 (closed, 3 submitted) and 2026 (open, 2 submitted, 1 draft)")
