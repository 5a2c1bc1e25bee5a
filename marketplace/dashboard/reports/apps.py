import oscar.apps.dashboard.reports.apps as apps


class ReportsDashboardConfig(apps.ReportsDashboardConfig):
    """Oscar's reports, forked so every report's CSV defuses formula-looking cells."""

    name = "marketplace.dashboard.reports"
