import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked so the label `search` is ours and Wagtail's stays `wagtailsearch`."""

    name = "search"
