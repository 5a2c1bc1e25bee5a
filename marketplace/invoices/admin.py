from django.contrib import admin

from .models import Invoice, KsefCredentials


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """Read-only: an issued invoice is never edited (a correction would be a new document)."""

    list_display = ("number", "partner", "buyer_name", "issue_date", "total_gross", "ksef_status")
    list_filter = ("ksef_status", "vat_rate", "year")
    search_fields = ("number", "buyer_name", "buyer_nip", "partner__name", "order__number")
    list_select_related = ("partner",)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KsefCredentials)
class KsefCredentialsAdmin(admin.ModelAdmin):
    """Only who set a token and when: the token itself is not listed or shown."""

    list_display = ("partner", "updated", "updated_by")
    fields = ("partner", "updated", "updated_by")
    readonly_fields = ("partner", "updated", "updated_by")

    def has_add_permission(self, request) -> bool:
        return False
