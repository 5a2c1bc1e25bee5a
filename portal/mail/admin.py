"""Staff see every outgoing e-mail, why it is pending or failed, and can send it again."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutgoingEmail
from .tasks import queue_delivery


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = (
        "subject",
        "recipient_list",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("status", "created_at")
    search_fields = ("subject", "recipients", "message_id")
    date_hierarchy = "created_at"
    readonly_fields = (
        "status",
        "subject",
        "from_email",
        "recipients",
        "message_id",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "next_attempt_at",
        "sent_at",
    )
    exclude = ("message",)
    actions = ["send_again"]

    @admin.display(description=_("recipients"))
    def recipient_list(self, obj: OutgoingEmail) -> str:
        return ", ".join(obj.recipients)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutgoingEmail | None = None) -> bool:
        return False

    @admin.action(description=_("Send again now (pending or failed messages)"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        retry = list(
            queryset.filter(
                status__in=[OutgoingEmail.Status.PENDING, OutgoingEmail.Status.FAILED]
            ).values_list("pk", flat=True)
        )
        OutgoingEmail.objects.filter(pk__in=retry).update(
            status=OutgoingEmail.Status.PENDING, next_attempt_at=timezone.now(), attempts=0
        )
        for pk in retry:
            queue_delivery(pk)
        self.message_user(
            request,
            ngettext(
                "%(count)d message queued to be sent again.",
                "%(count)d messages queued to be sent again.",
                len(retry),
            )
            % {"count": len(retry)},
            messages.SUCCESS,
        )
