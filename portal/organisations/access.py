"""Who a person is to the region: the ROPS, an OWES, an RKRES member (monitoring permissions).

Roles come from the groups of `roles` and the organisation on the user; the group names are
cached on the user object, so a permission check costs one query per request at most.
"""

from __future__ import annotations

from typing import Any

from . import roles
from .models import Organisation

_GROUPS_CACHE = "_organisation_role_names"


def _active(user: Any) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def group_names(user: Any) -> set[str]:
    """The user's group names, read once per user object."""
    if not _active(user):
        return set()
    if not hasattr(user, _GROUPS_CACHE):
        setattr(user, _GROUPS_CACHE, set(user.groups.values_list("name", flat=True)))
    return getattr(user, _GROUPS_CACHE)


def is_rops(user: Any) -> bool:
    """A superuser or a ROPS moderator: manages indicators, accepts reports, reads everything."""
    return _active(user) and (user.is_superuser or roles.ROPS_MODERATORS in group_names(user))


def is_rkres_member(user: Any) -> bool:
    """A member of the regional committee: reads self-evaluations and reports, changes nothing."""
    return roles.RKRES_MEMBERS in group_names(user)


def owes_of(user: Any) -> Organisation | None:
    """The OWES an OWES editor works for (their own reports and answers), else None."""
    if not _active(user) or roles.OWES_EDITORS not in group_names(user):
        return None
    organisation = user.organisation
    if organisation is None or organisation.kind != Organisation.Kind.OWES:
        return None
    return organisation
