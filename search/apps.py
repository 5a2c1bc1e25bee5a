import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked: the label `search` is ours, Wagtail's is `wagtailsearch`."""

    name = "search"
