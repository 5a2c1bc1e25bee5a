import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked: the label `search` is ours, Wagtail's is `wagtailsearch`.

    It also holds the portal's one search service (`search.service`) and its index upkeep."""

    name = "search"

    def ready(self) -> None:
        super().ready()
        from . import upkeep  # imports models: the registry is only ready now

        upkeep.connect()
