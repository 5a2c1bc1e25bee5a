"""Links from the Wagtail admin's Settings menu to the queue and the outbox (Django admin),
for superusers: where an operator looks when e-mail is late or a task failed."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_tasks_menu_item() -> MenuItem:
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    return SuperuserMenuItem(_("Background tasks"), url, icon_name="cogs", order=900)


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item() -> MenuItem:
    url = reverse("admin:mail_outgoingemail_changelist")
    return SuperuserMenuItem(_("Outgoing e-mail"), url, icon_name="mail", order=901)
