"""Oscar's report base classes; the CSV formatter writes cells a spreadsheet will not run.

Every Oscar report (orders, products, users, baskets, vouchers, offers, an offer's order
discounts) loads `ReportCSVFormatter` from here through `get_class`, so one override covers
them all: a customer named `=HYPERLINK(...)` stays text in the staff's spreadsheet.
"""

from __future__ import annotations

from typing import Any

from oscar.apps.dashboard.reports import reports as oscar_reports
from oscar.apps.dashboard.reports.reports import *  # noqa: F403

from portal.exports import SafeWriter


class ReportCSVFormatter(oscar_reports.ReportCSVFormatter):
    def get_csv_writer(self, file_handle: Any, **kwargs: Any) -> SafeWriter:
        return SafeWriter(super().get_csv_writer(file_handle, **kwargs))
