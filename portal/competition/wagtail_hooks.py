"""The jury's entry in the Wagtail admin menu and its pages."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import letters
from .views import jury as jury_views
from .viewsets import nomination_viewset


class JuryMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        user = request.user
        return user.is_superuser or user.groups.filter(name__startswith="Jury Lider ES ").exists()


@hooks.register("register_admin_urls")
def register_jury_urls():
    urls = [
        path("", jury_views.editions, name="competition_jury"),
        path("<int:edition_id>/", jury_views.nominations, name="competition_jury_nominations"),
        path("<int:edition_id>/ranking/", jury_views.ranking, name="competition_jury_ranking"),
        path("ocena/<int:nomination_id>/", jury_views.score, name="competition_jury_score"),
        path(
            "ocena/<int:nomination_id>/konflikt/",
            jury_views.conflict,
            name="competition_jury_conflict",
        ),
        path("list/<int:nomination_id>/", letters.letter, name="competition_letter"),
    ]
    return [path("jury-lider-es/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_jury_menu_item():
    return JuryMenuItem(
        _("Lider ES jury"), reverse("competition_jury"), icon_name="list-ol", order=900
    )


# ROPS moderation of the nominations (viewsets.py) ----------------------------------------------


@hooks.register("register_admin_viewset")
def register_nomination_viewset():
    return nomination_viewset
