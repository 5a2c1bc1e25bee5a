"""A PES's own dashboard pages: its profile, delivery and payment options (to be built)."""

app_name = "pes-dashboard"
urlpatterns: list = []
