"""The "Monitoring" admin menu: quarterly reports, progress, the import, indicators, targets.

Indicators and targets are snippets (the ROPS edits, the OWES and the RKRES read); the reports'
pages are plain admin views (`views.py`). Other apps add items to the same menu through the
"register_monitoring_menu_item" hook.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.organisations import access

from . import views
from .models import Indicator, IndicatorTarget
from .permissions import RopsOnlyPolicy, may_use_monitoring

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
    submenu_hook = "register_monitoring_menu_item"
    items = (IndicatorViewSet, IndicatorTargetViewSet)


register_snippet(MonitoringViewSetGroup)


class MonitoringMenuItem(MenuItem):
    """Shown to the ROPS, the OWES editors and the RKRES members; `rops_only` to the ROPS."""

    def __init__(self, *args, rops_only: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rops_only = rops_only

    def is_shown(self, request: HttpRequest) -> bool:
        if self.rops_only:
            return access.is_rops(request.user)
        return may_use_monitoring(request.user)


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    urls = [
        path("reports/", views.report_list, name="monitoring_reports"),
        path("reports/new/", views.report_create, name="monitoring_report_create"),
        path("reports/<int:pk>/", views.report_detail, name="monitoring_report"),
        path("progress/", views.progress_view, name="monitoring_progress"),
        path("import/", views.import_view, name="monitoring_import"),
    ]
    return [path("monitoring/", include(urls))]


@hooks.register("register_monitoring_menu_item")
def register_reports_menu_item():
    return MonitoringMenuItem(
        _("Quarterly reports"), reverse("monitoring_reports"), icon_name="doc-full", order=10
    )


@hooks.register("register_monitoring_menu_item")
def register_progress_menu_item():
    return MonitoringMenuItem(
        _("Targets and progress"), reverse("monitoring_progress"), icon_name="table", order=11
    )


@hooks.register("register_monitoring_menu_item")
def register_import_menu_item():
    return MonitoringMenuItem(
        _("Import figures"),
        reverse("monitoring_import"),
        icon_name="upload",
        order=12,
        rops_only=True,
    )
