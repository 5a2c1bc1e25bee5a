"""The annual report on the social economy (the public statistics are computed, not stored).

A report page is written by the ROPS as a narrative with the statistics tables placed in it.
Until its first publication the page shows the live figures; at the first publication the
tables are frozen into `snapshot` and the PDF is made from them (see `report.py`), so a
published year never changes when the data behind it does.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published

from portal.pages import PortalPage, portal_search_fields

# Fields the report system writes; no revision (draft, revert, republish) may overwrite them.
FROZEN_FIELDS = ("snapshot", "snapshot_taken_at", "pdf_id")


def table_choices() -> list[tuple[str, str]]:
    """The statistics tables a ROPS may place (a callable: read when the form is built)."""
    from .report import table_choices as choices

    return choices()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link", "ol", "ul", "h3", "h4"]
    )

    class Meta:
        icon = "doc-full"
        label = _("Section")


class TableChoiceBlock(blocks.ChoiceBlock):
    """The slug of a statistics table. Reading a page keeps the stored slug as it is: the
    choices (the tables' titles) are needed only by the editor's form."""

    def to_python(self, value: Any) -> Any:
        return value

    def bulk_to_python(self, values: Any) -> list:
        return list(values)


class FiguresBlock(blocks.StructBlock):
    table = TableChoiceBlock(label=_("statistics table"), choices=table_choices)

    class Meta:
        icon = "table"
        label = _("Figures (chart and table)")


class AnnualReportPage(RoutablePageMixin, PortalPage):
    """One year's report on the region's social economy, published by the ROPS."""

    year = models.PositiveSmallIntegerField(_("year"))
    region = models.CharField(
        _("region"), max_length=120, help_text=_("As it should read on the title page.")
    )
    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(
        [("section", SectionBlock()), ("figures", FiguresBlock())],
        verbose_name=_("narrative"),
        blank=True,
        help_text=_(
            "Sections of text and the statistics tables where they belong; tables not placed "
            "here are printed in the annex."
        ),
    )
    snapshot = models.JSONField(_("frozen tables"), default=list, blank=True, editable=False)
    snapshot_taken_at = models.DateTimeField(
        _("figures frozen at"), null=True, blank=True, editable=False
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("region"),
        FieldPanel("lead"),
        HelpPanel(
            content=_(
                "Until the first publication the preview shows the current figures. The first "
                "publication freezes them, makes the PDF and adds it to the RKRES page's "
                "documents; later publications change the text only."
            )
        ),
        FieldPanel("body"),
    ]
    search_fields = portal_search_fields(index.SearchField("lead"))
    parent_page_types = ["organisations.RkresPage"]
    subpage_types: list[str] = []
    template = "statistics/report/page.html"
    # A copy (or a translation) is a new report: it freezes its own figures when published.
    exclude_fields_in_copy = ["snapshot", "snapshot_taken_at", "pdf"]

    class Meta:
        verbose_name = _("annual report on the social economy")
        verbose_name_plural = _("annual reports on the social economy")

    def clean(self) -> None:
        """One report a year in each language (`locale` lives on the page table, so no database
        constraint can span it; the admin form and `full_clean` check it here)."""
        super().clean()
        if self.year is None:
            return
        others = AnnualReportPage.objects.filter(year=self.year)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"year": _("A report for this year exists already.")})

    @property
    def is_frozen(self) -> bool:
        return self.snapshot_taken_at is not None

    def with_content_json(self, content: dict[str, Any]) -> AnnualReportPage:
        """A revision carries the text only: the frozen tables and the PDF stay the live row's,
        so republishing, reverting or previewing an old draft can never unfreeze a year."""
        obj = super().with_content_json(content)
        for name in FROZEN_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .report import report_context

        context = super().get_context(request, *args, **kwargs)
        context.update(report_context(self))
        return context

    @path("")
    def report(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("dane/<slug:slug>/json/", name="data_json")
    def data_json(self, request: HttpRequest, slug: str) -> HttpResponse:
        """One frozen table as published in the report (not today's figures of the year)."""
        return JsonResponse(self._frozen_table(slug).as_dict())

    @path("dane/<slug:slug>/csv/", name="data_csv")
    def data_csv(self, request: HttpRequest, slug: str) -> HttpResponse:
        from .report import table_csv

        table = self._frozen_table(slug)
        response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="raport-{self.year}-{table.slug}.csv"'
        )
        return response

    def _frozen_table(self, slug: str) -> Any:
        from .tables import Table

        for data in self.snapshot if self.is_frozen else []:
            if data.get("slug") == slug:
                return Table.from_dict(data)
        raise Http404


def _on_published(sender: type, instance: AnnualReportPage, **kwargs: Any) -> None:
    """Every way of publishing (admin, workflow, schedule, code) ends in this signal."""
    from .report import on_first_publication

    on_first_publication(instance)


page_published.connect(_on_published, sender=AnnualReportPage, dispatch_uid="annual_report")
