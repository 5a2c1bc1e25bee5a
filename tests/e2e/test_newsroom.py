"""An OWES editor writes news and submits it; a ROPS moderator approves; it shows "na wniosek"."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.helpers.browser import admin_log_in, serious_violations

pytestmark = pytest.mark.e2e

OWES_EDITOR = "redakcja@swietokrzyski-owes.example.org"
MODERATOR = "moderator@rops.example.org"


def _more_actions(page) -> None:
    page.get_by_role("button", name="Więcej akcji").click()


def test_owes_news_goes_through_rops_approval(browser, server_url, django_db_blocker):
    from portal.news.models import NewsIndexPage, NewsPage

    with django_db_blocker.unblock():
        index_id = NewsIndexPage.objects.get(locale__language_code="pl").pk
    title = f"Targi pracy OWES {uuid.uuid4().hex[:6]}"

    editor_context, editor = admin_log_in(
        browser, server_url, "redakcja@swietokrzyski-owes.example.org"
    )
    editor.goto(f"{server_url}/admin/pages/add/news/newspage/{index_id}/")
    editor.fill("#id_title", title)
    editor.fill("#id_lead", "Zapraszamy na targi pracy w Kielcach.")
    _more_actions(editor)
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{index_id}/$"))
    assert "przekazana do moderacji" in editor.locator(".messages").inner_text()
    editor_context.close()

    with django_db_blocker.unblock():
        news = NewsPage.objects.get(title=title)
        assert not news.live
        assert news.requested_by.slug == "swietokrzyski-owes"
        slug, news_id = news.slug, news.pk

    try:
        moderator_context, moderator = admin_log_in(
            browser, server_url, "moderator@rops.example.org"
        )
        assert title in moderator.locator("main").inner_text()  # "awaiting your review"
        moderator.goto(f"{server_url}/admin/pages/{news_id}/edit/")
        _more_actions(moderator)
        moderator.get_by_role("button", name="Akceptuj i Opublikuj").click()
        moderator.wait_for_load_state()
        moderator_context.close()

        context = browser.new_context(locale="pl-PL")
        visitor = context.new_page()
        visitor.goto(server_url + "/aktualnosci/")
        visitor.get_by_role("link", name=title).click()
        visitor.wait_for_url(re.compile(rf"/aktualnosci/{slug}/$"))
        assert "Opublikowano na wniosek: Świętokrzyski Ośrodek Wsparcia Ekonomii Społecznej" in (
            visitor.locator("main").inner_text()
        )
        assert serious_violations(visitor) == []
        visitor.goto(server_url + "/aktualnosci/")
        assert serious_violations(visitor) == []
        context.close()
    finally:
        with django_db_blocker.unblock():
            NewsPage.objects.filter(pk=news_id).delete()


def test_events_pages_pass_axe(page, server_url):
    page.goto(server_url + "/wydarzenia/")
    assert serious_violations(page) == []
    page.locator("main a[href^='/wydarzenia/']").filter(has_not_text="archiwum").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert serious_violations(page) == []
    page.goto(server_url + "/en/events/")
    assert serious_violations(page) == []


def test_home_shows_latest_news_and_upcoming_events(page, server_url):
    page.goto(server_url + "/")
    assert page.get_by_role("heading", name="Najnowsze aktualności").is_visible()
    assert page.get_by_role("heading", name="Nadchodzące wydarzenia").is_visible()
    assert serious_violations(page) == []
