"""No input gives a server error: every public page and form answers below 500 whatever it gets.

Three layers:
- regression tests: each input that once gave a 500 (ids beyond the database's integer range,
  "²" that `str.isdigit()` accepts and `int()` refuses…), spelled out;
- a fixed list of nasty values put in every parameter a public view reads, in both languages;
- hypothesis over the query parameters of every public GET view and the fields of every public
  form, with a bounded, derandomized number of examples (a failure prints the request).

Rate limits are raised here (a 429 would be fine, but would hide the form behind it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model
from wagtail.models import Locale, Page

from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage
from marketplace.certificates.models import Certificate
from marketplace.procurement.clauses import SocialClauseIndexPage, SocialClausePage
from marketplace.procurement.models import Notice
from marketplace.quotes.models import REQUEST_FIELDS as QUOTE_REQUEST_FIELDS
from portal import params
from portal.competition.models import EditionPage
from portal.events.models import EventIndexPage, EventPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.organisations.models import Organisation

pytestmark = pytest.mark.usefixtures("demo")

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

HUGE = "99999999999999999999"  # beyond a 64-bit integer
NASTY = [
    HUGE,
    "-" + HUGE,
    "-1",
    "0",
    "²",  # str.isdigit() says yes, int() says no
    "١٢",  # Arabic-Indic digits: int() takes them
    "1e400",
    "NaN",
    "9" * 5000,  # int() refuses more than 4300 digits
    "\x00",
    "a\x00b",
    "",
    " ",
    "x" * 3000,
    "ZP/2026/0001",
    "'; DROP TABLE x; --",
    "😀" * 50,
    "../../etc/passwd",
]
NO_LIMITS = dict.fromkeys(
    ("event-registration", "quote-request", "nomination", "vote", "shortlist", "order"),
    (10**9, 3600),
)
# Examples per view, form or path: `FUZZ_EXAMPLES=200 pytest tests/site/test_no_server_errors.py`
# searches deeper by hand; the suite keeps to a few, always the same ones (derandomized).
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "6")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
RANDOM_NAMES = st.sampled_from(["id", "pk", "p", "format", "lang", "next", "x", "order", "size"])
PRODUCT_PARAMS = ["q", "category", "powiat", "legal_form", "certified", "kind", "price"]
PRODUCT_PARAMS += ["sort_by", "page"]
DIRECTORY_PARAMS = ["q", "powiat", "legal_form", "activity", "reintegration", "certified", "ps"]
DIRECTORY_PARAMS += ["art94", "online", "sort_by", "page"]


def _client() -> Client:
    """Exceptions propagate (hypothesis shows the traceback); CSRF is another test's matter."""
    return Client(enforce_csrf_checks=False, raise_request_exception=True)


# Public URLs ----------------------------------------------------------------------------------


def _english(page: Page) -> Page | None:
    locale = Locale.objects.filter(language_code="en").first()
    if locale is None:
        return None
    return page.get_translation_or_none(locale)


def _page_url(model: type[Page], suffix: str = "") -> Callable[[str], str | None]:
    def url(language: str) -> str | None:
        page = model.objects.live().public().filter(locale__language_code="pl").first()
        if page is None:
            return None
        if language == "en":
            page = _english(page)
            if page is None or not page.live:
                return None
        return page.url + suffix

    return url


def _django_url(name: str, *args: Any) -> Callable[[str], str | None]:
    def url(language: str) -> str | None:
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:  # a page another part of the portal has not added yet
            return None
        return path if language == "pl" else "/en" + path

    return url


def _lazy(make: Callable[[], str | None]) -> Callable[[str], str | None]:
    def url(language: str) -> str | None:
        path = make()
        if path is None:
            return None
        return path if language == "pl" else "/en" + path

    return url


def _category() -> str | None:
    category = Category.objects.filter(is_public=True).order_by("path").first()
    return category.get_absolute_url() if category else None


def _product() -> str | None:
    product = Product.objects.browsable().order_by("pk").first()
    return product.get_absolute_url() if product else None


def _partner() -> str | None:
    partner = Partner.objects.filter(listed_in_directory=True).order_by("pk").first()
    return reverse("directory:detail", args=[partner.code]) if partner else None


def _certificate(suffix: str = "") -> Callable[[], str | None]:
    def path() -> str | None:
        certificate = Certificate.objects.order_by("pk").first()
        return certificate.get_absolute_url() + suffix if certificate else None

    return path


ONE = ("pl",)  # the same address in both languages


def _api(make: Callable[[], str | None]) -> Callable[[str], str | None]:
    return lambda language: make()


def _api_pes() -> str:
    return f"/api/pes/{Partner.objects.filter(listed_in_directory=True).first().pk}/"


def _api_certificate() -> str:
    return f"/api/certificates/{Certificate.objects.first().number}/"


def _organisation_feed(language: str) -> str | None:
    index = _page_url(NewsIndexPage)(language)
    organisation = Organisation.objects.order_by("pk").first()
    return f"{index}{organisation.slug}/rss/" if index and organisation else None


def _edition(suffix: str) -> Callable[[str], str | None]:
    def url(language: str) -> str | None:
        edition = EditionPage.objects.live().filter(locale__language_code="pl")
        edition = edition.order_by("-year").first()
        if edition is None:
            return None
        if language == "en":
            edition = _english(edition)
            if edition is None:
                return None
        if "{category}" in suffix:
            category = edition.data_edition.categories.order_by("pk").first()
            if category is None:
                return None
            return edition.url + suffix.format(category=category.slug)
        return edition.url + suffix

    return url


BOARD_PARAMS = ("powiat", "activity", "kind", "phase", "page")
STATISTICS_PARAMS = ("year", "subregion")


def _reversed(name: str, kwargs: Callable[[], dict | None] = dict) -> Callable[[str], str | None]:
    """A Django view's URL reversed in each language (procurement paths are translated:
    /zamowienia/ in Polish, /en/procurement/ in English)."""

    def url(language: str) -> str | None:
        values = kwargs()
        if values is None:
            return None
        with translation.override(language):
            return reverse(name, kwargs=values)

    return url


def _public_notice() -> dict | None:
    notice = Notice.objects.public().order_by("pk").first()
    return {"pk": notice.pk} if notice else None


def _api_notice() -> str | None:
    notice = Notice.objects.public().order_by("pk").first()
    return f"/api/notices/{notice.pk}/" if notice else None


@dataclass(frozen=True)
class Target:
    """A public GET view: how to find its URL in the demo, and the parameters it reads."""

    url: Callable[[str], str | None]
    params: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("pl", "en")


TARGETS: dict[str, Target] = {
    "home": Target(lambda language: "/" if language == "pl" else "/en/"),
    "news index": Target(_page_url(NewsIndexPage), ("organizacja", "tag", "rok", "page")),
    "news page": Target(_page_url(NewsPage)),
    "news rss": Target(_page_url(NewsIndexPage, "rss/")),
    "news atom": Target(_page_url(NewsIndexPage, "atom/")),
    "organisation rss": Target(_organisation_feed),
    "events index": Target(_page_url(EventIndexPage), ("rodzaj", "powiat", "page")),
    "events archive": Target(_page_url(EventIndexPage, "archiwum/"), ("rodzaj", "powiat", "page")),
    "events ics": Target(_page_url(EventIndexPage, "kalendarz.ics")),
    "event page": Target(_page_url(EventPage)),
    "event ical": Target(_page_url(EventPage, "ical/")),
    "good practices": Target(
        _page_url(GoodPracticeIndexPage),
        ("obszar", "powiat", "rok", "typ", "franczyza", "q", "page"),
    ),
    "good practice": Target(_page_url(GoodPracticePage)),
    "lider es edition": Target(_edition("")),
    "lider es results": Target(_edition("wyniki/")),
    "lider es nomination": Target(_edition("zglos/{category}/")),
    "lider es vote": Target(_edition("glosuj/{category}/")),
    "site search": Target(
        _django_url("site_search:site"), ("kind", "product_kind", *PRODUCT_PARAMS)
    ),
    "autocomplete": Target(_django_url("site_search:autocomplete"), ("q",)),
    "catalogue": Target(_django_url("catalogue:index"), tuple(PRODUCT_PARAMS)),
    "category": Target(_lazy(_category), tuple(PRODUCT_PARAMS)),
    "product": Target(_lazy(_product)),
    "basket": Target(_django_url("basket:summary")),
    "login": Target(_django_url("customer:login"), ("next",)),
    "directory": Target(_django_url("directory:index"), tuple(DIRECTORY_PARAMS)),
    "directory csv": Target(_django_url("directory:export-csv"), tuple(DIRECTORY_PARAMS)),
    "pes profile": Target(_lazy(_partner)),
    "shortlist": Target(_django_url("directory:shortlist")),
    "shortlist csv": Target(_django_url("directory:shortlist-csv")),
    "shortlist xlsx": Target(_django_url("directory:shortlist-xlsx")),
    "certificates": Target(_django_url("certificates:register")),
    "certificate lookup": Target(_django_url("certificates:lookup"), ("number",)),
    "certificate": Target(_lazy(_certificate())),
    "certificate qr": Target(_lazy(_certificate("qr.svg"))),
    "certificate pdf": Target(_lazy(_certificate("pdf/"))),
    "quote request": Target(_django_url("quotes:request"), ("product", "partner")),
    "sitemap": Target(_api(lambda: "/sitemap.xml"), ("p", "page"), ONE),
    "robots": Target(_api(lambda: "/robots.txt"), (), ONE),
    "api pes": Target(_api(lambda: "/api/pes/"), tuple(DIRECTORY_PARAMS), ONE),
    "api pes detail": Target(_api(_api_pes), (), ONE),
    "api certificates": Target(_api(lambda: "/api/certificates/"), ("page",), ONE),
    "api certificate": Target(_api(_api_certificate), (), ONE),
    "api schema": Target(_api(lambda: "/api/openapi.json"), (), ONE),
    "procurement board": Target(_reversed("procurement:board"), BOARD_PARAMS),
    "procurement rss": Target(_reversed("procurement:rss"), BOARD_PARAMS),
    "procurement atom": Target(_reversed("procurement:atom"), BOARD_PARAMS),
    "procurement ics": Target(_reversed("procurement:ics"), BOARD_PARAMS),
    "procurement notice": Target(_reversed("procurement:notice", _public_notice)),
    "social buyers ranking": Target(_reversed("procurement-statement:ranking"), ("year",)),
    "social clause library": Target(_page_url(SocialClauseIndexPage), (), ("pl",)),
    "social clause": Target(_page_url(SocialClausePage), (), ("pl",)),
    "api notices": Target(_api(lambda: "/api/notices/"), BOARD_PARAMS, ONE),
    "api notice": Target(_api(_api_notice), (), ONE),
    "statistics": Target(_reversed("statistics:index"), STATISTICS_PARAMS),
    "api statistics": Target(_api(lambda: "/api/statistics/"), STATISTICS_PARAMS, ONE),
    "api statistics json": Target(
        _api(lambda: "/api/statistics/pes-by-powiat.json"), STATISTICS_PARAMS, ONE
    ),
    "api statistics csv": Target(
        _api(lambda: "/api/statistics/orders-by-powiat.csv"), STATISTICS_PARAMS, ONE
    ),
    "local plans": Target(_reversed("localplans:index"), ("powiat", "status")),
    "api local plans": Target(_api(lambda: "/api/local-plans/"), ("powiat", "status"), ONE),
    "api local plans summary": Target(_api(lambda: "/api/local-plans/summary/"), (), ONE),
}
CASES = [(name, language) for name, target in TARGETS.items() for language in target.languages]


def _resolve(name: str, language: str) -> tuple[str, Target]:
    target = TARGETS[name]
    url = target.url(language)
    if url is None:
        pytest.skip(f"no {name} in {language} in the demo")
    return url, target


def _ok(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"


def test_every_target_is_found_in_the_demo():
    missing = [(name, language) for name, language in CASES if TARGETS[name].url(language) is None]
    assert missing == [], missing


# Regression: each of these once answered 500 -------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"/sklep/catalogue/?category={HUGE}",
        f"/en/sklep/catalogue/?category={HUGE}",
        "/sklep/catalogue/?category=²",
        f"/sklep/catalogue/?page={HUGE}",
        f"/sklep/zapytania/?partner={HUGE}",
        f"/sklep/zapytania/?product={HUGE}&partner=1&partner={HUGE}",
        f"/baza-pes/?page={HUGE}",
        f"/en/baza-pes/?page={HUGE}",
        f"/baza-pes/?page={'9' * 5000}",
        f"/szukaj/?q=chleb&kind=product&category={HUGE}&page={HUGE}",
        f"/api/pes/?page={HUGE}",
        f"/api/certificates/?page={HUGE}",
    ],
)
def test_out_of_range_query_parameters(client, path):
    response = client.get(path)
    assert response.status_code == 200, path


def test_an_unknown_category_id_filters_to_nothing_and_an_impossible_one_is_ignored(client):
    everything = client.get("/sklep/catalogue/").context["paginator"].count
    assert client.get("/sklep/catalogue/?category=2147483000").context["paginator"].count == 0
    assert client.get(f"/sklep/catalogue/?category={HUGE}").context["paginator"].count == everything


def test_the_last_page_of_the_directory_for_a_page_far_too_far(client):
    response = client.get(f"/baza-pes/?page={HUGE}")
    page = response.context["page_obj"]
    assert page.number == page.paginator.num_pages > 1


@pytest.mark.parametrize("year", [HUGE, "²", "0", "-1", "10000", "١٢"])
def test_news_and_good_practices_ignore_an_impossible_year(client, year):
    for url in (_page_url(NewsIndexPage)("pl"), _page_url(GoodPracticeIndexPage)("pl")):
        response = client.get(url, {"rok": year})
        assert response.status_code == 200, (url, year)


def test_quote_request_with_out_of_range_partner_ids(client):
    response = client.post(f"/sklep/zapytania/?partner={HUGE}", {"partner": [HUGE, "²", "-3"]})
    assert response.status_code == 200
    response = client.post("/sklep/zapytania/", {"form_sent": "1", "partners": [HUGE]})
    assert response.status_code == 200
    assert "partners" in response.context["form"].errors


def test_api_path_id_out_of_range_is_refused_with_422(client):
    assert client.get(f"/api/pes/{HUGE}/").status_code == 422
    assert client.get("/api/pes/0/").status_code == 422
    assert client.get("/api/pes/2147483647/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/baza-pes/%00/",
        "/sklep/zapytania/a%00b/",
        "/en/baza-pes/x%1F/",
        f"/sklep/accounts/wishlists/create/with-product/{HUGE}/",
        f"/sklep/accounts/wishlists/x/products/{HUGE}/delete/",
        f"/admin/jury-lider-es/{HUGE}/",
        f"/admin/jury-lider-es/{HUGE}/ranking/",
        f"/admin/jury-lider-es/ocena/{HUGE}/",
        f"/admin/jury-lider-es/ocena/{HUGE}/konflikt/",
        f"/admin/jury-lider-es/list/{HUGE}/",
    ],
)
@override_settings(AXES_ENABLED=False)  # login throttling is not what is tested here
def test_impossible_path_segments_are_404(client, path):
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def _id_routes(patterns: list, prefix: str = "") -> Iterator[str]:
    """Every route of the URL map with an id in it (`<int:…>` or a regex's digits), admin areas
    included, joined with its includes' prefixes."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").removesuffix("$")
        if isinstance(pattern, URLResolver):
            yield from _id_routes(pattern.url_patterns, route)
        elif "<int:" in route or r"\d+)" in route:
            yield route


def _with_huge_ids(route: str, id_value: str = HUGE) -> str | None:
    """The route with every id as `id_value` and other segments as "x" (None: a regex too
    intricate to fill in)."""
    path = re.sub(r"<int:\w+>|\(\?P<\w+>\\d\+\)", id_value, route)
    path = re.sub(r"<\w+:\w+>|<\w+>|\(\?P<\w+>\[\\w-\][*+]\)", "x", path)
    return None if re.search(r"[\\^$()\[\]?*+|]", path) else "/" + path


@override_settings(AXES_ENABLED=False, RATE_LIMITS=NO_LIMITS)
def test_every_int_in_any_url_path_beyond_the_id_range_is_404():
    """Ours, Oscar's (its wish lists looked products up by a foreign key, and 5000 digits in
    its product routes' regex reached `int()`: both 500s) and Wagtail's."""
    routes = list(_id_routes(get_resolver().url_patterns))
    paths = sorted({p for p in map(_with_huge_ids, routes) if p})
    paths += sorted({p for p in (_with_huge_ids(r, "9" * 5000) for r in routes) if p})
    assert len(paths) > 200 and any("/sklep/catalogue/x_" in p for p in paths)
    admin = _client()
    admin.force_login(get_user_model().objects.filter(is_superuser=True).first())
    anonymous = _client()
    for path in paths:
        assert admin.get(path).status_code == 404, path
        _ok(anonymous.post(path), f"POST {path}")


def test_params_helpers():
    assert params.positive_int(HUGE) is None
    assert params.positive_int("²") is None
    assert params.positive_int("١٢") is None
    assert params.positive_int(" 42 ") == 42
    assert params.positive_int(str(params.ID_MAX)) == params.ID_MAX
    assert params.positive_int(str(params.ID_MAX + 1)) is None
    assert params.positive_ids(["3", "x", "3", HUGE, "7"]) == [3, 7]
    assert params.page_number(HUGE) == params.PAGE_MAX
    assert params.page_number("9" * 5000) == params.PAGE_MAX
    assert params.page_number("-2") == params.page_number("abc") == 1
    assert params.year("2026") == 2026 and params.year("10000") is None
    assert params.clean_text("a\x00b\n  c ") == "a b c"
    assert params.clean_text("x" * 300, 10) == "x" * 10


# Every parameter of every public GET view: fixed nasty values, then hypothesis ---------------


@pytest.mark.parametrize(("name", "language"), CASES)
def test_nasty_values_in_every_parameter(name, language):
    url, target = _resolve(name, language)
    client = _client()
    names = [*target.params, "page", "q"]
    for index, value in enumerate(NASTY):
        # Every other value also as a list of repeated keys around a sensible one.
        query = {key: [value, "1", value] if index % 2 else value for key in names}
        _ok(client.get(url, query), f"GET {url} {query!r}"[:300])


def _values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NASTY),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(max_size=60),
        st.text(st.characters(codec="utf-8"), min_size=200, max_size=3000),
        st.from_regex(r"\A[0-9a-z_\-/ ]{0,12}\Z"),
    )


def _query(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, list[str]]]:
    keys = st.one_of(st.sampled_from(names), RANDOM_NAMES) if names else RANDOM_NAMES
    return st.dictionaries(keys, st.lists(_values(), min_size=1, max_size=3), max_size=6)


@pytest.mark.parametrize(("name", "language"), CASES)
@SETTINGS
@given(data=st.data())
def test_hypothesis_over_query_parameters(name, language, data):
    url, target = _resolve(name, language)
    query = data.draw(_query((*target.params, "page", "q")), label="query")
    _ok(_client().get(url, query), f"GET {url} {query!r}"[:500])


PATH_TEMPLATES = [
    "/baza-pes/{value}/",
    "/sklep/zapytania/{value}/",
    "/sklep/zapytania/{value}/akceptuj/",
    "/certyfikat/{value}/",
    "/api/pes/{value}/",
    "/api/certificates/{value}/",
    "/sklep/catalogue/x_{value}/",
    "/aktualnosci/{value}/rss/",
    "/lider-es/2026/glosuj/potwierdz/{value}/",
    "/api/statistics/{value}.json",
]


def _path(template: str, value: str) -> str:
    return template.format(value=quote(value.replace("/", ""), safe="") or "x")


@pytest.mark.parametrize("template", PATH_TEMPLATES)
def test_nasty_values_in_path_segments(template):
    client = _client()
    for value in NASTY:
        url = _path(template, value)
        _ok(client.get(url), f"GET {url}"[:300])
        _ok(client.post(url), f"POST {url}"[:300])


@pytest.mark.parametrize("path", PATH_TEMPLATES)
@SETTINGS
@given(value=st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=80)))
def test_hypothesis_over_path_segments(path, value):
    url = _path(path, value)
    _ok(_client().get(url), f"GET {url}"[:300])


@pytest.mark.parametrize(("name", "language"), [case for case in CASES if case[1] == "pl"])
def test_head_options_and_wrong_methods(name, language):
    url, _target = _resolve(name, language)
    client = _client()
    for method in ("head", "options", "put", "patch", "delete", "trace"):
        _ok(getattr(client, method)(url), f"{method.upper()} {url}")


# Every public form (POST) -------------------------------------------------------------------


def _text_values() -> st.SearchStrategy[Any]:
    return st.one_of(
        _values(),
        st.just("Jan Kowalski"),
        st.just("jan@example.org"),
        st.just("on"),
        st.just("2026-12-31"),
        st.just("0000-00-00"),
        st.just("99999-12-31"),
        st.sampled_from(["1", "2", "3", "10", "30"]),  # ids the demo has
    )


def _form(fields: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(
        st.one_of(st.sampled_from(fields), RANDOM_NAMES),
        st.one_of(_text_values(), st.lists(_text_values(), min_size=1, max_size=3)),
        max_size=len(fields) + 2,
    )


def _registration_url() -> str | None:
    event = _page_url(EventPage)("pl")
    return event + "rejestracja/" if event else None


def _nomination_url() -> str | None:
    return _edition("zglos/{category}/")("pl")


def _vote_url() -> str | None:
    return _edition("glosuj/{category}/")("pl")


@dataclass(frozen=True)
class FormTarget:
    url: Callable[[], str | None]
    fields: tuple[str, ...]
    files: tuple[str, ...] = ()


def _basket_add() -> str | None:
    product = Product.objects.browsable().order_by("pk").first()
    return reverse("basket:add", kwargs={"pk": product.pk}) if product else None


FORMS: dict[str, FormTarget] = {
    "event registration": FormTarget(
        _registration_url, ("name", "email", "organisation_name", "phone", "consent", "website")
    ),
    "quote request": FormTarget(
        lambda: reverse("quotes:request"),
        ("form_sent", "product", "partner", "partners", *QUOTE_REQUEST_FIELDS),
    ),
    "nomination": FormTarget(
        _nomination_url,
        (
            "website",
            "candidate_partner",
            "candidate_organisation",
            "candidate_name",
            "justification",
            "nominator_name",
            "nominator_email",
            "nominator_phone",
            "consent_data",
            "consent_candidate",
        ),
        files=("recommendation_letter",),
    ),
    "vote": FormTarget(_vote_url, ("nomination", "email", "consent", "website")),
    "shortlist add": FormTarget(lambda: reverse("directory:shortlist-add"), ("partner", "next")),
    "shortlist remove": FormTarget(
        lambda: reverse("directory:shortlist-remove"), ("partner", "all")
    ),
    "shortlist send": FormTarget(lambda: reverse("quotes:request"), ("partner",)),
    "basket add": FormTarget(_basket_add, ("quantity", "child_id", "options")),
    "login": FormTarget(
        lambda: reverse("customer:login"),
        ("login-username", "login-password", "login_submit", "next"),
    ),
    "registration": FormTarget(
        lambda: reverse("customer:register"),
        ("registration-email", "registration-password1", "registration-password2", "next"),
    ),
    "registration on the login page": FormTarget(
        lambda: reverse("customer:login"),
        (
            "registration-email",
            "registration-password1",
            "registration-password2",
            "registration_submit",
        ),
    ),
    "certificate lookup": FormTarget(lambda: reverse("certificates:lookup"), ("number",)),
    "vote confirmation": FormTarget(lambda: _edition("glosuj/potwierdz/abc/")("pl"), ("x",)),
}


def _form_url(name: str) -> tuple[str, FormTarget]:
    target = FORMS[name]
    try:
        url = target.url()
    except NoReverseMatch:
        url = None
    if url is None:
        pytest.skip(f"no {name} form in the demo")
    return url, target


@pytest.fixture
def open_vote(demo: None) -> None:
    """The demo's current edition with its public vote open now (rolled back after the test)."""
    from datetime import timedelta

    from django.utils import timezone

    edition = EditionPage.objects.live().filter(locale__language_code="pl").order_by("-year")
    now = timezone.now()
    EditionPage.objects.filter(pk__in=edition.values("pk")[:1]).update(
        vote_start=now - timedelta(days=1), vote_end=now + timedelta(days=1)
    )


def _with_files(target: FormTarget, data: dict[str, Any], content: bytes) -> dict[str, Any]:
    for name in target.files:
        data[name] = SimpleUploadedFile("list.pdf", content, content_type="application/pdf")
    return data


@pytest.mark.parametrize("name", list(FORMS))
@pytest.mark.usefixtures("open_vote")
@override_settings(RATE_LIMITS=NO_LIMITS, AXES_ENABLED=False)
def test_nasty_values_in_every_form_field(name):
    url, target = _form_url(name)
    client = _client()
    for value in NASTY:
        data = _with_files(target, dict.fromkeys(target.fields, value), value.encode()[:100])
        _ok(client.post(url, data), f"POST {url} {value!r}"[:300])


@pytest.mark.parametrize("name", list(FORMS))
@pytest.mark.usefixtures("open_vote")
@override_settings(RATE_LIMITS=NO_LIMITS, AXES_ENABLED=False)
@SETTINGS
@given(data=st.data())
def test_hypothesis_over_form_fields(name, data):
    url, target = _form_url(name)
    fields = data.draw(_form(target.fields), label="fields")
    content = data.draw(st.binary(max_size=200), label="file")
    fields = _with_files(
        target, fields, b"%PDF-1.4\n" + content if content[:1] == b"%" else content
    )
    _ok(_client().post(url, fields), f"POST {url} {fields!r}"[:500])


@pytest.mark.parametrize(
    "url",
    ["/sklep/accounts/login/", "/admin/login/", "/django-admin/login/", "/sklep/dashboard/login/"],
)
def test_login_pages_with_login_throttling_on(url):
    """django-axes looks the typed username up before the form is checked (a NUL in it must
    not reach PostgreSQL); a lockout page is fine."""
    client = _client()
    for value in NASTY:
        for data in (
            {"login-username": value, "login-password": value, "login_submit": "1"},
            {"username": value, "password": value},
        ):
            _ok(client.post(url, data), f"POST {url} {value!r}"[:200])


# Basket and checkout, as far as a guest gets without an order being placed ------------------


CHECKOUT_FIELDS = {
    "checkout:index": ("username", "options", "password"),
    "checkout:shipping-address": (
        "first_name",
        "last_name",
        "line1",
        "line4",
        "postcode",
        "country",
        "phone_number",
    ),
    "checkout:shipping-method": (),
    "checkout:preview": ("action",),
    "basket:summary": (
        "form-TOTAL_FORMS",
        "form-INITIAL_FORMS",
        "form-MAX_NUM_FORMS",
        "form-0-id",
        "form-0-quantity",
        "form-0-save_for_later",
        "form-0-DELETE",
    ),
    "basket:vouchers-add": ("code",),
}


@pytest.fixture
def guest_with_basket() -> Client:
    from tests.helpers.shop import ADDRESS, ensure_poland

    ensure_poland()
    client = _client()
    product = Product.objects.browsable().filter(product_class__track_stock=True).first()
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert response.status_code == 302
    client.post(reverse("checkout:index"), {"username": "fuzz@example.org", "options": "anonymous"})
    client.post(reverse("checkout:shipping-address"), ADDRESS)
    client.product = product  # type: ignore[attr-defined]
    return client


@override_settings(RATE_LIMITS=NO_LIMITS)
@settings(SETTINGS, max_examples=SETTINGS.max_examples * 4)  # one step per example
@given(data=st.data())
def test_hypothesis_over_checkout_steps(guest_with_basket, data):
    client = guest_with_basket
    partner = client.product.stockrecords.first().partner  # type: ignore[attr-defined]
    fields = dict(CHECKOUT_FIELDS)
    fields["checkout:shipping-method"] = (f"pes-{partner.pk}-delivery", f"pes-{partner.pk}-payment")
    step = data.draw(st.sampled_from(sorted(fields)), label="step")
    values = data.draw(_form(fields[step]), label="fields")
    if step == "checkout:preview":
        values.pop("action", None)  # never place the order: a write outside this test's data
    url = reverse(step)
    _ok(client.post(url, values), f"POST {url} {values!r}"[:500])
    _ok(client.get(url, values), f"GET {url} {values!r}"[:500])


@pytest.mark.parametrize("value", NASTY)
@override_settings(RATE_LIMITS=NO_LIMITS)
def test_nasty_values_in_checkout_delivery_choices(guest_with_basket, value):
    client = guest_with_basket
    partner = client.product.stockrecords.first().partner  # type: ignore[attr-defined]
    data = {f"pes-{partner.pk}-delivery": value, f"pes-{partner.pk}-payment": value}
    _ok(client.post(reverse("checkout:shipping-method"), data), f"delivery {value!r}"[:200])
    _ok(client.post(reverse("checkout:shipping-address"), {"line1": value, "country": value}), "")


def test_the_list_of_nasty_values_has_no_accidental_duplicates():
    assert len(NASTY) == len(set(NASTY))
    assert all(isinstance(value, str) for value in NASTY)
    assert re.fullmatch(r"[0-9]+", HUGE) and int(HUGE) > 2**64
