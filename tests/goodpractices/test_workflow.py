"""OWES editors propose good practices through the ROPS approval workflow, like news."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage
from portal.organisations import roles
from portal.organisations.models import Organisation

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def people(demo) -> dict:
    users = get_user_model().objects
    return {
        "owes_a": users.get(email="redakcja@swietokrzyski-owes.example.org"),
        "owes_b": users.get(email="redakcja@kielecko-ostrowiecki-owes.example.org"),
        "rops": users.get(email="moderator@rops.example.org"),
    }


@pytest.fixture
def index() -> GoodPracticeIndexPage:
    return GoodPracticeIndexPage.objects.get(locale__language_code="pl")


@pytest.fixture
def draft(index, people) -> GoodPracticePage:
    page = GoodPracticePage(
        title="Praktyka OWES A",
        slug="praktyka-owes-a",
        summary="Co zrobiliśmy.",
        year=2025,
        requested_by=Organisation.objects.get(slug="swietokrzyski-owes"),
        owner=people["owes_a"],
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=people["owes_a"])
    page.refresh_from_db()
    return page


def test_owes_editor_may_add_a_practice_in_the_admin(client, people, index):
    assert index.permissions_for_user(people["owes_a"]).can_add_subpage()
    client.force_login(people["owes_a"])
    url = f"/admin/pages/add/goodpractices/goodpracticepage/{index.pk}/"
    assert client.get(url).status_code == 200


def test_owes_editor_submits_and_only_the_rops_publishes(client, people, draft):
    editor, moderator = people["owes_a"], people["rops"]
    tester = draft.permissions_for_user(editor)
    assert tester.can_edit() and tester.can_submit_for_moderation()
    assert not tester.can_publish()
    other = draft.permissions_for_user(people["owes_b"])
    assert not other.can_edit() and not other.can_submit_for_moderation()

    workflow = draft.get_workflow()
    assert workflow is not None and workflow.name == "Publikacja na wniosek"
    task = workflow.tasks.first().specific
    assert list(task.groups.all()) == [Group.objects.get(name=roles.ROPS_MODERATORS)]
    workflow.start(draft, editor)
    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live
    assert [a[0] for a in task.get_actions(draft, editor)] == []
    assert client.get("/dobre-praktyki/praktyka-owes-a/").status_code == 404

    task_state = draft.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert client.get("/dobre-praktyki/praktyka-owes-a/").status_code == 200
    listing = client.get("/dobre-praktyki/", {"q": "praktyka owes"}).content.decode()
    assert "Praktyka OWES A" in listing


def test_rops_moderator_opens_the_edit_form_of_a_demo_practice(client, people):
    page = GoodPracticePage.objects.get(slug="maseczki-nitka-2020", locale__language_code="pl")
    client.force_login(people["rops"])
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert 'name="areas"' in response.content.decode()
