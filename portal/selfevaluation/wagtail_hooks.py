"""The self-evaluation in the Wagtail admin: the ROPS's questionnaire snippet, the OWES's
answering pages, and the summary and CSV for the ROPS and the RKRES members.

Who may do what (`portal.organisations.access`): the ROPS edits questionnaires (model
permissions granted to its group by a migration), reads every submitted response, the summary
and the CSV; RKRES members read responses and the summary; an OWES editor answers for their own
OWES and reads only its own response (another OWES's is a 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.organisations import access

from .forms import AnswersForm
from .models import Questionnaire, Response
from .services import AnsweringRefused, answers_by_question, answers_csv, save_answers, summary


def can_read_all(user) -> bool:
    """The ROPS and the RKRES members read every OWES's submitted answers."""
    return access.is_rops(user) or access.is_rkres_member(user)


def index(request: HttpRequest) -> HttpResponse:
    owes = access.owes_of(request.user)
    reader = can_read_all(request.user)
    if not reader and owes is None:
        raise PermissionDenied
    questionnaires = Questionnaire.objects.annotate(
        submitted=Count("responses", filter=Q(responses__status=Response.Status.SUBMITTED))
    )
    own = {}
    if owes is not None:
        own = {r.questionnaire_id: r for r in Response.objects.filter(owes=owes)}
    rows = [(q, own.get(q.pk)) for q in questionnaires]
    return TemplateResponse(
        request,
        "selfevaluation/index.html",
        {
            "rows": rows,
            "owes": owes,
            "reader": reader,
            "is_rops": access.is_rops(request.user),
            "today": timezone.localdate(),
        },
    )


def answer(request: HttpRequest, year: int) -> HttpResponse:
    """An OWES's own answers: a form while open and not submitted, else read only."""
    owes = access.owes_of(request.user)
    if owes is None:
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire, year=year)
    questions = list(questionnaire.questions.all())
    response = Response.objects.filter(questionnaire=questionnaire, owes=owes).first()
    answers = answers_by_question(response) if response else {}
    editable = questionnaire.is_open() and not (response and response.is_submitted)
    form = AnswersForm(questions=questions, initial_answers=answers)
    if request.method == "POST":
        if not editable:
            messages.error(request, _("These answers can no longer be changed."))
            return redirect("selfevaluation_answer", year=year)
        submit = "submit" in request.POST
        form = AnswersForm(request.POST, questions=questions, initial_answers=answers)
        if form.is_valid() and (not submit or form.check_required()):
            try:
                save_answers(questionnaire, owes, request.user, form.values(), submit=submit)
            except AnsweringRefused as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Your answers have been submitted.")
                    if submit
                    else _("Your answers have been saved as a draft."),
                )
            return redirect("selfevaluation_answer", year=year)
        messages.error(request, _("Nothing was saved: correct the marked answers."))
    return TemplateResponse(
        request,
        "selfevaluation/answer.html",
        {
            "questionnaire": questionnaire,
            "response": response,
            "form": form,
            "editable": editable,
            "items": [(q, answers.get(q.pk)) for q in questions],
            "owes": owes,
        },
    )


def response_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One OWES's answers: for the ROPS and RKRES members once submitted, and for the OWES."""
    response = get_object_or_404(
        Response.objects.select_related("questionnaire", "owes", "submitted_by"), pk=pk
    )
    own = access.owes_of(request.user)
    if not (
        (own is not None and own.pk == response.owes_id)
        or (can_read_all(request.user) and response.is_submitted)
    ):
        raise Http404
    answers = answers_by_question(response)
    questions = list(response.questionnaire.questions.all())
    return TemplateResponse(
        request,
        "selfevaluation/response.html",
        {"response": response, "items": [(q, answers.get(q.pk)) for q in questions]},
    )


def summary_view(request: HttpRequest, year: int) -> HttpResponse:
    if not can_read_all(request.user):
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire, year=year)
    items, submitted = summary(questionnaire)
    responses = Response.objects.filter(
        questionnaire=questionnaire, status=Response.Status.SUBMITTED
    ).select_related("owes")
    return TemplateResponse(
        request,
        "selfevaluation/summary.html",
        {
            "questionnaire": questionnaire,
            "items": items,
            "submitted": submitted,
            "responses": list(responses.order_by("owes__name")),
            "is_rops": access.is_rops(request.user),
        },
    )


def csv_view(request: HttpRequest, year: int) -> HttpResponse:
    if not access.is_rops(request.user):
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire, year=year)
    response = HttpResponse(answers_csv(questionnaire), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="samoocena-owes-{year}.csv"'
    return response


class SelfEvaluationMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_read_all(request.user) or access.owes_of(request.user) is not None


class QuestionnaireDeleteView(snippet_views.DeleteView):
    """A questionnaire some OWES answered stays (its responses are protected): say so instead
    of failing on the protected foreign key."""

    def answered(self) -> bool:
        return self.object.responses.exists()

    @property
    def confirmation_message(self) -> str:
        if self.answered():
            return _("OWES have answered this questionnaire: it cannot be deleted.")
        return super().confirmation_message

    def form_valid(self, form) -> HttpResponse:
        if self.answered():
            messages.error(
                self.request, _("OWES have answered this questionnaire: it cannot be deleted.")
            )
            return redirect(self.index_url_name)
        return super().form_valid(form)


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    delete_view_class = QuestionnaireDeleteView
    icon = "list-ul"
    menu_label = gettext_lazy("Self-evaluation questionnaires")
    list_display = ["year", "title", "opens_on", "closes_on"]
    copy_view_enabled = False


register_snippet(QuestionnaireViewSet)


@hooks.register("register_admin_urls")
def register_selfevaluation_urls():
    urls = [
        path("", index, name="selfevaluation_index"),
        path("<int:year>/odpowiedzi/", answer, name="selfevaluation_answer"),
        path("<int:year>/podsumowanie/", summary_view, name="selfevaluation_summary"),
        # A trailing slash, as every admin route: a path without one is "fixed" by APPEND_SLASH.
        path("<int:year>/odpowiedzi-csv/", csv_view, name="selfevaluation_csv"),
        path("odpowiedz/<int:pk>/", response_detail, name="selfevaluation_response"),
    ]
    return [path("samoocena/", include(urls))]


@hooks.register("register_monitoring_menu_item")  # inside the admin's "Monitoring" menu
def register_selfevaluation_menu_item():
    return SelfEvaluationMenuItem(
        gettext_lazy("OWES self-evaluation"),
        reverse("selfevaluation_index"),
        icon_name="tasks",
        order=20,
    )
