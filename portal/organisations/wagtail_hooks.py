"""Organisations and powiats are edited in Wagtail as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Powiat


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "email", "accreditation_valid_until"]
    list_filter = ["kind"]
    search_fields = ["name"]


class PowiatViewSet(SnippetViewSet):
    model = Powiat
    icon = "site"
    list_display = ["name", "code", "voivodeship"]
    list_filter = ["voivodeship"]


class RegionViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Region")
    menu_icon = "globe"
    items = (OrganisationViewSet, PowiatViewSet)


register_snippet(RegionViewSetGroup)
