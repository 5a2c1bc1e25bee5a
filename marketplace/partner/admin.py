"""Oscar's partner admin, kept by the fork, with the ROPS spreadsheet import and export of PES."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from oscar.apps.partner.admin import *  # noqa: F403
from oscar.apps.partner.admin import PartnerAdmin as OscarPartnerAdmin
from oscar.core.loading import get_model

from .resources import IMPORT_FORMATS, PartnerResource, import_refused

Partner = get_model("partner", "Partner")
ActivityField = get_model("partner", "ActivityField")


class PesAdmin(ImportExportModelAdmin, OscarPartnerAdmin):
    """The PES register: import a ROPS spreadsheet (dry run first, all or nothing), export it."""

    resource_classes = [PartnerResource]
    import_template_name = "admin/partner/partner/import_pes.html"
    list_display = ("name", "code", "nip", "legal_form", "powiat", "listed_in_directory")
    list_filter = ("legal_form", "powiat", "reintegration", "listed_in_directory")
    search_fields = ("name", "code", "nip", "regon", "krs")
    filter_horizontal = ("activity_fields",)

    def get_import_formats(self) -> list:
        return IMPORT_FORMATS

    def get_export_formats(self) -> list:
        return [base_formats.CSV, base_formats.XLSX]

    def has_import_permission(self, request: HttpRequest) -> bool:
        """Importing adds and changes PES, so it takes both permissions."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        """The confirm step re-reads the file: if it no longer imports cleanly, say so."""
        if import_refused(result):
            messages.error(
                request,
                _("Nothing was imported: some rows were refused. Upload the file again."),
            )
            return HttpResponseRedirect(reverse("admin:partner_partner_import"))
        return super().process_result(result, request)


@admin.register(ActivityField)
class ActivityFieldAdmin(admin.ModelAdmin):
    """The managed taxonomy the import matches "Branże" against."""

    list_display = ("name", "name_en", "slug")
    search_fields = ("name", "name_en", "slug")
    prepopulated_fields = {"slug": ("name",)}


admin.site.unregister(Partner)
admin.site.register(Partner, PesAdmin)
