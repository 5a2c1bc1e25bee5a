"""Lider ES: a visitor nominates a candidate (also by keyboard only); a juror scores a nomination.

The demo region's current edition (slug = the year) is open for nominations and for scoring."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.helpers.browser import admin_log_in, serious_violations
from tests.helpers.pdfs import PLAIN_PDF

pytestmark = pytest.mark.e2e

CATEGORY = "przedsiebiorstwo-spoleczne"
JUROR = "jury1@rops.example.org"
PDF = PLAIN_PDF  # a real one-page PDF: uploads are parsed, not judged by their first bytes
# The visible fields of the nomination form, in the order Tab should visit them.
FIELD_ORDER = [
    "candidate_partner",
    "candidate_organisation",
    "candidate_name",
    "justification",
    "recommendation_letter",
    "nominator_name",
    "nominator_email",
    "nominator_phone",
    "consent_data",
    "consent_candidate",
]


def _current_edition(django_db_blocker):
    from django.utils import timezone

    from portal.competition.models import EditionPage

    with django_db_blocker.unblock():
        return EditionPage.objects.live().get(
            year=timezone.localdate().year, locale__language_code="pl"
        )


def _delete_nominations(django_db_blocker, **lookup) -> None:
    from portal.competition.models import Nomination

    with django_db_blocker.unblock():
        for nomination in Nomination.objects.filter(**lookup):
            if nomination.recommendation_letter:
                nomination.recommendation_letter.delete(save=False)
            nomination.delete()


def _dangling_descriptions(page) -> list[str]:
    """Fields whose aria-describedby names an id that is not on the page."""
    return page.evaluate(
        """() => [...document.querySelectorAll("form [aria-describedby]")].flatMap(el =>
            el.getAttribute("aria-describedby").split(/\\s+/)
              .filter(id => id && !document.getElementById(id))
              .map(id => `${el.name}: ${id}`))"""
    )


def _open_form_from_index(page, server_url: str, year: int) -> None:
    page.goto(server_url + "/lider-es/")
    assert serious_violations(page) == []
    page.locator("section[aria-labelledby=current-edition] a").click()
    page.wait_for_url(re.compile(rf"/lider-es/{year}/$"))
    assert serious_violations(page) == []
    page.locator(f"a[href$='/zglos/{CATEGORY}/']").click()
    page.wait_for_url(re.compile(rf"/lider-es/{year}/zglos/{CATEGORY}/$"))
    assert page.locator("form.competition-form").count() == 1
    assert _dangling_descriptions(page) == []
    assert serious_violations(page) == []


def _fill_form(page, candidate: str, letter) -> None:
    page.fill("[name=candidate_name]", candidate)
    page.fill(
        "[name=justification]",
        "Spółdzielnia socjalna od lat zatrudnia osoby wykluczone i współpracuje z gminą.",
    )
    page.set_input_files("[name=recommendation_letter]", str(letter))
    page.fill("[name=nominator_name]", "Anna Testowa")
    page.fill("[name=nominator_email]", "anna.testowa@example.org")
    page.check("[name=consent_data]")
    page.check("[name=consent_candidate]")


def test_visitor_nominates_a_social_enterprise(page, server_url, django_db_blocker, tmp_path):
    from portal.competition.models import Nomination

    edition = _current_edition(django_db_blocker)
    candidate = f"Spółdzielnia Socjalna Test {uuid.uuid4().hex[:6]}"
    try:
        _open_form_from_index(page, server_url, edition.year)
        # the honeypot is out of sight and out of the tab order
        trap = page.locator("[name=website]")
        assert trap.get_attribute("tabindex") == "-1"
        assert not trap.is_visible() or trap.bounding_box()["x"] < 0

        # a letter that is not a PDF: an error on the form, nothing saved
        fake = tmp_path / "list.pdf"
        fake.write_bytes(b"This is plain text pretending to be a PDF.\n")
        _fill_form(page, candidate, fake)
        page.locator("form.competition-form button[type=submit]").click()
        page.wait_for_load_state()
        assert re.search(rf"/zglos/{CATEGORY}/$", page.url)
        error = page.locator("#id_recommendation_letter_error")
        assert error.is_visible()
        assert error.inner_text().strip()
        assert page.locator(".quote-field--error").count() == 1
        assert page.locator("[name=candidate_name]").input_value() == candidate  # kept
        assert page.locator("[name=recommendation_letter]").get_attribute("aria-invalid") == "true"
        assert _dangling_descriptions(page) == []
        assert serious_violations(page) == []
        with django_db_blocker.unblock():
            assert not Nomination.objects.filter(candidate_name=candidate).exists()

        # the same form with a real PDF: sent, back on the edition page with a message
        letter = tmp_path / "rekomendacja.pdf"
        letter.write_bytes(PDF)
        page.set_input_files("[name=recommendation_letter]", str(letter))
        page.check("[name=consent_data]")
        page.check("[name=consent_candidate]")
        page.locator("form.competition-form button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/lider-es/{edition.year}/$"))
        messages = page.locator("main [role=status]")  # the header's search box has its own
        assert messages.count() == 1
        assert messages.locator(".competition-message--success").count() == 1
        assert serious_violations(page) == []

        with django_db_blocker.unblock():
            nomination = Nomination.objects.select_related("category").get(candidate_name=candidate)
            assert nomination.status == Nomination.Status.SUBMITTED
            assert nomination.edition_id == edition.pk
            assert nomination.category.slug == CATEGORY
            assert nomination.nominator_email == "anna.testowa@example.org"
            assert nomination.consent_data and nomination.consent_candidate
            assert nomination.recommendation_letter.name.startswith("competition/letters/")
            with nomination.recommendation_letter.open("rb") as stored:
                assert stored.read() == PDF
    finally:
        _delete_nominations(django_db_blocker, candidate_name=candidate)


def _choose_file_by_keyboard(page, choosers: list, path: str) -> None:
    """Open the focused file input's chooser with Space, as a keyboard user does (Enter on a
    second try: a loaded machine has let headless chromium drop a key press).

    `choosers` is filled by a listener the test registers before loading the page: Playwright
    turns on file-chooser interception without waiting for it, so a listener added just before
    the key press (what `expect_file_chooser` does) can lose the race under load and let the
    chooser open natively, unseen."""
    for key in ("Space", "Enter"):
        page.keyboard.press(key)
        for _ in range(100):
            if choosers:
                choosers.pop().set_files(path)
                assert page.evaluate("document.activeElement.files.length") == 1
                return
            page.wait_for_timeout(100)
    pytest.fail("neither Space nor Enter opened the file chooser of the focused input")


def test_nomination_form_by_keyboard_only(page, server_url, django_db_blocker, tmp_path):
    from portal.competition.models import Nomination

    edition = _current_edition(django_db_blocker)
    candidate = f"Firma Klawiaturowa {uuid.uuid4().hex[:6]}"
    letter = tmp_path / "rekomendacja.pdf"
    letter.write_bytes(PDF)
    choosers: list = []
    # before the page loads: see _choose_file_by_keyboard
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.goto(f"{server_url}/lider-es/{edition.year}/zglos/{CATEGORY}/")

    def focused_name() -> str:
        return page.evaluate("document.activeElement && (document.activeElement.name || '')")

    # from the top of the page, Tab reaches the form's first field…
    for _ in range(100):
        page.keyboard.press("Tab")
        if focused_name() == FIELD_ORDER[0]:
            break
    else:
        pytest.fail("Tab never reached the nomination form")

    # …then visits every field in order (never the honeypot), then the submit button
    visited = [focused_name()]
    typed = {
        "candidate_name": candidate,
        "justification": "Zatrudnia osoby z niepełnosprawnościami od dziesięciu lat.",
        "nominator_name": "Jan Klawiszowy",
        "nominator_email": "jan.klawiszowy@example.org",
    }
    try:
        while True:
            name = visited[-1]
            if name in typed:
                page.keyboard.type(typed[name])
            elif name == "recommendation_letter":
                _choose_file_by_keyboard(page, choosers, str(letter))
            elif name.startswith("consent_"):
                page.keyboard.press("Space")
            page.keyboard.press("Tab")
            tag = page.evaluate("document.activeElement.tagName.toLowerCase()")
            kind = page.evaluate("document.activeElement.type || ''")
            if tag == "button" and kind == "submit":
                break
            visited.append(focused_name())
            assert len(visited) <= len(FIELD_ORDER), visited
        assert visited == FIELD_ORDER
        assert page.evaluate("document.activeElement.form !== null")

        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"/lider-es/{edition.year}/$"))
        assert page.locator("main [role=status] .competition-message--success").count() == 1
        with django_db_blocker.unblock():
            nomination = Nomination.objects.get(candidate_name=candidate)
            assert nomination.status == Nomination.Status.SUBMITTED
            assert nomination.recommendation_letter
    finally:
        _delete_nominations(django_db_blocker, candidate_name=candidate)


def _our_violations(page) -> list[str]:
    """axe's serious findings in what our templates render inside the admin's content area;
    Wagtail's own chrome (sidebar, header) is Wagtail's to fix."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[".nice-padding"]]})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_juror_scores_an_accepted_nomination(browser, server_url, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.utils import translation
    from django.utils.translation import gettext

    from portal.competition.models import JuryScore, Nomination

    edition = _current_edition(django_db_blocker)
    candidate = f"Kandydat Jury {uuid.uuid4().hex[:6]}"
    with django_db_blocker.unblock():
        juror = get_user_model().objects.get(email=JUROR)
        nomination = Nomination.objects.create(
            edition=edition,
            category=edition.categories.get(slug=CATEGORY),
            candidate_name=candidate,
            justification="Lider zatrudnienia socjalnego w powiecie.",
            nominator_name="Ewa Zgłaszająca",
            nominator_email="ewa@example.org",
            consent_data=True,
            consent_candidate=True,
            status=Nomination.Status.ACCEPTED,
        )
        criteria = list(edition.criteria.all())
        assert criteria, "the current edition has no criteria"
        assert not edition.scoring_closed
    with translation.override("pl"):
        to_score, scored = gettext("to score"), gettext("scored")

    context, page = admin_log_in(browser, server_url, JUROR)
    try:
        page.goto(server_url + "/admin/jury-lider-es/")
        page.locator(f"a[href$='/admin/jury-lider-es/{edition.pk}/']").first.click()
        page.wait_for_url(re.compile(rf"/admin/jury-lider-es/{edition.pk}/$"))
        row = page.locator("table.listing tbody tr", has_text=candidate)
        assert row.locator("td").nth(2).inner_text().strip() == to_score
        assert page.locator("table.listing tbody tr").count() >= 2  # the demo's accepted ones too
        assert _our_violations(page) == []

        row.get_by_role("link", name=candidate).click()
        page.wait_for_url(re.compile(rf"/admin/jury-lider-es/ocena/{nomination.pk}/$"))
        score_form = page.locator("form:has([name=comment])")
        for criterion in criteria:
            field = score_form.locator(f"[name=criterion_{criterion.pk}]")
            assert field.get_attribute("type") == "number"
            # each mark field is labelled with its criterion
            assert page.get_by_label(criterion.name, exact=True).count() == 1
        assert page.locator("form[action$='/konflikt/'] textarea[name=reason]").count() == 1
        assert _dangling_descriptions(page) == []
        assert _our_violations(page) == []

        # 11 is out of range: the form comes back with an error, nothing is saved
        first, *others = criteria
        score_form.locator(f"[name=criterion_{first.pk}]").fill("11")
        for criterion in others:
            score_form.locator(f"[name=criterion_{criterion.pk}]").fill("7")
        score_form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert re.search(rf"/ocena/{nomination.pk}/$", page.url)
        score_form = page.locator("form:has([name=comment])")
        assert score_form.locator(".errorlist").count() == 1
        assert _our_violations(page) == []
        with django_db_blocker.unblock():
            assert not JuryScore.objects.filter(nomination=nomination).exists()

        marks = {c.pk: (i % 10) + 1 for i, c in enumerate(criteria)}
        for pk, value in marks.items():
            score_form.locator(f"[name=criterion_{pk}]").fill(str(value))
        score_form.locator("[name=comment]").fill("Rzetelne zgłoszenie, mocne rekomendacje.")
        score_form.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/admin/jury-lider-es/{edition.pk}/$"))
        row = page.locator("table.listing tbody tr", has_text=candidate)
        assert row.locator("td").nth(2).inner_text().strip() == scored

        with django_db_blocker.unblock():
            score = JuryScore.objects.get(nomination=nomination, juror=juror)
            assert score.comment == "Rzetelne zgłoszenie, mocne rekomendacje."
            assert {m.criterion_id: m.value for m in score.marks.all()} == marks
    finally:
        context.close()
        _delete_nominations(django_db_blocker, pk=nomination.pk)


def test_rops_publishes_results_and_the_badge_shows(browser, server_url, django_db_blocker):
    """A ROPS moderator marks a winner in the admin and publishes the edition's results; the
    laureate PES's public profile then shows "Lider ES <year>", linking to the results."""
    from django.urls import reverse

    from portal.competition.models import Nomination

    edition = _current_edition(django_db_blocker)
    with django_db_blocker.unblock():
        nomination = (
            Nomination.objects.filter(
                edition=edition,
                status=Nomination.Status.ACCEPTED,
                candidate_partner__listed_in_directory=True,
            )
            .select_related("candidate_partner")
            .first()
        )
        assert nomination is not None
        partner = nomination.candidate_partner
        edit_url = reverse("competition_nominations:edit", args=[nomination.pk])
    label = f"Lider ES {edition.year}"
    try:
        context, moderator = admin_log_in(browser, server_url, "moderator@rops.example.org")
        moderator.goto(server_url + edit_url)
        moderator.select_option("select[name=award]", "winner")
        moderator.locator("form[method=post] button[type=submit]").last.click()
        moderator.wait_for_load_state()
        with django_db_blocker.unblock():
            nomination.refresh_from_db()
            assert nomination.award == "winner"

        moderator.goto(f"{server_url}/admin/pages/{edition.pk}/edit/")
        moderator.locator("#id_results_published").check()
        moderator.get_by_role("button", name="Więcej akcji").click()
        moderator.locator("button[name=action-publish]").click()
        moderator.wait_for_load_state()
        with django_db_blocker.unblock():
            edition.refresh_from_db()
            assert edition.results_published
        context.close()

        visitor_context = browser.new_context(locale="pl-PL")
        visitor = visitor_context.new_page()
        visitor.goto(f"{server_url}/baza-pes/{partner.code}/")
        badge = visitor.locator("a.badge-lider", has_text=label)
        assert badge.count() == 1
        assert serious_violations(visitor) == []
        badge.click()
        visitor.wait_for_url(re.compile(rf"/lider-es/{edition.year}/wyniki/$"))
        assert partner.name in visitor.locator("main").inner_text()
        assert serious_violations(visitor) == []
        visitor_context.close()
    finally:
        with django_db_blocker.unblock():
            Nomination.objects.filter(pk=nomination.pk).update(award="", award_name="")
            edition.refresh_from_db()
            edition.results_published = False
            edition.save_revision().publish()
