"""Oscar's partner admin, kept by the fork."""

from oscar.apps.partner.admin import *  # noqa: F403
