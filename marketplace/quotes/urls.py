"""Public quote pages (to be built)."""

app_name = "quotes"
urlpatterns: list = []
