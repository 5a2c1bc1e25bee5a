"""The buyer's panel under /zamowienia/panel/: registration, staff, notices, offers, award.

Every page needs a login (anonymous visitors go to the login page and come back). A notice,
an offer or an attachment of another buyer is a 404, never a 403, so nobody learns it exists.
The ROPS (moderators, superusers) may read a notice's panel page, its opened offers and their
attachments, but acts for no buyer. GETs only read; every change is a POST, then a redirect.
Offers are read through the sealed default manager only (`notice.offers`, `Offer.objects`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal import ratelimit
from portal.exports import SafeWriter
from portal.http import SeeOther

from . import permissions, publishing
from .buyer_forms import (
    AnswerForm,
    AwardForm,
    BuyerForm,
    CancelForm,
    MemberForm,
    NoticeForm,
)
from .models import (
    BuyerMembership,
    BuyerOrganisation,
    Notice,
    NoticeDocument,
    NoticeQuestion,
    NoticeStatus,
    Offer,
    OfferAttachment,
    OfferStatus,
)
from .orders import OrderError, order_from_award

REGISTRATION_SCOPE = "buyer-registration"


def panel_url(buyer: BuyerOrganisation | None = None) -> str:
    url = reverse("procurement-buyer:panel")
    return f"{url}?{urlencode({'buyer': buyer.slug})}" if buyer else url


def _notice_url(notice: Notice) -> str:
    return reverse("procurement-buyer:notice", kwargs={"pk": notice.pk})


def _current_buyer(request: HttpRequest) -> tuple[BuyerOrganisation | None, list]:
    """The buyer chosen with `?buyer=<slug>` (or the first one), and all the user's buyers."""
    buyers = list(permissions.buyers_of(request.user).select_related("powiat").order_by("name"))
    slug = request.GET.get("buyer") or request.POST.get("buyer")
    if slug:
        chosen = next((buyer for buyer in buyers if buyer.slug == slug), None)
        if chosen is None:
            raise Http404
        return chosen, buyers
    return (buyers[0] if buyers else None), buyers


def _notice_or_404(request: HttpRequest, pk: int, allowed: Callable[[Any, Notice], bool]) -> Notice:
    notice = get_object_or_404(Notice.objects.select_related("buyer"), pk=pk)
    if not allowed(request.user, notice):
        raise Http404
    return notice


# Registration -----------------------------------------------------------------------------
@never_cache
@login_required
def register(request: HttpRequest) -> HttpResponse:
    """A logged-in person registers an organisation and becomes its administrator."""
    if request.method == "POST":
        form = BuyerForm(request.POST)
        if ratelimit.hit(request, REGISTRATION_SCOPE):
            form.is_valid()
            form.add_error(None, ratelimit.message(REGISTRATION_SCOPE))
            response = render(request, "procurement/buyer/register.html", {"form": form})
            return ratelimit.refuse(response, REGISTRATION_SCOPE)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in BuyerForm.Meta.fields}
            try:
                buyer = publishing.register_buyer(request.user, **fields)
            except publishing.PublishingError as error:
                form.add_error("nip", str(error))
                return render(request, "procurement/buyer/register.html", {"form": form})
            messages.success(
                request,
                _(
                    "%(name)s is registered. You can prepare notices now; until the ROPS verifies"
                    " the organisation, each notice is checked by the ROPS before it is published."
                )
                % {"name": buyer.name},
            )
            return SeeOther(panel_url(buyer))
    else:
        form = BuyerForm()
    return render(request, "procurement/buyer/register.html", {"form": form})


# The panel --------------------------------------------------------------------------------
@never_cache
@login_required
def panel(request: HttpRequest) -> HttpResponse:
    buyer, buyers = _current_buyer(request)
    if buyer is None:
        return render(request, "procurement/buyer/no_buyer.html", {})
    is_admin = permissions.is_buyer_admin(request.user, buyer)
    return _render_panel(
        request,
        buyer,
        buyers,
        buyer_form=BuyerForm(instance=buyer) if is_admin else None,
        member_form=MemberForm(prefix="member") if is_admin else None,
    )


def _render_panel(
    request: HttpRequest,
    buyer: BuyerOrganisation,
    buyers: list,
    *,
    buyer_form: BuyerForm | None,
    member_form: MemberForm | None,
    status: int = 200,
) -> HttpResponse:
    notices = list(
        buyer.notices.annotate(
            question_count=Count("questions", distinct=True),
            unanswered_count=Count(
                "questions", filter=Q(questions__answered_at__isnull=True), distinct=True
            ),
        ).order_by("-created", "-pk")
    )
    # Counted through the sealed manager: a notice not yet opened shows no count at all.
    offer_counts = dict(
        Offer.objects.filter(notice__buyer=buyer, status=OfferStatus.SUBMITTED)
        .values("notice")
        .annotate(count=Count("pk"))
        .values_list("notice", "count")
    )
    now = timezone.now()
    for notice in notices:
        notice.opened = notice.offers_opened(now)
        notice.offer_count = offer_counts.get(notice.pk, 0) if notice.opened else None
    context = {
        "buyer": buyer,
        "buyers": buyers,
        "is_admin": permissions.is_buyer_admin(request.user, buyer),
        "memberships": buyer.memberships.select_related("user").order_by("user__email"),
        "notices": notices,
        "buyer_form": buyer_form,
        "member_form": member_form,
    }
    return render(request, "procurement/buyer/panel.html", context, status=status)


def _admin_buyer(request: HttpRequest) -> tuple[BuyerOrganisation, list]:
    buyer, buyers = _current_buyer(request)
    if buyer is None or not permissions.is_buyer_admin(request.user, buyer):
        raise Http404
    return buyer, buyers


@never_cache
@login_required
@require_POST
def organisation(request: HttpRequest) -> HttpResponse:
    """The administrators edit the organisation's details (the NIP only until verification)."""
    buyer, buyers = _admin_buyer(request)
    form = BuyerForm(request.POST, instance=buyer)
    if not form.is_valid():
        buyer.refresh_from_db()
        return _render_panel(
            request,
            buyer,
            buyers,
            buyer_form=form,
            member_form=MemberForm(prefix="member"),
            status=200,
        )
    form.save()
    messages.success(request, _("The organisation's details have been saved."))
    return SeeOther(panel_url(buyer))


@never_cache
@login_required
@require_POST
def add_member(request: HttpRequest) -> HttpResponse:
    buyer, buyers = _admin_buyer(request)
    form = MemberForm(request.POST, prefix="member")
    if form.is_valid():
        try:
            publishing.add_member(buyer, form.user, is_admin=form.cleaned_data["is_admin"])
        except publishing.PublishingError as error:
            form.add_error("email", str(error))
    if not form.is_valid():
        return _render_panel(
            request, buyer, buyers, buyer_form=BuyerForm(instance=buyer), member_form=form
        )
    messages.success(
        request,
        _("%(email)s now works for %(name)s here.")
        % {"email": form.user.email, "name": buyer.name},
    )
    return SeeOther(panel_url(buyer))


@never_cache
@login_required
@require_POST
def remove_member(request: HttpRequest, pk: int) -> HttpResponse:
    buyer, _buyers = _admin_buyer(request)
    membership = get_object_or_404(
        BuyerMembership.objects.select_related("user"), pk=pk, buyer=buyer
    )
    try:
        publishing.remove_member(membership)
    except publishing.PublishingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(email)s has been removed.") % {"email": membership.user.email}
        )
    return SeeOther(panel_url(buyer))


# Notices ----------------------------------------------------------------------------------
def _save_documents(notice: Notice, form: NoticeForm) -> None:
    for document in form.cleaned_data.get("remove_documents") or []:
        document.file.delete(save=False)
        document.delete()
    for upload in form.cleaned_data.get("documents") or []:
        title = upload.name.rsplit(".", 1)[0][:200] or _("Document")
        NoticeDocument.objects.create(notice=notice, title=title, file=upload)


@never_cache
@login_required
def notice_create(request: HttpRequest) -> HttpResponse:
    buyer, _buyers = _current_buyer(request)
    if buyer is None:
        raise Http404
    if request.method == "POST":
        form = NoticeForm(request.POST, request.FILES, instance=Notice(buyer=buyer))
        if form.is_valid():
            notice = _save_notice(request, form, created=True)
            messages.success(
                request,
                _("The draft %(reference)s has been saved. Publish it when it is ready.")
                % {"reference": notice.reference},
            )
            return SeeOther(_notice_url(notice))
    else:
        user = request.user
        form = NoticeForm(
            initial={
                "contact_name": user.get_full_name(),
                "contact_email": buyer.email,
                "contact_phone": buyer.phone,
            }
        )
    return render(
        request,
        "procurement/buyer/notice_form.html",
        {"form": form, "buyer": buyer, "notice": None},
    )


def _save_notice(request: HttpRequest, form: NoticeForm, *, created: bool) -> Notice:
    with transaction.atomic():
        notice = form.save(commit=False)
        if created:
            notice.created_by = request.user
            notice.language = request.LANGUAGE_CODE or notice.language
            notice.status = NoticeStatus.DRAFT
        notice.save()
        form.save_m2m()
        _save_documents(notice, form)
    return notice


@never_cache
@login_required
def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk, permissions.can_manage_notice)
    mode = permissions.edit_mode(notice)
    if mode is None:
        messages.error(request, _("This notice can no longer be changed."))
        return SeeOther(_notice_url(notice))
    if request.method == "POST":
        form = NoticeForm(request.POST, request.FILES, instance=notice, mode=mode)
        if form.is_valid():
            _save_notice(request, form, created=False)
            messages.success(request, _("The notice has been saved."))
            return SeeOther(_notice_url(notice))
        notice = Notice.objects.select_related("buyer").get(pk=notice.pk)
    else:
        form = NoticeForm(instance=notice, mode=mode)
    return render(
        request,
        "procurement/buyer/notice_form.html",
        {"form": form, "buyer": notice.buyer, "notice": notice, "mode": mode},
    )


@never_cache
@login_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk, permissions.can_view_notice)
    user = request.user
    manage = permissions.can_manage_notice(user, notice)
    opened = notice.offers_opened()
    offers: list = []
    if opened:
        offers = list(
            notice.offers.filter(status=OfferStatus.SUBMITTED)
            .select_related("partner")
            .prefetch_related(
                Prefetch("attachments", queryset=OfferAttachment.objects.order_by("pk"))
            )
            .order_by("price", "submitted_at", "pk")
        )
    awarded = None
    if notice.awarded_offer_id:
        awarded = next((offer for offer in offers if offer.pk == notice.awarded_offer_id), None)
    context = {
        "notice": notice,
        "buyer": notice.buyer,
        "manage": manage,
        "opened": opened,
        "offers": offers,
        "awarded": awarded,
        "documents": list(notice.documents.all()),
        "questions": list(notice.questions.all()),
        "activity_fields": list(notice.activity_fields.all()),
        "powiats": list(notice.powiats.all()),
        "edit_mode": permissions.edit_mode(notice) if manage else None,
        "can_submit": manage and permissions.can_submit_notice(user, notice),
        "can_award": manage and permissions.can_award(user, notice) and bool(offers),
        "can_cancel": manage and permissions.can_cancel(user, notice),
        "can_order": manage and notice.status == NoticeStatus.AWARDED and notice.order_id is None,
        "award_form": AwardForm(notice=notice, offers=offers) if opened and manage else None,
        "cancel_form": CancelForm(),
    }
    return render(request, "procurement/buyer/notice_detail.html", context)


def _action(
    request: HttpRequest,
    pk: int,
    allowed: Callable[[Any, Notice], bool],
    run: Callable[[Notice], str],
) -> HttpResponse:
    """A POST on a notice: 404 for strangers; a refusal is explained on the notice's page."""
    notice = _notice_or_404(request, pk, permissions.can_manage_notice)
    if not allowed(request.user, notice):
        messages.error(request, _("This cannot be done with the notice now."))
        return SeeOther(_notice_url(notice))
    try:
        message = run(notice)
    except (publishing.PublishingError, OrderError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return SeeOther(_notice_url(notice))


@never_cache
@login_required
@require_POST
def notice_submit(request: HttpRequest, pk: int) -> HttpResponse:
    def run(notice: Notice) -> str:
        submitted = publishing.submit(notice, request.user)
        if submitted.status == NoticeStatus.PUBLISHED:
            return _("The notice has been published.")
        return _(
            "The notice has been sent to the ROPS: it is published after the check, and you are"
            " told by e-mail."
        )

    return _action(request, pk, permissions.can_submit_notice, run)


@never_cache
@login_required
@require_POST
def notice_award(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk, permissions.can_manage_notice)
    form = AwardForm(request.POST, notice=notice)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return SeeOther(_notice_url(notice))

    def run(notice: Notice) -> str:
        offer = form.cleaned_data["offer"]
        publishing.award(notice, offer.pk, request.user, value=form.cleaned_data["value"])
        return _("The contract has been awarded to %(name)s; every bidder is told.") % {
            "name": offer.partner.name
        }

    return _action(request, pk, lambda user, notice: True, run)


@never_cache
@login_required
@require_POST
def notice_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk, permissions.can_manage_notice)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for cancelling."))
        return SeeOther(_notice_url(notice))

    def run(notice: Notice) -> str:
        publishing.cancel(notice, form.cleaned_data["reason"], request.user)
        return _("The notice has been cancelled; every bidder is told.")

    return _action(request, pk, lambda user, notice: True, run)


@never_cache
@login_required
@require_POST
def notice_order(request: HttpRequest, pk: int) -> HttpResponse:
    def run(notice: Notice) -> str:
        order = order_from_award(notice)
        return _("Order %(number)s has been created for the winner.") % {"number": order.number}

    return _action(request, pk, lambda user, notice: True, run)


@never_cache
@login_required
@require_POST
def answer_question(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    notice = _notice_or_404(request, pk, permissions.can_manage_notice)
    question = get_object_or_404(NoticeQuestion, pk=question_pk, notice=notice)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the answer."))
        return SeeOther(_notice_url(notice) + f"#question-{question.pk}")
    try:
        publishing.answer_question(question, form.cleaned_data["answer"], request.user)
    except publishing.PublishingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The answer has been published."))
    return SeeOther(_notice_url(notice) + f"#question-{question.pk}")


# Offers after the opening time ------------------------------------------------------------
@never_cache
@login_required
def offers_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The comparison as CSV (formula-safe cells), only once the offers are opened."""
    notice = _notice_or_404(request, pk, permissions.can_read_offers)
    offers = (
        notice.offers.filter(status=OfferStatus.SUBMITTED)
        .select_related("partner")
        .order_by("price", "submitted_at", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"oferty-{notice.reference.replace('/', '-')}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    writer = SafeWriter(csv.writer(response))
    writer.writerow(
        [_("Entity"), _("NIP"), _("Price (gross)"), _("Submitted"), _("Terms"), _("Awarded")]
    )
    for offer in offers:
        writer.writerow(
            [
                offer.partner.name,
                getattr(offer.partner, "nip", "") or "",
                f"{offer.price:.2f}",
                timezone.localtime(offer.submitted_at).strftime("%Y-%m-%d %H:%M"),
                offer.terms,
                _("yes") if offer.pk == notice.awarded_offer_id else "",
            ]
        )
    return response


@never_cache
@login_required
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """An offer's PDF, from private storage: the buyer's staff and the ROPS, after opening.

    `OfferAttachment.objects` is the sealed manager, so before the opening time it is a 404.
    """
    notice = _notice_or_404(request, pk, permissions.can_read_offers)
    found = get_object_or_404(
        OfferAttachment.objects.select_related("offer"),
        pk=attachment_pk,
        offer__notice=notice,
    )
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=True,
        filename=(found.name or "oferta")[:150] + ("" if found.name.endswith(".pdf") else ".pdf"),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
