"""Times in Europe/Warsaw, and a clock stopped at one of them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.utils import timezone

WARSAW = ZoneInfo("Europe/Warsaw")


def warsaw(*args: int) -> datetime:
    """A datetime given as its Warsaw wall-clock parts (year, month, day, hour, minute…)."""
    return timezone.make_aware(datetime(*args))


def local(days: int, hour: int = 10, minute: int = 0) -> datetime:
    """`days` from today at a local (Europe/Warsaw) hour."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@contextmanager
def clock(day: date, at: time = time(12, 0)) -> Iterator[None]:
    """Pretend it is `at` o'clock on `day` in Warsaw (timezone.now patched; the ORM is real)."""
    moment = datetime.combine(day, at, tzinfo=WARSAW)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield
