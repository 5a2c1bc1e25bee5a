"""Publication on request: submit → reject (with a comment) → resubmit → publish, with e-mails."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.news.models import NewsPage

pytestmark = pytest.mark.usefixtures("demo")


def _act(page: NewsPage, user, action: str, comment: str = "") -> None:
    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


def test_submit_reject_resubmit_publish(people, draft_of_a, moderators):
    editor, moderator = people["owes_a"], people["rops"]
    workflow = draft_of_a.get_workflow()
    assert workflow is not None and workflow.name == "Publikacja na wniosek"
    task = workflow.tasks.first().specific
    assert list(task.groups.all()) == [moderators]

    mail.outbox.clear()
    workflow.start(draft_of_a, editor)
    draft_of_a.refresh_from_db()
    assert draft_of_a.workflow_in_progress
    assert any(moderator.email in m.to for m in mail.outbox), "moderators are told"
    # The editor cannot approve their own submission: only the ROPS group may.
    task_state = draft_of_a.current_workflow_state.current_task_state
    assert task.user_can_access_editor(draft_of_a, moderator)
    assert [a[0] for a in task.get_actions(draft_of_a, editor)] == []

    mail.outbox.clear()
    _act(draft_of_a, moderator, "reject", comment="Proszę dodać datę wydarzenia.")
    draft_of_a.refresh_from_db()
    assert not draft_of_a.live
    assert any(editor.email in m.to for m in mail.outbox), "the author hears of the rejection"
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.get_comment() == "Proszę dodać datę wydarzenia."

    draft_of_a.lead = "Poprawiony lead z datą."
    draft_of_a.save_revision(user=editor)
    draft_of_a.current_workflow_state.resume(editor)  # resubmit after the requested changes
    draft_of_a.refresh_from_db()
    mail.outbox.clear()
    _act(draft_of_a, moderator, "approve")
    draft_of_a.refresh_from_db()
    assert draft_of_a.live
    assert draft_of_a.lead == "Poprawiony lead z datą."
    assert any(editor.email in m.to for m in mail.outbox), "the author hears of the approval"


def test_published_news_names_the_requesting_owes(client, people, draft_of_a):
    workflow = draft_of_a.get_workflow()
    workflow.start(draft_of_a, people["owes_a"])
    draft_of_a.refresh_from_db()
    _act(draft_of_a, people["rops"], "approve")
    html = client.get("/aktualnosci/szkic-owes-a/").content.decode()
    assert "Opublikowano na wniosek: Świętokrzyski Ośrodek Wsparcia Ekonomii Społecznej" in html
    listing = client.get("/aktualnosci/").content.decode()
    assert "Wiadomość szkic-owes-a" in listing


def test_scheduled_publishing(news_index, people, owes_a):
    page = NewsPage(title="Zaplanowana", slug="zaplanowana", lead="Lead.", requested_by=owes_a)
    news_index.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(seconds=2)
    page.save_revision(user=people["rops"]).publish(user=people["rops"])
    page.refresh_from_db()
    assert not page.live and page.go_live_at
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.live  # not yet
    time.sleep(2.1)
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
