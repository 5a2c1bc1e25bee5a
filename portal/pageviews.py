"""Request handling for routable pages lives in each app's `views` module, not in the models.

A routable page declares its routes on the model, so Wagtail resolves them and
`reverse_subpage` can name them; what a route does with the request is a view like any other
Django view. The views module imports the models (for its type hints, querysets and forms),
so the models must not import it back. Instead a page model holds a `PageViews` registry, the
views module adds its functions to it (`@EventPage.views.add`), the app's `AppConfig.ready()`
imports the views module once the models are loaded, and each route is one line:

    @path("rejestracja/", name="register")
    def register_view(self, request):
        return self.views.register(request, self)
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse

View = Callable[..., HttpResponse]


class PageViews:
    """The view functions a page model's routes delegate to, looked up by function name."""

    def __init__(self) -> None:
        self._views: dict[str, View] = {}

    def add(self, view: View) -> View:
        """Register `view` under its name (a decorator in the app's views module)."""
        self._views[view.__name__] = view
        return view

    def __getattr__(self, name: str) -> View:
        try:
            return self.__dict__.get("_views", {})[name]
        except KeyError:
            raise AttributeError(
                f"No page view {name!r}: does the app's AppConfig.ready() import its views?"
            ) from None
