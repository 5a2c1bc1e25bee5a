"""The demo region: complete, realistic and idempotent."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model
from wagtail.models import Page

from home.models import ContentPage
from marketplace.partner.models import LegalForm
from portal.organisations.models import Organisation, Powiat

pytestmark = pytest.mark.usefixtures("demo")

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def counts() -> dict[str, int]:
    return {
        "powiats": Powiat.objects.count(),
        "organisations": Organisation.objects.count(),
        "partners": Partner.objects.count(),
        "products": Product.objects.count(),
        "stockrecords": StockRecord.objects.count(),
        "pages": Page.objects.count(),
        "images": get_model("catalogue", "ProductImage").objects.count(),
    }


def test_running_the_loader_again_changes_nothing():
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_region_has_all_powiats_of_swietokrzyskie():
    names = set(Powiat.objects.filter(voivodeship="swietokrzyskie").values_list("code", flat=True))
    assert len(names) == 14
    assert {"kielce", "buski", "ostrowiecki", "wloszczowski"} <= names


def test_rops_and_three_owes_with_leaders():
    assert Organisation.objects.filter(kind="rops").count() == 1
    owes = Organisation.objects.filter(kind="owes").prefetch_related("consortium_members")
    assert owes.count() == 3
    leaders = {o.slug: o.leader.name for o in owes}
    assert leaders["swietokrzyski-owes"] == "Caritas Diecezji Kieleckiej"
    assert leaders["kielecko-ostrowiecki-owes"] == 'Stowarzyszenie "Integracja i Rozwój"'
    assert leaders["trzeci-swietokrzyski-owes"].startswith("Podkarpacka Agencja")
    served = [p for o in owes for p in o.powiats.all()]
    assert len(served) == len(set(served)) == 14  # every powiat served by exactly one OWES


def test_pes_cover_every_legal_form_and_sell_with_pictures():
    assert Partner.objects.count() >= 25
    forms = set(Partner.objects.values_list("legal_form", flat=True))
    assert forms >= {f.value for f in LegalForm if f != LegalForm.OTHER}
    assert Partner.objects.values("powiat").distinct().count() >= 10
    products = Product.objects.browsable()
    assert products.count() >= 60
    for product in products.prefetch_related("images", "stockrecords"):
        assert product.images.all(), product
        record = product.stockrecords.all()[0]
        assert record.price and record.price > 0
    categories = {c.name for c in get_model("catalogue", "Category").objects.all()}
    assert {"Żywność i przetwory", "Catering", "Sprzątanie", "Poligrafia"} <= categories


def test_page_tree_is_sound_after_translation():
    """wagtail-localize issue 773: translating subtrees corrupts numchild; we go page by page."""
    problems = Page.find_problems()
    assert all(not group for group in problems), problems
    english = Page.objects.filter(locale__language_code="en", depth__gte=2)
    assert english.count() >= 5
    polish_keys = set(
        Page.objects.filter(locale__language_code="pl").values_list("translation_key", flat=True)
    )
    assert all(page.translation_key in polish_keys for page in english)
    # every general content page exists in both languages
    content = ContentPage.objects.all()
    assert (
        content.filter(locale__language_code="pl").count()
        == content.filter(locale__language_code="en").count()
    )
