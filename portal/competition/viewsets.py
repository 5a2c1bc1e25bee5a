"""ROPS moderation of the nominations in the Wagtail admin.

The ROPS moderators are not `is_staff`, so the Django admin is closed to them; this viewset is
their tool: a filtered list, and an edit form for the decision (accept / reject with a reason)
and the award. A changed status goes through `nominations.accept` / `reject`, so the nominator
is e-mailed exactly as from anywhere else. Only superusers and the "Moderatorzy ROPS" group may
use it: a permission policy checks that directly (no model permissions are handed out).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.cache import invalidate_pages
from portal.organisations import roles

from . import nominations
from .models import Award, Nomination


def is_rops_moderator(user) -> bool:
    """A superuser or a member of the ROPS moderators group (cached on the user object)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache_attr = "_portal_group_names"
    if not hasattr(user, cache_attr):
        setattr(user, cache_attr, set(user.groups.values_list("name", flat=True)))
    return roles.ROPS_MODERATORS in getattr(user, cache_attr)


class RopsModeratorPermissionPolicy(BasePermissionPolicy):
    """Superusers and ROPS moderators may view and change nominations; nobody adds, copies or
    deletes them here (nominations come from the public form)."""

    allowed_actions = frozenset({"change", "view"})
    permission_cache_name = "_rops_nomination_permissions"

    def user_has_permission(self, user, action) -> bool:
        return action in self.allowed_actions and is_rops_moderator(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.allowed_actions.intersection(actions):
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=roles.ROPS_MODERATORS)).distinct()


nomination_permission_policy = RopsModeratorPermissionPolicy(Nomination)
register_permission_policy(Nomination, nomination_permission_policy, exact_class=True)


class NominationModerationForm(WagtailAdminModelForm):
    """The decision and the award, validated together."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The instance is changed in place by validation: remember what was stored.
        self.original_status = self.instance.status
        self.original = {
            name: getattr(self.instance, name)
            for name in ("status", "decision_reason", "award", "award_name")
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        status = cleaned.get("status")
        reason = (cleaned.get("decision_reason") or "").strip()
        award = cleaned.get("award") or ""
        award_name = (cleaned.get("award_name") or "").strip()
        cleaned["decision_reason"] = reason
        if status == Nomination.Status.REJECTED and not reason:
            self.add_error(
                "decision_reason",
                ValidationError(
                    _("Give the reason for rejecting the nomination: the nominator is told it."),
                    code="reason_required",
                ),
            )
        if (
            status == Nomination.Status.SUBMITTED
            and self.original_status != Nomination.Status.SUBMITTED
        ):
            self.add_error(
                "status",
                ValidationError(
                    _("A decided nomination cannot go back to submitted."), code="already_decided"
                ),
            )
        if award and status != Nomination.Status.ACCEPTED:
            self.add_error(
                "award",
                ValidationError(
                    _("Only an accepted nomination can receive an award."),
                    code="award_needs_acceptance",
                ),
            )
        if award == Award.SPECIAL and not award_name:
            self.add_error(
                "award_name",
                ValidationError(
                    _("Give the name of the special award."), code="award_name_required"
                ),
            )
        cleaned["award_name"] = award_name if award == Award.SPECIAL else ""
        return cleaned

    @property
    def changed_fields(self) -> set[str]:
        return {
            name
            for name, before in self.original.items()
            if self.cleaned_data.get(name, before) != before
        }


class NominationSummaryPanel(Panel):
    """Read-only: who is nominated, by whom, why, and the letter (private download)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "competition/admin/nomination_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            nomination = self.instance
            context["nomination"] = nomination
            if nomination.pk and nomination.recommendation_letter:
                context["letter_url"] = reverse("competition_letter", args=[nomination.pk])
            return context


class NominationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("edition", "category")


class NominationEditView(EditView):
    def get_queryset(self):
        return Nomination.objects.select_related(
            "edition", "category", "candidate_partner", "candidate_organisation"
        )

    def save_instance(self):
        """Status changes go through `accept` / `reject` (which e-mail the nominator)."""
        form = self.form
        nomination = form.instance
        changed = form.changed_fields
        user = self.request.user
        status = form.cleaned_data["status"]
        if "award" in changed or "award_name" in changed:
            nomination.save(update_fields=["award", "award_name"])
        if "status" in changed:
            if status == Nomination.Status.ACCEPTED:
                nominations.accept(nomination, user)
            elif status == Nomination.Status.REJECTED:
                nominations.reject(nomination, form.cleaned_data["decision_reason"], user)
        elif "decision_reason" in changed:
            nomination.save(update_fields=["decision_reason"])
        if changed:
            log(instance=nomination, action="wagtail.edit", user=user)
            invalidate_pages()  # the results page and the profiles' badges may have changed
        return nomination


class NominationViewSet(ModelViewSet):
    model = Nomination
    icon = "trophy"
    menu_label = _("Lider ES nominations")
    menu_order = 901
    add_to_admin_menu = True
    url_prefix = "lider-es/nominacje"
    name = "competition_nominations"
    index_view_class = NominationIndexView
    edit_view_class = NominationEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["candidate_name", "edition", "category", "status", "award", "created"]
    list_filter = ["edition", "category", "status", "award"]
    search_fields = ["candidate_name", "nominator_name", "nominator_email"]
    search_backend_name = None
    list_per_page = 50
    edit_handler = ObjectList(
        [
            NominationSummaryPanel(heading=_("Nomination")),
            FieldPanel("status"),
            FieldPanel("decision_reason", widget=forms.Textarea(attrs={"rows": 3})),
            FieldPanel("award"),
            FieldPanel("award_name"),
        ],
        base_form_class=NominationModerationForm,
    )


nomination_viewset = NominationViewSet()
