"""The social clause library: Wagtail pages a buyer copies clauses from into its terms.

Each clause page holds the text to paste, its legal basis, when it fits, the kinds of notice
it fits (a notice page links the live clause pages fitting its kind) and links to good
practices that used it. The notice kinds are kept as a JSON list of `NoticeKind` values, edited
as checkboxes; the library is small, so the notice page filters them in Python (SQLite has no
JSON containment lookup).

Imported at the end of `models.py`, so Wagtail finds the page types of this app.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.pages import PortalIndexPage, PortalPage, portal_search_fields

from .models import NoticeKind


class SocialClauseIndexPage(PortalIndexPage):
    """The library: every live clause page under it, with the kinds of notice each fits."""

    subpage_types = ["procurement.SocialClausePage"]
    template = "procurement/clause_index.html"

    class Meta:
        verbose_name = _("social clause library")

    def clauses(self) -> models.QuerySet:
        return SocialClausePage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["clauses"] = self.clauses()
        return context


class SocialClausePageForm(WagtailAdminPageForm):
    """The notice kinds as checkboxes, stored as a list of `NoticeKind` values."""

    notice_kinds = forms.MultipleChoiceField(
        label=_("kinds of notice it fits"),
        choices=NoticeKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class SocialClausePage(PortalPage):
    """One clause: what to paste, on which legal basis, when, for which kinds of notice."""

    summary = models.TextField(_("summary"), max_length=500, blank=True)
    clause_text = RichTextField(
        _("clause text"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("The wording a buyer pastes into its terms of reference."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    when_to_use = RichTextField(
        _("when it fits"), features=["bold", "italic", "ol", "ul", "link"], blank=True
    )
    notice_kinds = models.JSONField(_("kinds of notice it fits"), default=list, blank=True)

    base_form_class = SocialClausePageForm
    template = "procurement/clause_page.html"
    parent_page_types = ["procurement.SocialClauseIndexPage"]
    subpage_types: list[str] = []
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("clause_text"),
        FieldPanel("legal_basis"),
        FieldPanel("when_to_use"),
        FieldPanel("notice_kinds"),
        InlinePanel("practice_links", label=_("good practices that used it")),
    ]
    search_fields = portal_search_fields(
        index.SearchField("summary"),
        index.SearchField("clause_text"),
        index.SearchField("legal_basis"),
    )

    class Meta:
        verbose_name = _("social clause")
        verbose_name_plural = _("social clauses")

    @property
    def notice_kind_labels(self) -> list[str]:
        known = dict(NoticeKind.choices)
        return [str(known[kind]) for kind in self.notice_kinds or [] if kind in known]

    def fits(self, kind: str) -> bool:
        return kind in (self.notice_kinds or [])

    def practices(self) -> list[Page]:
        """The linked good practices that are live and public (a withdrawn one is left out)."""
        links = list(self.practice_links.all())
        live = {
            page.pk: page
            for page in Page.objects.live()
            .public()
            .filter(pk__in=[link.practice_id for link in links])
        }
        return [live[link.practice_id] for link in links if link.practice_id in live]


class SocialClausePracticeLink(Orderable):
    """A good practice that used the clause (the chooser offers good-practice pages only)."""

    page = ParentalKey(SocialClausePage, on_delete=models.CASCADE, related_name="practice_links")
    practice = models.ForeignKey(
        "goodpractices.GoodPracticePage",
        verbose_name=_("good practice"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("practice", page_type="goodpractices.GoodPracticePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("good practice that used the clause")
        verbose_name_plural = _("good practices that used the clause")


def clauses_for_kind(kind: str, language: str) -> list[SocialClausePage]:
    """Live public clause pages of `language` fitting a notice's kind (a handful of pages)."""
    pages = (
        SocialClausePage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("title")
    )
    return [page for page in pages if page.fits(kind)]
