import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, forked only so its sub-apps' forks load.

    `get_class("dashboard.catalogue.views", …)` looks for local modules under the app labelled
    `dashboard`, so forked sub-apps are found only below a forked dashboard app.
    """

    name = "marketplace.dashboard"
