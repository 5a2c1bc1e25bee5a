"""`{% lider_badges partner %}` / `{% lider_badges organisation %}`: the "Lider ES <year>" badges
of a PES (a `partner.Partner`) or an organisation, from published results (one query)."""

from __future__ import annotations

from django import template

from portal.competition.results import lider_badges_for_organisation, lider_badges_for_partner

register = template.Library()


@register.simple_tag(takes_context=True)
def lider_badges_of(context, holder) -> list[dict]:
    """The badges as data, e.g. `{% lider_badges_of partner as badges %}`."""
    if holder is None:
        return []
    request = context.get("request")
    label = holder._meta.label_lower
    if label == "partner.partner":
        return lider_badges_for_partner(holder, request)
    if label == "organisations.organisation":
        return lider_badges_for_organisation(holder, request)
    return []


@register.inclusion_tag("competition/includes/lider_badge.html", takes_context=True)
def lider_badges(context, holder) -> dict:
    """Render the badges (nothing when there are none)."""
    return {"lider_badges": lider_badges_of(context, holder), "request": context.get("request")}
