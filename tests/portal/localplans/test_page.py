"""/plany-lokalne/: counts equal an independent count of the rows, filters, no 500 on odd
values, a query count that does not grow with the gminas, the anonymous page cache."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model

from portal.localplans.models import Gmina, LocalPlan, LocalPlanSettings, PlanStatus
from tests.factories.localplans import AdoptedPlanFactory, GminaFactory, LocalPlanFactory, powiat

pytestmark = pytest.mark.django_db
URL = "/plany-lokalne/"


@pytest.fixture
def region() -> dict[str, list[Gmina]]:
    buski, konecki = powiat("buski"), powiat("konecki")
    adopted = [
        AdoptedPlanFactory(gmina=GminaFactory(powiat=p)).gmina for p in (buski, buski, konecki)
    ]
    preparing = [LocalPlanFactory(gmina=GminaFactory(powiat=konecki)).gmina]
    none = [GminaFactory(powiat=buski), GminaFactory(powiat=konecki)]
    LocalPlanFactory(gmina=none[1], status=PlanStatus.NONE)  # a row saying "none" counts as none
    return {"adopted": adopted, "preparing": preparing, "none": none}


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_urls_in_both_languages() -> None:
    assert reverse("localplans:index") == URL
    from django.utils import translation

    with translation.override("en"):
        assert reverse("localplans:index") == "/en/local-plans/"


def test_progress_equals_an_independent_count(client, region) -> None:
    LocalPlanSettings.objects.create(target_gminas=8)
    adopted = LocalPlan.objects.filter(status=PlanStatus.ADOPTED).count()
    response = client.get(URL)
    assert response.status_code == 200
    html = _text(response)
    assert adopted == 3
    assert f'<progress id="localplans-progress" max="8" value="{adopted}">' in html
    assert f"{adopted} z 8 gmin" in html
    # the powiats' table: gminas, adopted, in preparation
    for code in ("buski", "konecki"):
        gminas = Gmina.objects.filter(powiat__code=code)
        row = (
            f'<th scope="row">{powiat(code)}</th> <td class="num">{gminas.count()}</td> '
            f'<td class="num">{gminas.filter(local_plan__status="adopted").count()}</td> '
            f'<td class="num">{gminas.filter(local_plan__status="in_preparation").count()}</td>'
        )
        assert row in html
    for gmina in Gmina.objects.all():
        assert gmina.name in html
    plan = region["adopted"][0].local_plan
    assert plan.resolution_number in html and "2024–2030" in html


def test_default_target_without_a_settings_row(client, region) -> None:
    html = _text(client.get(URL))
    assert 'max="8"' in html
    assert not LocalPlanSettings.objects.exists()  # a GET writes nothing


def test_filters(client, region) -> None:
    html = _text(client.get(URL, {"powiat": "konecki"}))
    assert all(g.name in html for g in Gmina.objects.filter(powiat__code="konecki"))
    assert not any(g.name in html for g in Gmina.objects.filter(powiat__code="buski"))
    html = _text(client.get(URL, {"status": "adopted"}))
    assert all(g.name in html for g in region["adopted"])
    assert not any(g.name in html for g in region["preparing"] + region["none"])
    html = _text(client.get(URL, {"status": "none"}))
    assert all(g.name in html for g in region["none"])
    html = _text(client.get(URL, {"status": "in_preparation", "powiat": "buski"}))
    assert "Żadna gmina nie spełnia" in html or "No gmina" in html


@pytest.mark.parametrize(
    "params",
    [{"powiat": "nieznany"}, {"status": "x" * 500}, {"powiat": "\x00"}, {"status": ["a", "b"]}],
)
def test_bad_filter_values_show_everything(client, region, params) -> None:
    response = client.get(URL, params)
    assert response.status_code == 200
    assert all(g.name in _text(response) for g in Gmina.objects.all())


def test_document_link_and_owes(client, region) -> None:
    from tests.factories.organisations import OrganisationFactory

    document = get_document_model()(title="Plan testowy")
    document.file.save("plan-testowy.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    owes = OrganisationFactory(name="OWES Testowy")
    plan = region["adopted"][0].local_plan
    plan.document, plan.supporting_owes = document, owes
    plan.save()
    html = _text(client.get(URL))
    assert f'href="{document.url}"' in html
    assert "OWES Testowy" in html


def _count_queries(client) -> int:
    cache.clear()  # rows changed inside the test's transaction, which never commits
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, {"status": "adopted"}).status_code == 200
    return len(context)


def test_query_count_is_constant_in_the_number_of_gminas(
    client, django_assert_max_num_queries
) -> None:
    for _ in range(3):
        AdoptedPlanFactory(gmina=GminaFactory(powiat=powiat("buski")))
    few = _count_queries(client)
    for code in ("konecki", "staszowski", "kielecki"):
        for _ in range(10):
            AdoptedPlanFactory(gmina=GminaFactory(powiat=powiat(code)))
    many = _count_queries(client)
    assert many == few
    cache.clear()
    with django_assert_max_num_queries(16):
        client.get(URL, {"status": "adopted"})


def test_cached_for_anonymous_and_invalidated_when_a_plan_changes(
    client, region, settings, django_capture_on_commit_callbacks
) -> None:
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(URL)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"
    plan = region["preparing"][0].local_plan
    with django_capture_on_commit_callbacks(execute=True):
        plan.status = PlanStatus.NONE
        plan.save()
    again = client.get(URL)
    assert again["X-Page-Cache"] == "miss"
    assert "csrfmiddlewaretoken" not in again.content.decode()


def test_english_page(client, region) -> None:
    html = _text(client.get("/en/local-plans/"))
    assert '<html lang="en"' in html
    assert "3 of 8 gminas with an adopted plan" in html
    assert "Plans per powiat" in html


def test_a_get_writes_nothing(client, region, django_assert_max_num_queries) -> None:
    with CaptureQueriesContext(connection) as context:
        client.get(URL, {"powiat": "buski", "status": "adopted"})
    assert all(
        q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE")) for q in context
    )
