"""The editorial permission matrix: view a draft, edit, submit, publish, unpublish, delete."""

from __future__ import annotations

import pytest

from portal.news.models import NewsPage

pytestmark = pytest.mark.usefixtures("demo")

# On a draft news item requested by OWES A (written by OWES A's editor).
DRAFT = {
    #               view   edit   submit publish delete
    "anonymous": (False, False, False, False, False),
    "owes_a": (True, True, True, False, True),
    "owes_b": (False, False, False, False, False),
    "rops": (True, True, True, True, True),
    "superuser": (True, True, True, True, True),
}
# On a live news item of OWES A.
LIVE = {
    #               edit   unpublish delete
    "anonymous": (False, False, False),
    "owes_a": (True, False, False),
    "owes_b": (False, False, False),
    "rops": (True, True, True),
    "superuser": (True, True, True),
}


def _tester(page: NewsPage, user):
    from django.contrib.auth.models import AnonymousUser

    return page.permissions_for_user(user or AnonymousUser())


def _can_view_draft(client, page: NewsPage, user) -> bool:
    """Through the admin: the edit view (which shows the draft) opens."""
    if user is not None:
        client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    return response.status_code == 200


@pytest.mark.parametrize("who", list(DRAFT))
def test_draft_matrix(client, people, draft_of_a, who):
    view, edit, submit, publish, delete = DRAFT[who]
    user = people[who]
    tester = _tester(draft_of_a, user)
    assert _can_view_draft(client, draft_of_a, user) is view
    assert tester.can_edit() is edit
    assert tester.can_submit_for_moderation() is submit
    assert tester.can_publish() is publish
    assert tester.can_delete() is delete
    # Nobody sees a draft on the public site.
    client.logout()
    assert client.get("/aktualnosci/szkic-owes-a/").status_code == 404


@pytest.mark.parametrize("who", list(LIVE))
def test_live_matrix(people, live_of_a, who):
    edit, unpublish, delete = LIVE[who]
    tester = _tester(live_of_a, people[who])
    assert tester.can_edit() is edit
    assert tester.can_unpublish() is unpublish
    assert tester.can_delete() is delete


def test_owes_b_cannot_open_or_post_owes_a_edit_form(client, people, draft_of_a):
    client.force_login(people["owes_b"])
    assert client.get(f"/admin/pages/{draft_of_a.pk}/edit/").status_code in (302, 403)
    response = client.post(f"/admin/pages/{draft_of_a.pk}/edit/", {"title": "Przejęta"})
    assert response.status_code in (302, 403)
    draft_of_a.refresh_from_db()
    assert draft_of_a.title != "Przejęta"


def test_owes_b_does_not_see_owes_a_drafts_in_the_explorer(client, people, news_index, draft_of_a):
    client.force_login(people["owes_b"])
    listing = client.get(f"/admin/pages/{news_index.pk}/").content.decode()
    assert "Wiadomość szkic-owes-a" not in listing
    client.force_login(people["owes_a"])
    listing = client.get(f"/admin/pages/{news_index.pk}/").content.decode()
    assert "Wiadomość szkic-owes-a" in listing


def test_owes_editor_may_add_news_but_not_content_pages(people, news_index):
    from home.models import HomePage

    editor = people["owes_a"]
    assert news_index.permissions_for_user(editor).can_add_subpage()
    home = HomePage.objects.get(locale__language_code="pl")
    assert not home.permissions_for_user(editor).can_add_subpage()


def test_owes_editor_cannot_change_the_requesting_organisation(client, people, news_index, owes_b):
    """The form sets 'on request of' from the author's organisation, whatever is posted."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    editor = people["owes_a"]
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Nowe szkolenie OWES",
            "slug": "nowe-szkolenie-owes",
            "date": "2026-11-20",
            "lead": "Zapraszamy na szkolenie.",
            "requested_by": owes_b.pk,
            "body": streamfield([]),
            "image_alt": "",
            "tags": "",
        }
    )
    response = client.post(f"/admin/pages/add/news/newspage/{news_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="nowe-szkolenie-owes")
    assert page.requested_by == editor.organisation
    assert not page.live
