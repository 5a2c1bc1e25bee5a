"""Haystack discovers indexes per app label; re-export Oscar's so the fork keeps them."""

from oscar.apps.search.search_indexes import *  # noqa: F403
