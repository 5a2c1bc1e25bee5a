"""The ROPS's procurement pages in the Wagtail admin: verify buyers, moderate pending notices.

ROPS moderators are not `is_staff` (the Django admin is closed to them), so these simple admin
views are their tool; superusers and the "Moderatorzy ROPS" group only (`permissions.is_rops`).
Every change goes through `publishing` (which e-mails the buyer), never a direct save.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import permissions, publishing
from .buyer_forms import ReturnForm
from .models import BuyerOrganisation, Notice, NoticeStatus


def _rops_only(request: HttpRequest) -> None:
    if not permissions.is_rops(request.user):
        raise PermissionDenied


def index(request: HttpRequest) -> HttpResponse:
    """Pending notices first (they wait for the ROPS), then every buyer with "verify"."""
    _rops_only(request)
    pending = Notice.objects.filter(status=NoticeStatus.PENDING).select_related("buyer")
    buyers = BuyerOrganisation.objects.select_related("powiat").order_by("verified_at", "name")
    return TemplateResponse(
        request,
        "procurement/rops/index.html",
        {"pending": list(pending.order_by("created")), "buyers": list(buyers)},
    )


@require_POST
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    _rops_only(request)
    buyer = get_object_or_404(BuyerOrganisation, pk=pk)
    try:
        publishing.verify_buyer(buyer, request.user)
    except publishing.PublishingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s has been verified.") % {"name": buyer.name})
    return redirect("procurement_rops_index")


def review(request: HttpRequest, pk: int) -> HttpResponse:
    """A pending notice in full, with "publish" and "return with a comment"."""
    _rops_only(request)
    notice = get_object_or_404(Notice.objects.select_related("buyer"), pk=pk)
    form = ReturnForm()
    if request.method == "POST":
        try:
            if "publish" in request.POST:
                publishing.moderate_publish(notice, request.user)
                messages.success(request, _("The notice has been published; the buyer is told."))
                return redirect("procurement_rops_index")
            form = ReturnForm(request.POST)
            if form.is_valid():
                publishing.moderate_return(notice, request.user, form.cleaned_data["comment"])
                messages.success(request, _("The notice has been returned; the buyer is told."))
                return redirect("procurement_rops_index")
        except publishing.PublishingError as error:
            messages.error(request, str(error))
    return TemplateResponse(
        request,
        "procurement/rops/review.html",
        {
            "notice": notice,
            "form": form,
            "documents": list(notice.documents.all()),
            "activity_fields": list(notice.activity_fields.all()),
            "powiats": list(notice.powiats.all()),
        },
    )


class RopsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return permissions.is_rops(request.user)


@hooks.register("register_admin_urls")
def register_procurement_urls():
    urls = [
        path("", index, name="procurement_rops_index"),
        path("kupujacy/<int:pk>/weryfikuj/", verify, name="procurement_rops_verify"),
        path("ogloszenia/<int:pk>/", review, name="procurement_rops_review"),
    ]
    return [path("zamowienia/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_procurement_menu_item():
    return RopsMenuItem(
        gettext_lazy("Social procurement"),
        reverse("procurement_rops_index"),
        icon_name="doc-full",
        order=902,
    )
