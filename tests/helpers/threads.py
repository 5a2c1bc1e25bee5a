"""Work committed on a thread of its own, for tests of what happens at the same moment."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connections

T = TypeVar("T")


def in_own_thread(function: Callable[[], T]) -> T:
    """Run on a new connection in autocommit, outside the test's rolled-back transaction, so
    other connections see the data (transactional_db would empty the demo's tables)."""
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(function())
        except BaseException as error:  # noqa: BLE001  (re-raised in the test's thread)
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results[0]
