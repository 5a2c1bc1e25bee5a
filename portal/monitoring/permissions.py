"""Who may do what with indicators, targets and quarterly reports.

By role (`portal/organisations/access.py`), not by Django model permissions: the ROPS (and
superusers) manage indicators and targets and decide on reports; an OWES editor reads the
indicators and works on its own OWES's reports only; an RKRES member reads indicators and the
accepted reports and changes nothing. Everybody else sees nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.organisations import access, roles

from .reports import Report, ReportStatus

VIEW = frozenset({"view"})
ALL = frozenset({"add", "change", "delete", "view"})


def may_use_monitoring(user: Any) -> bool:
    """Anyone who sees the "Monitoring" menu at all."""
    return access.is_rops(user) or access.owes_of(user) is not None or access.is_rkres_member(user)


def reports_visible_to(user: Any) -> QuerySet[Report]:
    """The reports a person may open: all (ROPS), its own (OWES), accepted ones (RKRES)."""
    reports = Report.objects.all()
    if access.is_rops(user):
        return reports
    owes = access.owes_of(user)
    if owes is not None:
        return reports.filter(owes=owes)
    if access.is_rkres_member(user):
        return reports.filter(status=ReportStatus.ACCEPTED)
    return reports.none()


def may_edit(user: Any, report: Report) -> bool:
    """The report's own OWES, while it is a draft or returned."""
    owes = access.owes_of(user)
    return owes is not None and report.owes_id == owes.pk and report.is_editable


def may_decide(user: Any, report: Report) -> bool:
    """The ROPS, on a submitted report."""
    return access.is_rops(user) and report.status == ReportStatus.SUBMITTED


class RopsOnlyPolicy(BasePermissionPolicy):
    """Indicators and targets: the ROPS edits, the OWES and the RKRES read."""

    def actions_for(self, user: Any) -> frozenset[str]:
        if access.is_rops(user):
            return ALL
        return VIEW if may_use_monitoring(user) else frozenset()

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.actions_for(user)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return bool(self.actions_for(user).intersection(actions))

    def users_with_any_permission(self, actions: Any) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if not ALL.intersection(actions):
            return users.none()
        names = [roles.ROPS_MODERATORS]
        if VIEW.intersection(actions):
            names += [roles.OWES_EDITORS, roles.RKRES_MEMBERS]
        return users.filter(Q(is_superuser=True) | Q(groups__name__in=names)).distinct()

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user: Any, actions: Any, instance: Any) -> bool:
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet:
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()
