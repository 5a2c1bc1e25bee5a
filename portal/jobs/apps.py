from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """The task queue's upkeep and the scheduler of periodic jobs (`run_scheduler`)."""

    name = "portal.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Each app declares its periodic jobs in a `jobs` module; they import models, so only
        # once the registry is ready. The admin's retry action replaces the queue's admin.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("jobs")
