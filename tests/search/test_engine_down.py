"""The search server killed mid-session: /szukaj/, the catalogue and the PES database say so
on the page, and the home page, a product page and a whole checkout keep working (the index
updates a sale triggers fail, are logged, and undo nothing)."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

from search.backends import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.service import get_backend, unavailable_message
from search.tasks import MAX_ATTEMPTS, update_products
from tests.factories import seller_with_product
from tests.helpers.elastic import elasticsearch_settings
from tests.helpers.queue import DATABASE_QUEUE, make_due, run_worker
from tests.helpers.shop import choose, guest_to_delivery_step

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def test_search_server_killed_mid_session(client, demo, caplog):
    from osmem_server import OsmemServer

    server = OsmemServer.start(freeze=False, japanese=False)
    try:
        with elasticsearch_settings(server.url, plain_json=True):
            backend = get_backend()
            assert backend.name == "elasticsearch"
            backend.rebuild()
            call_command("wagtail_update_index", verbosity=0)
            before = client.get("/szukaj/", {"q": "miod"})
            assert before.status_code == 200
            assert not before.context["results"].error
            assert before.context["results"].counts["product"] > 0

            server.close()  # the engine goes away between two requests

            caplog.set_level(logging.WARNING)
            # Another search: a repeated one may be answered from the result cache.
            after = client.get("/szukaj/", {"q": "miodu"})
            assert after.status_code == 200
            assert after.context["results"].error == unavailable_message()
            assert unavailable_message() in after.content.decode()
            catalogue = client.get("/sklep/catalogue/", {"q": "miod"})
            assert catalogue.status_code == 200 and catalogue.context["search_error"]
            assert client.get("/baza-pes/", {"q": "spoldzielnia"}).status_code == 200
            suggestions = client.get(reverse("site_search:autocomplete"), {"q": "mio"})
            assert suggestions.status_code == 200
            assert "search backend failed" in caplog.text

            assert client.get("/").status_code == 200
            seller, product = seller_with_product(31, "20.00")  # its indexing fails, logged
            assert client.get(product.get_absolute_url()).status_code == 200
            guest_to_delivery_step(client, [product])
            client.post(reverse("checkout:shipping-method"), choose(seller, "pickup", "cash"))
            placed = client.post(reverse("checkout:preview"), {"action": "place_order"})
            assert placed.status_code == 302, placed.content[:2000]
            assert Order.objects.filter(lines__partner=seller).count() == 1
            assert "not updated" in caplog.text  # the sale's index update, logged
    finally:
        server.close()


class AwayBackend(DatabaseBackend):
    """The database backend, while `away` is set: an engine that does not answer updates."""

    away = True

    def update_products(self, pks) -> None:
        if AwayBackend.away:
            raise SearchUnavailable("connection refused")
        super().update_products(pks)


def test_an_index_update_that_fails_is_retried_later_until_the_engine_answers(settings):
    settings.SEARCH_BACKEND = f"{__name__}.AwayBackend"
    settings.TASKS = DATABASE_QUEUE
    _seller, product = seller_with_product(32, "15.00")
    DBTaskResult.objects.all().delete()
    AwayBackend.away = True
    try:
        update_products.enqueue([product.pk])
        run_worker()
        [retry] = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        assert retry.task_result.kwargs == {"attempt": 2}
        assert retry.run_after > timezone.now() + timedelta(seconds=20)  # a pause, not a loop

        AwayBackend.away = False  # the engine is back
        make_due()
        run_worker()
        assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
        assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 2

        AwayBackend.away = True  # away for good: it gives up after the last attempt
        update_products.enqueue([product.pk], attempt=MAX_ATTEMPTS)
        run_worker()
        assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    finally:
        AwayBackend.away = False
