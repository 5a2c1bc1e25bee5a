"""The ROPS's monitoring tools in the Wagtail admin: indicators and targets as snippets."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Indicator, IndicatorTarget
from .permissions import RopsOnlyPolicy

register_permission_policy(Indicator, RopsOnlyPolicy(Indicator), exact_class=True)
register_permission_policy(IndicatorTarget, RopsOnlyPolicy(IndicatorTarget), exact_class=True)


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = _("Indicators")
    list_display = ["name", "code", "unit", "source", "active", "sort_order"]
    list_filter = ["source", "active"]
    search_fields = ["name", "code"]


class IndicatorTargetViewSet(SnippetViewSet):
    model = IndicatorTarget
    icon = "success"
    menu_label = _("Yearly targets")
    list_display = ["indicator", "owes", "year", "value"]
    list_filter = ["year", "owes", "indicator"]
    list_per_page = 50

    def get_queryset(self, request: Any) -> Any:
        return IndicatorTarget.objects.select_related("indicator", "owes")


class MonitoringViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Monitoring")
    menu_icon = "table"
    menu_order = 440
    items = (IndicatorViewSet, IndicatorTargetViewSet)


register_snippet(MonitoringViewSetGroup)
