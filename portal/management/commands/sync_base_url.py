"""`manage.py sync_base_url`: point Wagtail's and Django's Site at BASE_URL after changing it."""

from django.core.management.base import BaseCommand

from portal.urls_absolute import base_url, sync_sites


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port and Django's Site from BASE_URL."

    def handle(self, *args, **options) -> None:
        changed = sync_sites()
        state = "updated" if changed else "already in step"
        self.stdout.write(f"Sites {state}: {base_url()}/")
