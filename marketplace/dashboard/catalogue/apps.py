"""The catalogue dashboard: PES staff may also read their own stock alerts."""

from __future__ import annotations

import oscar.apps.dashboard.catalogue.apps as apps
from oscar.core.loading import get_class


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    name = "marketplace.dashboard.catalogue"

    def configure_permissions(self) -> None:
        super().configure_permissions()
        permission = get_class("dashboard.permissions", "DashboardPermission")
        # Oscar lists every partner's alerts to whoever holds view_stockalert; the forked view
        # scopes the list to the user's partners, so a PES may open it for its own stock.
        self.permissions_map["stock-alert-list"] = (
            permission.get("partner", "view_stockalert"),
            permission.partner_dashboard_access,
        )
