"""PES dashboard pages for quote requests (to be built)."""

app_name = "quotes-dashboard"
urlpatterns: list = []
