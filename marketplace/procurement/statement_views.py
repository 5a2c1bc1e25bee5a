"""The social-value statement (buyers' staff and the ROPS) and the public ranking of buyers.

GETs only: nothing here writes. A buyer is chosen with `?buyer=<slug>` like the panel; a slug
the user may not see is a 404, so slugs reveal nothing.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.exports import SafeWriter

from . import permissions, statement
from .models import BuyerOrganisation
from .statement_pdf import statement_pdf

FIRST_YEAR = 2020


class PeriodForm(forms.Form):
    """A year, or a from–to range (which wins when both ends are given)."""

    year = forms.IntegerField(label=gettext_lazy("Year"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for bound in self.fields.values():
            bound.widget.attrs["class"] = "form-control"

    def clean_year(self) -> int | None:
        year = self.cleaned_data.get("year")
        if year is not None and not FIRST_YEAR <= year <= timezone.localdate().year + 1:
            raise forms.ValidationError(
                _("Choose a year between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": timezone.localdate().year + 1}
            )
        return year

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        last = date(timezone.localdate().year + 1, 12, 31)
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day is not None and not date(FIRST_YEAR, 1, 1) <= day <= last:
                self.add_error(
                    name,
                    _("Choose a date between %(first)s and %(last)s.")
                    % {"first": date(FIRST_YEAR, 1, 1).isoformat(), "last": last.isoformat()},
                )
                return data
        if bool(start) != bool(end) and not self.errors:
            raise forms.ValidationError(_("Give both dates of the period, or a year."))
        if start and end and start > end:
            raise forms.ValidationError(_("The period cannot end before it starts."))
        if start and end and (end - start).days > 366 * 5:
            raise forms.ValidationError(_("Choose a period of at most five years."))
        return data

    def period(self) -> statement.Period:
        """The chosen period; this year when nothing valid was chosen."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            if data.get("date_from") and data.get("date_to"):
                return statement.Period(data["date_from"], data["date_to"])
            if data.get("year"):
                return statement.Period.year(data["year"])
        return statement.Period.year(timezone.localdate().year)


def _period_form(request: HttpRequest) -> PeriodForm:
    keys = ("year", "date_from", "date_to")
    data = {key: request.GET[key] for key in keys if request.GET.get(key)}
    return PeriodForm(data or None)


def _buyer(request: HttpRequest) -> tuple[BuyerOrganisation | None, list[BuyerOrganisation]]:
    """The chosen buyer and the user's own; the ROPS may open any buyer by its slug."""
    buyers = list(permissions.buyers_of(request.user).order_by("name"))
    slug = (request.GET.get("buyer") or "")[:80]
    if slug:
        chosen = next((buyer for buyer in buyers if buyer.slug == slug), None)
        if chosen is None and permissions.is_rops(request.user):
            chosen = BuyerOrganisation.objects.filter(slug=slug).first()
        if chosen is None:
            raise Http404
        return chosen, buyers
    return (buyers[0] if buyers else None), buyers


def _filename(buyer: BuyerOrganisation, period: statement.Period, extension: str) -> str:
    return f"wartosc-spoleczna-{buyer.slug}-{period.start}-{period.end}.{extension}"


@never_cache
@login_required
@require_GET
def statement_page(request: HttpRequest) -> HttpResponse:
    buyer, buyers = _buyer(request)
    form = _period_form(request)
    if buyer is None:
        context = {"buyers": buyers, "is_rops": permissions.is_rops(request.user)}
        if context["is_rops"]:
            context["all_buyers"] = BuyerOrganisation.objects.order_by("name").only("name", "slug")
        return render(request, "procurement/statement_choose.html", context)
    period = form.period()
    result = statement.compute(buyer, period)
    return render(
        request,
        "procurement/statement.html",
        {
            "buyer": buyer,
            "buyers": buyers,
            "form": form,
            "period": period,
            "statement": result,
            "social_shares": [result.certified, result.social_enterprise, result.art_94],
            "query": request.GET.urlencode(),
        },
    )


@never_cache
@login_required
@require_GET
def statement_csv(request: HttpRequest) -> HttpResponse:
    buyer, _buyers = _buyer(request)
    if buyer is None:
        raise Http404
    period = _period_form(request).period()
    result = statement.compute(buyer, period)
    buffer = io.StringIO()
    writer = SafeWriter(csv.writer(buffer))
    writer.writerow([_("Social-value statement"), buyer.name, buyer.nip])
    writer.writerow([_("Period"), period.start.isoformat(), period.end.isoformat()])
    writer.writerow([_("Total spend with PES (PLN, gross)"), result.total])
    writer.writerow([_("Number of PES"), result.partner_count])
    writer.writerow([])
    writer.writerow([_("Part"), _("Value (PLN)"), _("Share (%)"), _("Orders")])
    for share in [
        *result.by_source,
        result.certified,
        result.social_enterprise,
        result.art_94,
    ]:
        writer.writerow([share.label, share.value, share.percent, share.orders])
    writer.writerow([])
    writer.writerow([_("Powiat"), _("Value (PLN)"), _("Share (%)"), _("Orders")])
    for share in result.by_powiat:
        writer.writerow([share.label, share.value, share.percent, share.orders])
    writer.writerow([])
    writer.writerow([_("Field of activity"), _("Value (PLN)"), _("Share (%)"), _("Orders")])
    for share in result.by_field:
        writer.writerow([share.label, share.value, share.percent, share.orders])
    writer.writerow([_("A PES with several fields of activity counts in each of them.")])
    writer.writerow([])
    writer.writerow(
        [
            _("Order"),
            _("Date"),
            _("Source"),
            _("PES"),
            _("NIP"),
            _("Value (PLN)"),
            _("Certified"),
            _("Status PS"),
            _("Art. 94"),
        ]
    )
    for row in result.rows:
        writer.writerow(
            [
                row.number,
                row.day.isoformat(),
                row.source_label,
                row.partner.name,
                row.partner.nip,
                row.total,
                _yes(row.certified),
                _yes(row.social_enterprise),
                _yes(row.art_94),
            ]
        )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(buyer, period, "csv")}"'
    return response


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


@never_cache
@login_required
@require_GET
def statement_pdf_view(request: HttpRequest) -> HttpResponse:
    buyer, _buyers = _buyer(request)
    if buyer is None:
        raise Http404
    period = _period_form(request).period()
    response = HttpResponse(
        statement_pdf(statement.compute(buyer, period)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(buyer, period, "pdf")}"'
    return response


class RankingForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].widget.attrs["class"] = "form-control"
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]

    def chosen_year(self) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return timezone.localdate().year


@require_GET
def ranking_page(request: HttpRequest) -> HttpResponse:
    """Anyone: buyers who opted in, by the year's spend with PES (public figures only)."""
    form = RankingForm(request.GET if request.GET.get("year") else None)
    year = form.chosen_year()
    return render(
        request,
        "procurement/ranking.html",
        {"form": form, "year": year, "entries": statement.ranking(year)},
    )
