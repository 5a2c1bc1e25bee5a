"""`manage.py search_index rebuild|update|status`: the search index's upkeep by hand.

`rebuild` builds every index anew from the database (Elasticsearch: into a new index, then
the alias switches, so search keeps answering), with a progress bar; pages go through
Wagtail's own `wagtail_update_index`. `update` re-indexes given products or PES."""

from __future__ import annotations

import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from search.backends import SearchUnavailable
from search.service import get_backend


class ProgressBar:
    def __init__(self, stream, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.started = time.monotonic()
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            if self.stage:
                self.stream.write("\n")
                self.started = time.monotonic()
            self.stage = stage
        total = max(total, done, 1)
        filled = int(self.width * done / total)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{stage:>10} [{bar}] {done}/{total} ({rate:,.0f}/s)")
        self.stream.flush()

    def close(self) -> None:
        if self.stage:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Rebuild, update or show the search index (database or Elasticsearch)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "update", "status"])
        parser.add_argument("--products", nargs="*", type=int, default=[])
        parser.add_argument("--partners", nargs="*", type=int, default=[])
        parser.add_argument(
            "--no-pages", action="store_true", help="Leave Wagtail's page index alone."
        )

    def handle(self, *args, **options) -> None:
        backend = get_backend()
        try:
            if options["action"] == "status":
                self.stdout.write(backend.check())
            elif options["action"] == "update":
                backend.update_products(options["products"])
                backend.update_partners(options["partners"])
                self.stdout.write("updated")
            else:
                self._rebuild(backend, pages=not options["no_pages"])
        except SearchUnavailable as error:
            raise CommandError(f"The search engine did not answer: {error}") from error

    def _rebuild(self, backend, *, pages: bool) -> None:
        started = time.monotonic()
        progress = ProgressBar(sys.stderr if self.stdout.isatty() else self.stderr)
        counts = backend.rebuild(progress)
        progress.close()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} indexed ({backend.name})")
        if pages:
            call_command("wagtail_update_index", verbosity=0)
            self.stdout.write("pages: indexed (Wagtail)")
        self.stdout.write(f"done in {time.monotonic() - started:.1f} s")
