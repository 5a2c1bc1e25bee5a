"""Abstract bases of the portal's page types, so each page class declares only what is its own.

- `PortalPage`: every portal page folds its text for search (`FoldedSearchMixin`) and narrows
  Wagtail's permissions for OWES editors (`EditorialPermissionsMixin`).
- `PortalIndexPage`: an index under the home page (news, events, good practices, the
  competition, the organisations): one per parent, with an introduction.
- `RequestedPage`: a page published on request of an organisation (news, events, good
  practices): `requested_by` (declared with `requested_by_field`, as each page type names its
  reverse relation), the admin form that fills it in for OWES editors, no subpages.

They are abstract: no table and no migration of their own; `intro` is created on each index
page's table as before.
"""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.editorial import EditorialPermissionsMixin, RequestedByPageForm
from portal.searchable import FOLDED_SEARCH_FIELDS, FoldedSearchMixin


def portal_search_fields(*fields: index.BaseField) -> list[index.BaseField]:
    """`Page`'s search fields, then the page type's own, then the folded copy of its text."""
    return Page.search_fields + list(fields) + FOLDED_SEARCH_FIELDS


def requested_by_field(related_name: str) -> models.ForeignKey:
    """The organisation a page is published on request of (the ROPS–OWES agreements).

    A function rather than a field of `RequestedPage`: each page type keeps its own reverse
    name (`organisation.news`, `.events`, `.good_practices`)."""
    return models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("published on request of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class PortalPage(FoldedSearchMixin, EditorialPermissionsMixin, Page):
    """Any page of the portal: searchable in folded Polish, edited under the OWES rules."""

    search_fields = portal_search_fields()

    class Meta:
        abstract = True


class PortalIndexPage(PortalPage):
    """An index under the home page, one per parent, with an introduction above its list."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @staticmethod
    def paginate(request: HttpRequest, items: QuerySet, per_page: int) -> PaginatorPage:
        """The page of `items` the `page` parameter asks for (the last one past the end)."""
        return Paginator(items, per_page).get_page(request.GET.get("page"))


class RequestedPage(PortalPage):
    """A page published on request of an organisation; an OWES editor's own is preset."""

    base_form_class = RequestedByPageForm
    subpage_types: list[str] = []

    class Meta:
        abstract = True
