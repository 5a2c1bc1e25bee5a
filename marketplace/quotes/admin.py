"""Quote requests in Django admin: for looking things up, not for editing what people sent."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from .models import REQUEST_FIELDS, Quote, QuoteRequest


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    can_delete = False
    fields = ["partner", "status", "price", "valid_until", "answered_at", "order"]
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(QuoteRequest)
class QuoteRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "subject", "contact_name", "organisation", "email", "created"]
    list_filter = ["created", "quotes__status"]
    search_fields = ["reference", "subject", "contact_name", "organisation", "email", "nip"]
    date_hierarchy = "created"
    inlines = [QuoteInline]
    readonly_fields = ["reference", "created", "product", *REQUEST_FIELDS, "language"]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # requests come from the public form or services.create_request
