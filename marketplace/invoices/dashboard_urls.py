"""Invoice pages of the PES dashboard, under /sklep/dashboard/faktury/."""

from django.urls import path

from . import views

app_name = "invoices-dashboard"
urlpatterns = [
    path("ksef/", views.KsefTokenView.as_view(), name="ksef-token"),
    path("zamowienie/<str:number>/", views.IssueInvoiceView.as_view(), name="issue"),
    path("<int:pk>/<str:kind>/", views.download, name="download"),
    path("<int:pk>/ksef/wyslij/", views.send_to_ksef, name="ksef"),
]
