"""Who may open the marketplace's own dashboard pages (imported by settings: no models here)."""

from __future__ import annotations


def is_pes_user(user) -> bool:
    """PES staff: Oscar partner users with dashboard access, never `is_staff`."""
    return user.is_authenticated and not user.is_staff and user.has_perm("partner.dashboard_access")


def pes_or_staff(user, url_name=None, url_args=None, url_kwargs=None) -> bool:
    """Menu access for pages every seller and the ROPS staff use (quote requests)."""
    return user.is_authenticated and (user.is_staff or is_pes_user(user))


def pes_only(user, url_name=None, url_args=None, url_kwargs=None) -> bool:
    """Menu access for a PES's own pages (its profile); staff edit partners in Oscar's pages."""
    return is_pes_user(user)
