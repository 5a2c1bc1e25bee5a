"""Who may do what with pages: OWES editors work only on their own organisation's news and events.

Wagtail's group page permissions are per subtree; the ROPS–OWES rule is per organisation ("on
whose request"), so pages that carry `requested_by` narrow Wagtail's tester for OWES editors.
ROPS moderators and superusers keep Wagtail's ordinary rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import PagePermissionTester

from portal.organisations import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def is_owes_editor(user: AbstractBaseUser) -> bool:
    """An OWES editor who is neither a ROPS moderator nor a superuser."""
    if not user.is_authenticated or user.is_superuser:
        return False
    cache_attr = "_portal_group_names"
    if not hasattr(user, cache_attr):
        setattr(user, cache_attr, set(user.groups.values_list("name", flat=True)))
    names = getattr(user, cache_attr)
    return roles.OWES_EDITORS in names and roles.ROPS_MODERATORS not in names


class EditorialPermissionTester(PagePermissionTester):
    """Wagtail's tester, narrowed for OWES editors to pages of their own organisation."""

    def _foreign(self) -> bool:
        if not is_owes_editor(self.user):
            return False
        owner_id = getattr(self.page, "requested_by_id", None)
        if owner_id is None:
            # Pages without an organisation (home, content pages) belong to the ROPS.
            return True
        return owner_id != getattr(self.user, "organisation_id", None)

    def can_add_subpage(self) -> bool:
        if is_owes_editor(self.user) and not getattr(self.page, "owes_may_add_here", False):
            return False
        return super().can_add_subpage()

    def can_edit(self) -> bool:
        return not self._foreign() and super().can_edit()

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return not self._foreign() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self) -> bool:
        return not self._foreign() and super().can_unpublish()

    def can_publish(self) -> bool:
        return not self._foreign() and super().can_publish()

    def can_submit_for_moderation(self) -> bool:
        # Wagtail leaves "may edit" to the views; the matrix needs it here.
        return self.can_edit() and super().can_submit_for_moderation()

    def can_lock(self) -> bool:
        return not self._foreign() and super().can_lock()

    def can_unlock(self) -> bool:
        return not self._foreign() and super().can_unlock()

    def can_move(self) -> bool:
        return not self._foreign() and super().can_move()

    def can_copy(self) -> bool:
        return not self._foreign() and super().can_copy()

    def can_view_revisions(self) -> bool:
        return not self._foreign() and super().can_view_revisions()


class EditorialPermissionsMixin:
    """Mix into every page model of the portal so the rules above apply everywhere."""

    def permissions_for_user(self, user: AbstractBaseUser) -> PagePermissionTester:
        return EditorialPermissionTester(user, self)


def hide_foreign_drafts(user: AbstractBaseUser, pages):
    """Keep other organisations' unpublished pages out of an OWES editor's listings."""
    if not is_owes_editor(user):
        return pages
    for label in ORGANISATION_PAGE_MODELS:
        model = apps.get_model(label)
        foreign_drafts = model.objects.filter(live=False).exclude(
            requested_by_id=getattr(user, "organisation_id", None)
        )
        pages = pages.exclude(pk__in=foreign_drafts.values("pk"))
    return pages


# Page models that carry `requested_by` (the organisation on whose request they are published).
ORGANISATION_PAGE_MODELS = ("news.NewsPage", "events.EventPage", "goodpractices.GoodPracticePage")


class RequestedByPageForm(WagtailAdminPageForm):
    """Admin form of news and events: an OWES editor publishes only on request of their own
    OWES; the ROPS may choose any organisation."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("requested_by")
        user = self.for_user
        if field is None or user is None:
            return
        organisation_id = getattr(user, "organisation_id", None)
        if is_owes_editor(user):
            field.disabled = True
            field.help_text = _("Set from your organisation.")
            # A disabled field shows (and submits) its initial value, never the posted one.
            self.initial["requested_by"] = organisation_id
        elif not self.instance.requested_by_id and organisation_id:
            self.initial["requested_by"] = organisation_id

    def clean(self) -> dict:
        cleaned = super().clean()
        user = self.for_user
        if user is not None and is_owes_editor(user):
            if not getattr(user, "organisation_id", None):
                raise ValidationError(_("Your account has no organisation; ask the ROPS."))
            cleaned["requested_by"] = user.organisation
        return cleaned
