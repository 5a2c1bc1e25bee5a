"""Admin rules for editorial pages: OWES editors do not see other organisations' drafts."""

from wagtail import hooks

from portal.editorial import hide_foreign_drafts


@hooks.register("construct_explorer_page_queryset")
def hide_other_organisations_drafts(parent_page, pages, request):
    return hide_foreign_drafts(request.user, pages)
