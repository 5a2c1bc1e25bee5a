"""Certificate verification and register pages (to be built)."""

app_name = "certificates"
urlpatterns: list = []
