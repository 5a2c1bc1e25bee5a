"""/certyfikat/: the register, verification pages (with QR and PDF) and the PES's applications."""

from django.urls import path, register_converter

from . import lookup, views
from .converters import CertificateNumberConverter

register_converter(CertificateNumberConverter, "certificate_number")

app_name = "certificates"
urlpatterns = [
    path("", views.register, name="register"),
    path("sprawdz/", lookup.lookup, name="lookup"),
    path("wniosek/", views.ApplicationListView.as_view(), name="application-list"),
    path("wniosek/nowy/", views.ApplicationCreateView.as_view(), name="application-create"),
    path("wniosek/<int:pk>/", views.ApplicationDetailView.as_view(), name="application-detail"),
    path("wniosek/zalacznik/<int:pk>/", views.attachment, name="attachment"),
    path("<certificate_number:number>/", views.verify, name="detail"),
    path("<certificate_number:number>/qr.svg", views.qr_svg, name="qr"),
    path("<certificate_number:number>/pdf/", views.pdf, name="pdf"),
    path("<path:rest>", views.not_found, name="not-found"),
]
