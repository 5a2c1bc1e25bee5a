"""`{% public_csrf_token %}`: the CSRF field of a public form on a page that may be cached.

A page stored in the anonymous page cache is served to everyone, so it gets an empty
placeholder that `static/js/portal.js` fills from the never-cached token URL (see
`portal/csrf.py`). Any other response (a logged-in user, a POST re-rendering errors, a page the
cache skips) gets the real token, exactly as `{% csrf_token %}`.
"""

from __future__ import annotations

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from portal.cache import may_be_stored
from portal.csrf import TOKEN_FIELD

register = template.Library()


@register.simple_tag(takes_context=True)
def public_csrf_token(context: template.Context) -> SafeString:
    request = context.get("request")
    if request is not None and may_be_stored(request):
        return format_html(
            '<input type="hidden" name="{}" value="" data-csrf-token="{}">',
            TOKEN_FIELD,
            reverse("csrf-token"),
        )
    token = get_token(request) if request is not None else context.get("csrf_token")
    if not token:
        return SafeString("")
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, token)
