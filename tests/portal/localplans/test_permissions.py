"""The admin's permission matrix: OWES A, OWES B, ROPS, an RKRES member and an anonymous
visitor × viewing the plans, editing a plan in A's powiat, in B's powiat, and the target."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.localplans.models import LocalPlan, LocalPlanSettings, PlanStatus
from portal.organisations import roles
from tests.factories.localplans import GminaFactory, LocalPlanFactory, powiat
from tests.factories.organisations import OrganisationFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db
ROLES = ["owes_a", "owes_b", "rops", "rkres", "anonymous"]


@pytest.fixture
def world() -> dict[str, Any]:
    owes_a = OrganisationFactory(name="OWES A")
    owes_a.powiats.set([powiat("buski")])
    owes_a.save()  # a ParentalManyToManyField is written on save
    owes_b = OrganisationFactory(name="OWES B")
    owes_b.powiats.set([powiat("konecki")])
    owes_b.save()

    def member(group: str, **fields: Any) -> Any:
        user = UserFactory(**fields)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "users": {
            "owes_a": member(roles.OWES_EDITORS, organisation=owes_a),
            "owes_b": member(roles.OWES_EDITORS, organisation=owes_b),
            "rops": member(roles.ROPS_MODERATORS),
            "rkres": member(roles.RKRES_MEMBERS),
            "anonymous": None,
        },
        "owes_a": owes_a,
        "owes_b": owes_b,
        "plan_a": LocalPlanFactory(gmina=GminaFactory(powiat=powiat("buski"))),
        "plan_b": LocalPlanFactory(gmina=GminaFactory(powiat=powiat("konecki"))),
    }


def _login(client, world: dict[str, Any], role: str) -> None:
    user = world["users"][role]
    if user is not None:
        client.force_login(user)


def _plan_data(plan: LocalPlan, **changes: Any) -> dict[str, Any]:
    data = {
        "gmina": plan.gmina_id,
        "status": PlanStatus.IN_PREPARATION,
        "resolution_number": "",
        "resolution_date": "",
        "period_start": "",
        "period_end": "",
        "document": "",
        "supporting_owes": "",
        "notes": "zmienione",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("owes_a", True), ("owes_b", True), ("rops", True), ("rkres", True), ("anonymous", False)],
)
def test_view_list(client, world, role, allowed) -> None:
    _login(client, world, role)
    for name in ("localplan", "gmina"):
        response = client.get(reverse(f"wagtailsnippets_localplans_{name}:list"))
        assert (response.status_code == 200) is allowed, name
    if allowed:
        assert (
            world["plan_a"].gmina.name
            in client.get(reverse("wagtailsnippets_localplans_localplan:list")).content.decode()
        )


@pytest.mark.parametrize(
    ("role", "plan", "allowed"),
    [
        ("owes_a", "plan_a", True),
        ("owes_a", "plan_b", False),
        ("owes_b", "plan_a", False),
        ("owes_b", "plan_b", True),
        ("rops", "plan_a", True),
        ("rops", "plan_b", True),
        ("rkres", "plan_a", False),
        ("rkres", "plan_b", False),
        ("anonymous", "plan_a", False),
        ("anonymous", "plan_b", False),
    ],
)
def test_edit_plan(client, world, role, plan, allowed) -> None:
    _login(client, world, role)
    target = world[plan]
    url = reverse("wagtailsnippets_localplans_localplan:edit", args=[target.pk])
    assert (client.get(url).status_code == 200) is allowed
    client.post(url, _plan_data(target))
    target.refresh_from_db()
    assert (target.notes == "zmienione") is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("owes_a", False), ("owes_b", False), ("rops", True), ("rkres", False), ("anonymous", False)],
)
def test_edit_target(client, world, role, allowed) -> None:
    _login(client, world, role)
    settings = LocalPlanSettings.objects.create(target_gminas=8)
    url = reverse("wagtailsettings:edit", args=["localplans", "localplansettings", settings.pk])
    assert (client.get(url).status_code == 200) is allowed
    client.post(url, {"target_gminas": "12"})
    assert (LocalPlanSettings.current_target() == 12) is allowed


@pytest.mark.parametrize(("role", "allowed"), [("owes_a", False), ("rops", True)])
def test_edit_gmina(client, world, role, allowed) -> None:
    _login(client, world, role)
    gmina = world["plan_a"].gmina
    url = reverse("wagtailsnippets_localplans_gmina:edit", args=[gmina.pk])
    data = {
        "teryt": gmina.teryt,
        "name": "Nowa nazwa",
        "kind": gmina.kind,
        "powiat": gmina.powiat_id,
    }
    client.post(url, data)
    gmina.refresh_from_db()
    assert (gmina.name == "Nowa nazwa") is allowed


def test_owes_sets_itself_not_another_as_supporting(client, world) -> None:
    _login(client, world, "owes_a")
    plan = world["plan_a"]
    url = reverse("wagtailsnippets_localplans_localplan:edit", args=[plan.pk])
    client.post(url, _plan_data(plan, supporting_owes=world["owes_b"].pk))
    plan.refresh_from_db()
    assert plan.supporting_owes_id is None and plan.notes == ""
    client.post(url, _plan_data(plan, supporting_owes=world["owes_a"].pk))
    plan.refresh_from_db()
    assert plan.supporting_owes_id == world["owes_a"].pk


def test_owes_cannot_move_a_plan_or_add_one_outside_its_powiats(client, world) -> None:
    _login(client, world, "owes_a")
    plan = world["plan_a"]
    outside = GminaFactory(powiat=powiat("konecki"))
    url = reverse("wagtailsnippets_localplans_localplan:edit", args=[plan.pk])
    client.post(url, _plan_data(plan, gmina=outside.pk))
    plan.refresh_from_db()
    assert plan.gmina_id != outside.pk
    add = reverse("wagtailsnippets_localplans_localplan:add")
    client.post(add, _plan_data(plan, gmina=outside.pk))
    assert not LocalPlan.objects.filter(gmina=outside).exists()
    inside = GminaFactory(powiat=powiat("buski"))
    client.post(add, _plan_data(plan, gmina=inside.pk))
    assert LocalPlan.objects.filter(gmina=inside).exists()


@pytest.mark.parametrize("role", ["owes_a", "rops", "rkres"])
def test_menu_item(client, world, role) -> None:
    _login(client, world, role)
    assert "Lokalne plany ES" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_no_menu_item_for_an_account_without_a_role(client, world) -> None:
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.OWES_EDITORS))  # an editor of no OWES
    client.force_login(user)
    assert "Lokalne plany ES" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("wagtailsnippets_localplans_localplan:list")).status_code != 200


def test_list_search_and_filters(client, world) -> None:
    _login(client, world, "rops")
    plan_a, plan_b = world["plan_a"], world["plan_b"]
    plans = reverse("wagtailsnippets_localplans_localplan:list")
    html = client.get(plans, {"q": plan_a.gmina.name}).content.decode()
    assert plan_a.gmina.name in html and plan_b.gmina.name not in html
    html = client.get(plans, {"gmina__powiat": plan_b.gmina.powiat_id}).content.decode()
    assert plan_b.gmina.name in html and plan_a.gmina.name not in html
    plan_b.status = PlanStatus.NONE
    plan_b.save()
    html = client.get(plans, {"status": PlanStatus.IN_PREPARATION}).content.decode()
    assert plan_a.gmina.name in html and plan_b.gmina.name not in html
    gminas = reverse("wagtailsnippets_localplans_gmina:list")
    html = client.get(gminas, {"q": plan_b.gmina.teryt}).content.decode()
    assert plan_b.gmina.name in html and plan_a.gmina.name not in html
    html = client.get(gminas, {"powiat": plan_a.gmina.powiat_id}).content.decode()
    assert plan_a.gmina.name in html and plan_b.gmina.name not in html
