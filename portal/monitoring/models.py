"""Indicators, yearly targets and the OWES's quarterly reports against them."""

from .indicators import Indicator, IndicatorSource, IndicatorTarget
from .reports import Report, ReportEvent, ReportLocked, ReportStatus, ReportValue

__all__ = [
    "Indicator",
    "IndicatorSource",
    "IndicatorTarget",
    "Report",
    "ReportEvent",
    "ReportLocked",
    "ReportStatus",
    "ReportValue",
]
