from django.contrib import admin
from oscar.apps.shipping.admin import *  # noqa: F403  (Oscar's documented fork pattern)

from .models import DeliveryOption


@admin.register(DeliveryOption)
class DeliveryOptionAdmin(admin.ModelAdmin):
    list_display = ("name", "partner", "kind", "charge", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "partner__name")
