"""Public PES database pages (to be built)."""

app_name = "directory"
urlpatterns: list = []
