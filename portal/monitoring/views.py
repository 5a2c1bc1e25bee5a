"""The monitoring pages in the Wagtail admin: reports, their workflow, progress and the import.

Who sees what is `permissions.py`; what changes a report is `services.py` (views never set a
status themselves). A report outside a person's reach is a 404, not a 403, so an OWES cannot
learn which reports another OWES has.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.certificates.models import today_in_poland
from portal.organisations import access

from . import importer, permissions, services
from .forms import DecisionForm, ImportForm, NewReportForm, ReportFilterForm, ValuesForm
from .progress import progress


def _may_use(request: HttpRequest) -> None:
    if not permissions.may_use_monitoring(request.user):
        raise PermissionDenied


def report_list(request: HttpRequest) -> HttpResponse:
    """The ROPS: all reports, filtered; an OWES: its own; the RKRES: the accepted ones."""
    _may_use(request)
    reports = permissions.reports_visible_to(request.user).select_related("owes")
    filters = ReportFilterForm(request.GET or None)
    if filters.is_valid():
        if filters.cleaned_data.get("owes"):
            reports = reports.filter(owes=filters.cleaned_data["owes"])
        if filters.cleaned_data.get("year"):
            reports = reports.filter(year=filters.cleaned_data["year"])
        if filters.cleaned_data.get("status"):
            reports = reports.filter(status=filters.cleaned_data["status"])
    owes = access.owes_of(request.user)
    return TemplateResponse(
        request,
        "monitoring/report_list.html",
        {
            "reports": list(reports.order_by("-year", "-quarter", "owes__name")[:500]),
            "filters": filters,
            "is_rops": access.is_rops(request.user),
            "owes": owes,
            "new_form": NewReportForm() if owes else None,
        },
    )


@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    """An OWES starts its report for a quarter that has begun (one per quarter)."""
    owes = access.owes_of(request.user)
    if owes is None:
        raise PermissionDenied
    form = NewReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a year and a quarter."))
        return redirect("monitoring_reports")
    try:
        report = services.create_report(
            owes, form.cleaned_data["year"], form.cleaned_data["quarter"], request.user
        )
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("monitoring_reports")
    messages.success(request, _("The report has been created: check the figures and save."))
    return redirect("monitoring_report", pk=report.pk)


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report, its figures (a form for the OWES while editable), decision, history."""
    _may_use(request)
    report = get_object_or_404(
        permissions.reports_visible_to(request.user).select_related(
            "owes", "submitted_by", "decided_by"
        ),
        pk=pk,
    )
    rows = list(report.values.select_related("indicator"))
    may_edit = permissions.may_edit(request.user, report)
    may_decide = permissions.may_decide(request.user, report)
    form = ValuesForm(rows=rows) if may_edit else None
    decision = DecisionForm() if may_decide else None

    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action in ("save", "submit"):
                if not may_edit:
                    raise PermissionDenied
                form = ValuesForm(request.POST, rows=rows)
                if form.is_valid():
                    services.save_values(report, form.inputs(), request.user)
                    if action == "submit":
                        services.submit(report, request.user)
                        messages.success(request, _("The report has been sent to the ROPS."))
                    else:
                        messages.success(request, _("The draft has been saved."))
                    return redirect("monitoring_report", pk=report.pk)
                messages.error(request, _("Correct the marked figures."))
            elif action in ("accept", "return"):
                if not may_decide:
                    raise PermissionDenied
                decision = DecisionForm(request.POST)
                if decision.is_valid():
                    comment = decision.cleaned_data["comment"]
                    if action == "accept":
                        services.accept(report, request.user, comment)
                        messages.success(request, _("The report has been accepted."))
                        return redirect("monitoring_report", pk=report.pk)
                    if comment.strip():
                        services.return_report(report, request.user, comment)
                        messages.success(request, _("The report has been returned to the OWES."))
                        return redirect("monitoring_report", pk=report.pk)
                    decision.add_error(
                        "comment", _("Say what the OWES should correct: the comment is required.")
                    )
            else:
                raise PermissionDenied
        except services.ReportError as error:
            messages.error(request, str(error))
            return redirect("monitoring_report", pk=report.pk)

    history = list(report.history.select_related("user"))
    codes = {row.indicator.code: row.indicator.name for row in rows}
    return TemplateResponse(
        request,
        "monitoring/report_detail.html",
        {
            "report": report,
            "rows": rows,
            "form": form,
            "decision": decision,
            "history": [(event, _named(event.values, codes)) for event in history],
        },
    )


def _named(values: dict, codes: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (codes.get(code, code), value if value is not None else "—")
        for code, value in values.items()
    ]


def progress_view(request: HttpRequest) -> HttpResponse:
    """Targets against accepted reports for a year: the ROPS and the RKRES all, an OWES its own."""
    _may_use(request)
    try:
        year = int(request.GET.get("year") or today_in_poland().year)
    except ValueError:
        year = today_in_poland().year
    year = min(max(year, 2000), 2100)
    owes = (
        None
        if access.is_rops(request.user) or access.is_rkres_member(request.user)
        else (access.owes_of(request.user))
    )
    return TemplateResponse(
        request,
        "monitoring/progress.html",
        {
            "year": year,
            "rows": progress(year, owes),
            "years": range(today_in_poland().year, today_in_poland().year - 5, -1),
        },
    )


def import_view(request: HttpRequest) -> HttpResponse:
    """The ROPS uploads a spreadsheet of figures; all rows or none are saved."""
    if not access.is_rops(request.user):
        raise PermissionDenied
    form = ImportForm()
    result = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = importer.import_file(upload.name, upload.read(), request.user)
            except importer.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                if result.ok:
                    messages.success(
                        request,
                        _("Rows imported: %(rows)d. Reports submitted: %(reports)d.")
                        % {"rows": result.rows, "reports": len(result.reports)},
                    )
                    return redirect("monitoring_reports")
    return TemplateResponse(request, "monitoring/import.html", {"form": form, "result": result})
