"""The listing: each filter alone and combined, facet counts, folding, sorting, bad input."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from marketplace.directory.filters import (
    facet_counts,
    filter_partners,
    listed_partners,
    parse_query,
)
from portal.text import fold
from tests.factories import PartnerFactory
from tests.factories.directory import SCOPE

A, B, C, E = (
    "Spółdzielnia Socjalna Łąka",
    "Fundacja Smak",
    "Stowarzyszenie Czysto",
    "Zakład Brzegowy",
)


def _page_names(client, params: str) -> list[str]:
    response = client.get(f"/baza-pes/?{params}")
    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert not page_obj.has_next()  # the scoped fixtures fit on one page
    names = [partner.name for partner in response.context["partners"]]
    assert len(names) == page_obj.paginator.count
    return names


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("", {A, B, C, E}),
        ("powiat=dir-p2", {C, E}),
        ("legal_form=foundation", {B}),
        ("legal_form=foundation&legal_form=association", {B, C}),
        ("activity=dir-catering", {A, B}),
        ("activity=dir-catering&activity=dir-sprzatanie", {A, B, C}),
        ("certified=1", {A}),
        ("ps=1", {A}),
        ("art94=1", {A, C}),
        ("reintegration=social", {A}),
        ("reintegration=vocational&reintegration=social", {A, B}),
        ("online=1", {A}),
        ("q=laka", {A}),
        ("q=ŁĄKA", {A}),
        ("q=lodz", {A}),
        ("q=SZKÓŁ", {A}),
        ("q=niepelnosprawnosciami", {A}),
        ("q=catering", {A, B}),
        ("q=sprzatanie", {C}),
        ("q=czysto", {A, C}),
        ("q=fundacja smak", {B}),
        ("q=ukryta", set()),
        ("activity=dir-catering&certified=1&ps=1", {A}),
        ("activity=dir-catering&art94=1", {A}),
        ("art94=1&legal_form=zaz&legal_form=association", {C}),
        ("q=czysto&legal_form=social_cooperative", {A}),
    ],
)
def test_filters_alone_and_combined(client, world, params, expected):
    scope = "" if params.startswith("powiat=") else f"{SCOPE}&"
    assert set(_page_names(client, scope + params)) == expected


def test_unlisted_pes_never_show(client, world):
    assert world.hidden.name not in _page_names(client, "activity=dir-catering")
    assert client.get(f"/baza-pes/{world.hidden.code}/").status_code == 404


def test_art_94_in_sql_agrees_with_the_profile(world):
    eligible = set(filter_partners(parse_query(QueryDict("art94=1"))).values_list("pk", flat=True))
    for partner in listed_partners():
        assert (partner.pk in eligible) == partner.art_94_eligible, partner.name


def _facet_cases(query_string: str):
    query = parse_query(QueryDict(query_string))
    counts = facet_counts(query)
    for facet, values in counts.items():
        for value, count in values.items():
            yield query, facet, value, count


@pytest.mark.parametrize(
    "query_string",
    [
        "",
        SCOPE,
        f"{SCOPE}&activity=dir-catering",
        f"{SCOPE}&certified=1&legal_form=foundation",
        "q=spoldzielnia&art94=1",
        "powiat=dir-p1&reintegration=social&online=1",
    ],
)
def test_facet_counts_equal_the_rows_behind_them(world, query_string):
    """Disjunctive counts: a value's count is what choosing it alone in its facet returns."""
    from dataclasses import replace

    from marketplace.directory.filters import BOOLEAN_FACETS

    checked = 0
    for query, facet, value, count in _facet_cases(query_string):
        chosen = True if facet in BOOLEAN_FACETS else (value,)
        rows = filter_partners(replace(query, **{facet: chosen})).count()
        assert rows == count, (facet, value)
        checked += 1
    assert checked >= 4


def test_page_shows_the_counts(client, world):
    response = client.get(f"/baza-pes/?{SCOPE}&activity=dir-catering")
    facets = {facet.name: facet for facet in response.context["facets"]}
    powiats = {value.value: value.count for value in facets["powiat"].values}
    # the powiat facet ignores its own choice, not the others; chosen values stay, even at 0
    assert powiats == {"dir-p1": 2, "dir-p2": 0}
    activity = {value.value: value.count for value in facets["activity"].values}
    assert activity["dir-catering"] == 2 and activity["dir-sprzatanie"] == 1
    features = {value.value: value.count for value in facets["features"].values}
    assert features == {"certified": 1, "ps": 1, "art94": 1, "online": 1}
    html = response.content.decode()
    assert "Testowo" in html and 'name="activity" value="dir-catering" checked' in html
    assert "<legend>" in html


def test_sorting_by_relevance_puts_name_matches_first(client, world):
    assert _page_names(client, f"{SCOPE}&q=czysto&sort_by=relevance") == [C, A]
    assert _page_names(client, f"{SCOPE}&q=czysto") == [C, A]  # relevance by default
    assert _page_names(client, f"{SCOPE}&q=czysto&sort_by=name") == [A, C]
    # the name sort folds Polish letters: Ś sorts with S, not after Z
    assert _page_names(client, SCOPE) == [B, A, C, E]


@pytest.mark.parametrize(
    "params",
    [
        "page=10000",
        "page=abc",
        "page=-1",
        "q=" + "ż" * 5000,
        "powiat=nowhere",
        "legal_form=bank&activity=<script>",
        "sort_by=evil",
        "certified=yes&ps=&art94=2",
        "q=%00%25_",
        "powiat=" + "&powiat=".join(str(n) for n in range(500)),
    ],
)
def test_bad_input_gives_a_normal_page(client, world, params):
    response = client.get(f"/baza-pes/?{params}")
    assert response.status_code == 200
    assert client.get(f"/api/pes/?{params}").status_code == 200
    assert client.get(f"/baza-pes/eksport.csv?{params}").status_code == 200


def test_bad_input_is_explained(client, world):
    html = client.get("/baza-pes/?q=" + "a" * 5000).content.decode()
    assert "first 200 characters" in html or "200" in html
    response = client.get("/baza-pes/?powiat=nowhere")
    assert response.context["query"].dropped == ("powiat",)
    assert response.context["page_obj"].paginator.count == listed_partners().count()


def test_last_page_for_a_page_too_far(client, world):
    response = client.get("/baza-pes/?page=10000")
    page_obj = response.context["page_obj"]
    assert page_obj.number == page_obj.paginator.num_pages


def test_listing_query_count_is_bounded(client, world, django_assert_max_num_queries):
    """Constant in the number of PES: the facets, one page and its prefetches (the header is
    warmed first: it is cached site-wide and costs about ten queries once)."""
    assert listed_partners().count() >= 30
    client.get("/baza-pes/?page=2")
    # Through the search service: its page of keys, then the rows with their prefetches (16).
    with django_assert_max_num_queries(18):
        assert client.get("/baza-pes/").status_code == 200
    # A search adds one query: the fields of activity named by its words, shared by the
    # listing and every facet count (was one per use).
    with django_assert_max_num_queries(17):
        response = client.get(f"/baza-pes/?q=spoldzielnia&art94=1&certified=1&{SCOPE}")
        assert response.status_code == 200


def test_profile_shows_the_public_record(client, world, django_assert_max_num_queries):
    client.get("/baza-pes/?page=2")  # warms the site header (cached site-wide)
    with django_assert_max_num_queries(6):
        response = client.get(f"/baza-pes/{world.a.code}/")
    html = response.content.decode()
    for text in [
        world.a.name,
        "Łódź",
        "Testowo",
        "Obiady dla szkół",
        "Praca dla osób",
        "Gastronomia",
        "PS/1/2025",
        "40,0%",
        "biuro@laka.example.org",
        "https://laka.example.org",
        "6570001125",
        "123456785",
        "0000123456",
        "Rynek 2, Łódź",
        "pn–pt 8–16",
        "Powidła z Łąki",
        "Catering szkolny Łąka",
        "ZP/2026/9901",
        world.a.owes.name,
    ]:
        assert text in html, text
    assert "Tajny produkt" not in html
    assert "PL61" not in html and "109010140000071219812874" not in html
    assert html.count("<h1") == 1


def test_profile_json_ld_is_valid_and_escaped(client, world):
    import json
    import re

    world.a.name = "Łąka </script><script>alert(1)</script> & co"
    world.a.save()
    html = client.get(f"/baza-pes/{world.a.code}/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == world.a.name
    assert data["address"]["addressLocality"] == "Łódź"
    assert {"propertyID": "NIP", "value": "6570001125", "@type": "PropertyValue"} in data[
        "identifier"
    ]
    assert "<script>alert" not in html


def test_listing_and_profile_are_page_cached_for_anonymous_visitors(client, world):
    for path in ["/baza-pes/", "/baza-pes/?page=2", f"/baza-pes/{world.a.code}/"]:
        first = client.get(path)
        assert first["X-Page-Cache"] == "miss", path
        assert "csrfmiddlewaretoken" not in first.content.decode()
        second = client.get(path)
        assert second["X-Page-Cache"] == "hit", path
        assert second.content == first.content
        assert not second.cookies
    # a change to a PES shows at once (partner saves bump the cache generation)
    world.b.name = "Fundacja Smak Nowa"
    world.b.save()
    response = client.get("/baza-pes/")
    assert response["X-Page-Cache"] == "miss"


def test_english_listing(client, world):
    response = client.get(f"/en/baza-pes/?{SCOPE}&activity=dir-catering")
    assert response.status_code == 200
    assert "Catering" in response.content.decode()


def test_main_navigation_links_the_database(client, world):
    assert 'href="/baza-pes/"' in client.get("/").content.decode()
    html = client.get("/en/baza-pes/").content.decode()
    assert 'href="/en/baza-pes/" aria-current="page"' in html


def test_powiat_facet_is_in_alphabetical_order(client, world):
    facets = {f.name: f for f in client.get("/baza-pes/").context["facets"]}
    labels = [value.label for value in facets["powiat"].values]
    folded = [label.lower().removeprefix("powiat ") for label in labels]
    assert folded.index("drugowo") < folded.index("kielce") < folded.index("testowo")


def test_ticking_a_field_of_activity_refreshes_cached_pages(client, world):
    client.get("/baza-pes/")
    assert client.get("/baza-pes/")["X-Page-Cache"] == "hit"
    world.e.activity_fields.add(world.cleaning)
    assert client.get("/baza-pes/")["X-Page-Cache"] == "miss"
    assert client.get("/baza-pes/")["X-Page-Cache"] == "hit"
    world.cleaning.name_en = "Cleaning services"
    world.cleaning.save()
    assert client.get("/baza-pes/")["X-Page-Cache"] == "miss"


def test_a_faceted_listing_is_served_from_the_page_cache(db, client, django_assert_num_queries):
    """Facet links are shared and revisited: the second anonymous GET is a cache hit."""
    url = "/baza-pes/?certified=1&art94=1"
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_fields_of_activity_match_by_folded_name_in_both_languages(db):
    """A word in a field of activity's Polish or English name finds the PES holding it,
    typed with or without Polish letters, in any case; other PES are not found."""
    from marketplace.directory.filters import DirectoryQuery, matching_activities
    from marketplace.partner.models import ActivityField

    field = ActivityField.objects.create(
        name="Zażółć gęślą jaźń", name_en="Goose-song weaving", slug="zazolc"
    )
    holder, other = PartnerFactory(name="Pierwsza"), PartnerFactory(name="Druga")
    holder.activity_fields.add(field)
    for word in ("ZAZOLC", "gęślą", "jazn", "weaving"):
        assert field.pk in matching_activities([word])[word]
        found = set(filter_partners(DirectoryQuery(q=word)).values_list("pk", flat=True))
        assert holder.pk in found and other.pk not in found, word
    assert matching_activities(["nic-takiego"]) == {"nic-takiego": []}
    assert fold("ZAŻÓŁĆ Łódź") == "zazolc lodz"


def test_stored_folded_text_follows_every_save(db):
    """The directory searches `Partner.folded_text`: a save, also one naming only some fields,
    keeps it in step with the name, description, mission and town."""
    from marketplace.directory.filters import DirectoryQuery, filter_partners

    partner = PartnerFactory(name="Spółdzielnia Socjalna „Łąka”", city="Kielce")

    def found(q: str) -> bool:
        return partner.pk in set(filter_partners(DirectoryQuery(q=q)).values_list("pk", flat=True))

    assert found("LAKA") and found("spoldzielnia laka") and found("kielce")
    partner.description = "Wypiekamy chleb na zakwasie."
    partner.save()
    assert found("chleb zakwasie") and found("wypiekamy")
    partner.name = "Pracownia Żurawina"
    partner.city = "Chęciny"
    partner.save(update_fields=["name", "city"])
    partner.refresh_from_db()
    assert partner.folded_name == "pracownia zurawina"
    assert found("zurawina") and found("checiny") and not found("laka")
