"""Procurement in the Django admin (staff): buyers and their staff, notices, offers read-only.

Offers go through the model's default manager, `Offer.objects`, which is sealed: the admin
lists no offer (and no attachment) of a notice before its opening time. Nothing here may switch
to `Offer.submissions`. Status changes (publishing, award, cancellation) are made in the
buyer's panel or the ROPS's Wagtail pages (`publishing.py`), so they are read-only here.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from .models import BuyerMembership, BuyerOrganisation, Notice, NoticeDocument, Offer


class BuyerMembershipInline(admin.TabularInline):
    model = BuyerMembership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "is_admin", "created"]
    readonly_fields = ["created"]


@admin.register(BuyerOrganisation)
class BuyerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "nip", "email", "verified_at", "in_public_ranking", "created"]
    list_filter = ["kind", ("verified_at", admin.EmptyFieldListFilter), "in_public_ranking"]
    search_fields = ["name", "nip", "email", "slug"]
    readonly_fields = ["verified_at", "verified_by", "created"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BuyerMembershipInline]


class NoticeDocumentInline(admin.TabularInline):
    model = NoticeDocument
    extra = 0


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["reference", "subject", "buyer", "kind", "status", "deadline", "opening_at"]
    list_filter = ["status", "kind"]
    search_fields = ["reference", "subject", "buyer__name"]
    list_select_related = ["buyer"]
    date_hierarchy = "deadline"
    inlines = [NoticeDocumentInline]
    readonly_fields = [
        "reference",
        "status",
        "moderation_comment",
        "published_at",
        "cancelled_at",
        "cancel_reason",
        "awarded_offer",
        "award_value",
        "awarded_at",
        "order",
        "alerts_queued_at",
        "created_by",
        "created",
        "updated",
    ]
    filter_horizontal = ["activity_fields", "powiats"]
    raw_id_fields = ["buyer"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    """Read-only, and through the sealed default manager (never `Offer.submissions`)."""

    list_display = ["notice", "partner", "price", "status", "submitted_at"]
    list_filter = ["status"]
    list_select_related = ["notice", "partner"]
    search_fields = ["notice__reference", "partner__name"]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in Offer._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
