"""Public certificate pages (register, verification, QR, PDF) and the PES's application pages.

The public pages are plain GETs without forms, so the anonymous page cache may keep them; the
signals in `signals.py` renew them when a certificate changes and when a new day begins.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from oscar.core.loading import get_model

from marketplace.dashboard_access import is_pes_user
from portal.http import SeeOther
from portal.urls_absolute import absolute_url

from .forms import ApplicationForm
from .models import (
    Application,
    ApplicationAttachment,
    Certificate,
    CertificateState,
    normalise_number,
    today_in_poland,
)
from .pdf import certificate_pdf
from .qr import qr_svg as make_qr_svg

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


def _products() -> Prefetch:
    return Prefetch("products", queryset=Product.objects.order_by("title"))


def _certificate_or_none(number: str) -> Certificate | None:
    return (
        Certificate.objects.select_related("holder")
        .prefetch_related(_products())
        .filter(number=number)
        .first()
    )


def _not_found(request: HttpRequest, number: str, *, malformed: bool) -> HttpResponse:
    return render(
        request,
        "certificates/not_found.html",
        {"number": number, "malformed": malformed},
        status=404,
    )


def register(request: HttpRequest) -> HttpResponse:
    """The public register of current holders: valid certificates only, holder by holder."""
    certificates = (
        Certificate.objects.valid_on(today_in_poland())
        .filter(holder__listed_in_directory=True)
        .select_related("holder", "holder__powiat")
        .prefetch_related(_products())
        .order_by("holder__name", "number")
    )
    return render(request, "certificates/register.html", {"certificates": certificates})


def verify(request: HttpRequest, number: str) -> HttpResponse:
    """Says plainly whether the certificate is valid today, for whom, for what, until when."""
    certificate = _certificate_or_none(number)
    if certificate is None:
        return _not_found(request, number, malformed=False)
    today = today_in_poland()
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "state": certificate.state(today),
            "states": CertificateState,
            "is_valid": certificate.is_valid(today),
            "today": today,
        },
    )


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    """Anything under /certyfikat/ that is no page: say whether the number is even well formed."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "not-found":
            return HttpResponseRedirect(request.path + "/")
    number = rest.strip("/")[:60]
    return _not_found(request, number, malformed=normalise_number(number) is None)


def verify_url(request: HttpRequest, certificate: Certificate) -> str:
    """The address a QR code and a PDF print: under BASE_URL, whatever Host asked."""
    return absolute_url(certificate.get_absolute_url())


def qr_svg(request: HttpRequest, number: str) -> HttpResponse:
    """An SVG QR code of the verification page's absolute URL (in the page's language)."""
    certificate = get_object_or_404(Certificate, number=number)
    svg = make_qr_svg(
        verify_url(request, certificate),
        title=_("QR code of certificate %(number)s") % {"number": certificate.number},
    )
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"  # the URL never changes
    return response


def pdf(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder").prefetch_related(_products()), number=number
    )
    response = HttpResponse(
        certificate_pdf(certificate, verify_url(request, certificate)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{certificate.slug}.pdf"'
    response["Cache-Control"] = "no-cache"  # it prints today's state
    return response


# The PES's application pages ------------------------------------------------------------------
@method_decorator(never_cache, name="dispatch")
class PesOnlyMixin(LoginRequiredMixin):
    """PES staff, for their own entity only; the committee and staff use the Django admin."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not is_pes_user(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def partners(self) -> QuerySet:
        return Partner.objects.filter(users=self.request.user).order_by("name")

    def applications(self) -> QuerySet:
        return Application.objects.filter(partner__in=self.partners())


class ApplicationListView(PesOnlyMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        applications = (
            self.applications()
            .select_related("partner", "certificate")
            .prefetch_related(_products())
        )
        certificates = (
            Certificate.objects.filter(holder__in=self.partners())
            .select_related("holder")
            .prefetch_related(_products())
        )
        return render(
            request,
            "certificates/application_list.html",
            {
                "applications": applications,
                "certificates": certificates,
                "today": today_in_poland(),
            },
        )


class ApplicationCreateView(PesOnlyMixin, View):
    template_name = "certificates/application_form.html"

    def get_form(self, data: Any = None, files: Any = None) -> ApplicationForm:
        return ApplicationForm(data, files, partners=self.partners())

    def get(self, request: HttpRequest) -> HttpResponse:
        partners = list(self.partners())
        if not partners:
            raise PermissionDenied
        return render(request, self.template_name, {"form": self.get_form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        if not self.partners().exists():
            raise PermissionDenied
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        with transaction.atomic():
            application = form.save(commit=False)
            application.submitted_by = request.user
            application.save()
            form.save_m2m()
            for upload in form.cleaned_data["attachments"]:
                ApplicationAttachment.objects.create(
                    application=application, file=upload, original_name=upload.name[:255]
                )
        messages.success(
            request, _("Your application has been submitted; the committee will review it.")
        )
        return SeeOther(application.get_absolute_url())


@never_cache
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """An application's PDF, for its own PES and for the committee only: it holds the PES's
    finances, so links to it go through this check rather than straight to the media folder."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    found = get_object_or_404(ApplicationAttachment.objects.select_related("application"), pk=pk)
    committee = request.user.has_perm("certificates.view_applicationattachment")
    own = (
        is_pes_user(request.user)
        and found.application.partner.users.filter(pk=request.user.pk).exists()
    )
    if not (committee or own):
        raise Http404
    try:
        handle = found.file.open("rb")  # private storage: this view is the only way in
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=True,
        filename=found.original_name or "zalacznik.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ApplicationDetailView(PesOnlyMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        application = get_object_or_404(
            self.applications()
            .select_related("partner", "certificate")
            .prefetch_related(_products(), "attachments"),
            pk=pk,
        )
        return render(request, "certificates/application_detail.html", {"application": application})
