"""The public notice board, under /zamowienia/ (Polish) and /en/procurement/."""

from django.urls import path

from . import feeds, ical, views

app_name = "procurement"
urlpatterns = [
    path("", views.board_view, name="board"),
    path("rss/", feeds.NoticeRssFeed(), name="rss"),
    path("atom/", feeds.NoticeAtomFeed(), name="atom"),
    path("terminy.ics", ical.deadlines_ics, name="ics"),
    path("<int:pk>/", views.notice_view, name="notice"),
    path("<int:pk>/pytanie/", views.ask_question_or_back, name="ask"),
]
