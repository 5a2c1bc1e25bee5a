"""The queue in the admin: django-tasks-db's read-only list, plus a way to run failed tasks
again (a new task with the same arguments; the failed one stays as the record)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from .models import ScheduledRun

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    list_display = (*DBTaskResultAdmin.list_display, "exception_class_path")
    search_fields = ("task_path", "exception_class_path")
    actions = ["run_again"]

    @admin.action(description=_("Run the selected failed tasks again"))
    def run_again(self, request: HttpRequest, queryset: QuerySet[DBTaskResult]) -> None:
        count = 0
        for result in queryset.filter(status=TaskResultStatus.FAILED):
            stored = result.task_result
            result.task.using(queue_name=result.queue_name, priority=result.priority).enqueue(
                *stored.args, **stored.kwargs
            )
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d task queued again.", "%(count)d tasks queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ("job", "due_at", "task_id", "queued_at")
    list_filter = ("job",)
    readonly_fields = ("job", "due_at", "task_id", "queued_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
