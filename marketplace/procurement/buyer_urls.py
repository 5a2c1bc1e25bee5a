"""The buyer's pages, under /zamowienia/panel/: registration, staff, notices, offers, award."""

from django.urls import path

from . import buyer_views as views

app_name = "procurement-buyer"
urlpatterns = [
    path("", views.panel, name="panel"),
    path("rejestracja/", views.register, name="register"),
    path("organizacja/", views.organisation, name="organisation"),
    path("pracownicy/", views.add_member, name="member-add"),
    path("pracownicy/<int:pk>/usun/", views.remove_member, name="member-remove"),
    path("ogloszenia/nowe/", views.notice_create, name="notice-create"),
    path("ogloszenia/<int:pk>/", views.notice_detail, name="notice"),
    path("ogloszenia/<int:pk>/edycja/", views.notice_edit, name="notice-edit"),
    path("ogloszenia/<int:pk>/publikuj/", views.notice_submit, name="notice-submit"),
    path("ogloszenia/<int:pk>/rozstrzygnij/", views.notice_award, name="notice-award"),
    path("ogloszenia/<int:pk>/uniewaznij/", views.notice_cancel, name="notice-cancel"),
    path("ogloszenia/<int:pk>/zamowienie/", views.notice_order, name="notice-order"),
    path(
        "ogloszenia/<int:pk>/pytania/<int:question_pk>/odpowiedz/",
        views.answer_question,
        name="question-answer",
    ),
    path("ogloszenia/<int:pk>/oferty.csv", views.offers_csv, name="offers-csv"),
    path(
        "ogloszenia/<int:pk>/zalaczniki/<int:attachment_pk>/",
        views.attachment,
        name="attachment",
    ),
]
