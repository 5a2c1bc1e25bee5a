"""Gminas and local plans as Wagtail snippets under one "Local ES plans" menu item.

Permissions by role (`permissions.py`): the generic edit view checks only the model-level
"change", so the plan's edit view also checks the plan itself, and the form offers an OWES
editor only the gminas of its own powiats and itself as the supporting OWES.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from portal.organisations import access
from portal.organisations.models import Organisation

from .models import Gmina, LocalPlan
from .permissions import GminaPolicy, LocalPlanPolicy, may_edit_plan_of, owes_powiat_ids

register_permission_policy(Gmina, GminaPolicy(Gmina), exact_class=True)
register_permission_policy(LocalPlan, LocalPlanPolicy(LocalPlan), exact_class=True)


class LocalPlanForm(WagtailAdminModelForm):
    """For an OWES editor: its own powiats' gminas, and itself as the only supporting OWES."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.for_user
        gminas = Gmina.objects.select_related("powiat").order_by("name")
        owes = Organisation.objects.filter(kind=Organisation.Kind.OWES)
        if user is not None and not access.is_rops(user):
            gminas = gminas.filter(powiat__in=owes_powiat_ids(user))
            mine = access.owes_of(user)
            owes = owes.filter(pk=mine.pk if mine else None)
        if "gmina" in self.fields:
            self.fields["gmina"].queryset = gminas
        if "supporting_owes" in self.fields:
            self.fields["supporting_owes"].queryset = owes


class LocalPlanEditView(EditView):
    def get_object(self, queryset: Any = None) -> LocalPlan:
        plan = super().get_object(queryset)
        if not may_edit_plan_of(self.request.user, plan.gmina):
            raise PermissionDenied
        return plan


class GminaViewSet(SnippetViewSet):
    model = Gmina
    icon = "site"
    menu_label = _("Gminas")
    list_display = ["name", "teryt", "kind", "powiat"]
    list_filter = ["powiat", "kind"]
    search_fields = ["name", "teryt"]
    search_backend_name = None  # the ORM: about a hundred rows, no search index to keep
    list_per_page = 50

    def get_queryset(self, request: Any) -> Any:
        return Gmina.objects.select_related("powiat")


class LocalPlanViewSet(SnippetViewSet):
    model = LocalPlan
    icon = "doc-full"
    menu_label = _("Local plans")
    list_display = ["gmina", "status", "resolution_number", "period", "supporting_owes", "updated"]
    list_filter = ["status", "gmina__powiat"]
    search_fields = ["gmina__name", "gmina__teryt", "resolution_number"]
    search_backend_name = None
    list_per_page = 50
    edit_view_class = LocalPlanEditView
    edit_handler = ObjectList(
        [FieldPanel(name) for name in (p.field_name for p in LocalPlan.panels)],
        base_form_class=LocalPlanForm,
    )

    def get_queryset(self, request: Any) -> Any:
        return LocalPlan.objects.select_related("gmina__powiat", "supporting_owes", "document")


class LocalPlansGroup(SnippetViewSetGroup):
    menu_label = _("Local ES plans")
    menu_icon = "list-ul"
    menu_order = 450
    items = (LocalPlanViewSet, GminaViewSet)


register_snippet(LocalPlansGroup)
