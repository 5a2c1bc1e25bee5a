"""`manage.py load_demo`: the demo region of świętokrzyskie, safe to run again and again."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from portal.demo.identifiers import DEMO_PASSWORD
from portal.demo.loader import DemoLoader
from portal.urls_absolute import base_url, sync_sites
from search import upkeep

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = "Load the demo region (powiats, ROPS, OWES, PES, products, pages, accounts)."

    def handle(self, *args, **options) -> None:
        # Wagtail's own index and reference upkeep runs as tasks: run them here, so the demo is
        # complete when the command returns instead of leaving hundreds of tasks to the worker.
        with override_settings(TASKS=IMMEDIATE_TASKS):
            self.load()

    def load(self) -> None:
        loader = DemoLoader(stdout=self.stdout)
        with upkeep.paused():
            loader.run()
        # Wagtail's and Django's Site name BASE_URL (`make run PORT=8080` passes it), so page
        # links, the sitemap and e-mails agree with the address that serves the demo.
        sync_sites()
        self.stdout.write(f"Site address: {base_url()}/")
        # The search index from scratch: some demo rows are bulk-created (no signals).
        call_command("search_index", "rebuild", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS("Demo region loaded."))
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for role, email in loader.accounts:
            self.stdout.write(f"  {email:42} {role}")
