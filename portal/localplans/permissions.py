"""Who may do what with gminas and local plans in the Wagtail admin.

By role, not by Django model permissions (`portal/organisations/access.py`): the ROPS (and
superusers) edit everything; an OWES editor views everything and adds or changes the plans of
gminas in the powiats its OWES serves; an RKRES member views. Nobody else sees these snippets.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.organisations import access, roles

VIEW = frozenset({"view"})
ALL = frozenset({"add", "change", "delete", "view"})


def may_view(user: Any) -> bool:
    return access.is_rops(user) or access.owes_of(user) is not None or access.is_rkres_member(user)


def owes_powiat_ids(user: Any) -> set[int]:
    """The powiats of the user's OWES (read once per user object)."""
    owes = access.owes_of(user)
    if owes is None:
        return set()
    if not hasattr(user, "_localplans_powiats"):
        user._localplans_powiats = set(owes.powiats.values_list("pk", flat=True))
    return user._localplans_powiats


def may_edit_plan_of(user: Any, gmina: Any) -> bool:
    """The ROPS any gmina's plan; an OWES editor a plan of a gmina in its own powiats."""
    if access.is_rops(user):
        return True
    return gmina is not None and gmina.powiat_id in owes_powiat_ids(user)


class _RolePolicy(BasePermissionPolicy):
    """Base: view for the three roles; the rest per subclass."""

    def actions_for(self, user: Any) -> frozenset[str]:
        if access.is_rops(user):
            return ALL
        return VIEW if may_view(user) else frozenset()

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.actions_for(user)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return bool(self.actions_for(user).intersection(actions))

    def users_with_any_permission(self, actions: Any) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if not ALL.intersection(actions):
            return users.none()
        names = [roles.ROPS_MODERATORS]
        if VIEW.intersection(actions) or self.owes_may(actions):
            names += [roles.OWES_EDITORS, roles.RKRES_MEMBERS]
        return users.filter(Q(is_superuser=True) | Q(groups__name__in=names)).distinct()

    def owes_may(self, actions: Any) -> bool:
        return False

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user: Any, actions: Any, instance: Any) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet:
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()


class GminaPolicy(_RolePolicy):
    """Gminas come from the TERC register: the ROPS keeps them, the others read them."""


class LocalPlanPolicy(_RolePolicy):
    """An OWES editor adds and changes plans, but only those of gminas in its own powiats."""

    OWES_ACTIONS = frozenset({"add", "change", "view"})

    def actions_for(self, user: Any) -> frozenset[str]:
        if access.owes_of(user) is not None and not access.is_rops(user):
            return self.OWES_ACTIONS
        return super().actions_for(user)

    def owes_may(self, actions: Any) -> bool:
        return bool(self.OWES_ACTIONS.intersection(actions))

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if action == "view" or access.is_rops(user):
            return True
        return may_edit_plan_of(user, instance.gmina)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet:
        if access.is_rops(user) or (VIEW.intersection(actions) and may_view(user)):
            return super().instances_user_has_any_permission_for(user, actions)
        if self.user_has_any_permission(user, actions):
            return self.model.objects.filter(gmina__powiat__in=owes_powiat_ids(user))
        return self.model.objects.none()
