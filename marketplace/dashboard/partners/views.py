"""After creating a PES, staff land on its full profile rather than on the partner list."""

from __future__ import annotations

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.dashboard.partners import views


class PartnerCreateView(views.PartnerCreateView):
    def get_success_url(self) -> str:
        messages.success(
            self.request, _("Partner '%s' was created successfully.") % self.object.name
        )
        return f"{reverse('pes-dashboard:profile')}?partner={self.object.pk}"
