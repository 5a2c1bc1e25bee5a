"""Every published figure equals the same figure counted here from the rows the test made
(an isolated subregion: an OWES of three fresh powiats), with small groups suppressed."""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.db.models import Q
from oscar.core.loading import get_model

from marketplace.partner.models import LegalForm
from portal.competition.models import Award, Nomination
from portal.organisations.models import Organisation
from portal.statistics import figures
from portal.statistics.tables import MIN_GROUP
from tests.factories.statistics import build_world

pytestmark = pytest.mark.usefixtures("demo")

Partner = get_model("partner", "Partner")


def shown(n: int) -> int | None:
    """A count as published: hidden from 1 to MIN_GROUP - 1."""
    return None if 0 < n < MIN_GROUP else n


def by_label(table) -> dict:
    return {row[0]: row[1:] for row in table.rows}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def published(world):
    return {t.slug: t for t in figures.tables(world.year, world.owes)}


def test_pes_by_powiat_counts_listed_pes_and_hides_small_powiats(world, published):
    table = published["pes-by-powiat"]
    rows = by_label(table)
    counted = Counter(p.powiat_id for p in world.pes)
    alfa, beta, gamma = world.powiats
    assert counted == {alfa.pk: 7, beta.pk: 3, gamma.pk: 6}
    assert rows[str(alfa)] == [7]
    assert rows[str(beta)] == [None]  # 3 PES: primary suppression
    assert rows[str(gamma)] == [None]  # next smallest: complementary suppression
    assert rows["Razem"] == [16]  # the unlisted PES and the one founded next year are out
    assert table.suppressed_cells == 2
    assert "2" in table.note


def test_pes_by_legal_form(world, published):
    counted = Counter(p.legal_form for p in world.pes)
    rows = by_label(published["pes-by-legal-form"])
    assert sum(counted.values()) == 16
    coop = counted[LegalForm.SOCIAL_COOPERATIVE]
    foundation = counted[LegalForm.FOUNDATION]
    assert (coop, foundation) == (11, 5)
    assert rows[str(LegalForm.SOCIAL_COOPERATIVE.label)] == [coop]
    assert rows[str(LegalForm.FOUNDATION.label)] == [foundation]
    assert rows["Razem"] == [16]


def test_pes_by_activity_counts_a_pes_in_each_of_its_fields(world, published):
    rows = by_label(published["pes-by-activity"])
    assert rows["Statystyczna gastronomia"] == [16]
    assert rows["Statystyczne sprzątanie"] == [6]
    assert "Razem" not in rows  # a PES in several fields: no total that would double count


def test_pes_by_founding_year(world, published):
    table = published["pes-by-founding-year"]
    rows = by_label(table)
    years = Counter(p.operating_since.year if p.operating_since else None for p in world.pes)
    first = world.year - figures.YEARS_BACK + 1
    assert table.rows[-2][1:] == [shown(years[None])]  # "not known", before the total
    earlier = sum(n for y, n in years.items() if y is not None and y < first)
    expected = {str(y): shown(years.get(y, 0)) for y in range(first, world.year + 1)}
    for label, value in expected.items():
        if value is not None:
            assert rows[label] == [value], label
    assert table.rows[0][1] in (shown(earlier), None)  # "earlier"
    assert rows["Razem"][0] in (16, None)


def test_pes_status(world, published):

    ps = sum(1 for p in world.pes if p.ps_decision_number and p.ps_decision_date)
    art94 = sum(1 for p in world.pes if p.employees_at_risk * 100 >= 30 * p.employees_total)
    assert (ps, art94) == (8, 4)
    values = [row[1] for row in published["pes-status"].rows]
    assert values == [shown(ps), shown(art94), 16]


def test_certificates_valid_at_each_year_end(world, published):
    rows = by_label(published["certificates"])
    this_year = sum(1 for p in world.pes if p.certificates.valid_on().exists())
    last_day = datetime.date(world.year - 1, 12, 31)
    last_year = sum(1 for p in world.pes if p.certificates.valid_on(last_day).exists())
    assert last_year == 2
    assert rows[str(world.year)] == [shown(this_year)] != [None]
    assert rows[str(world.year - 1)] == [None]


def test_orders_counted_by_pes_and_hidden_when_few_pes_or_buyers(world, published):
    rows = by_label(published["orders-by-powiat"])
    alfa, beta, gamma = world.powiats
    alfa_orders = [o for o in world.orders if o.lines.first().partner.powiat_id == alfa.pk]
    gamma_orders = [o for o in world.orders if o.lines.first().partner.powiat_id == gamma.pk]
    assert len(alfa_orders) == 6
    value = sum((o.total_incl_tax for o in world.orders), Decimal("0"))
    # two orders of two PES from one buyer: both figures hidden
    assert rows[str(gamma)] == [None, None]
    # the total would give gamma back: the next smallest non-zero cell (alfa's) goes too
    assert rows[str(alfa)] == [None, None]
    assert rows[str(beta)] == [0, Decimal("0.00")]
    buyers = {o.guest_email for o in world.orders}
    sellers = {o.lines.first().partner_id for o in world.orders}
    assert (len(world.orders), len(sellers), len(buyers)) == (8, 7, 6)
    assert rows["Razem"] == [8, value]
    by_year = by_label(published["orders-by-year"])
    assert by_year[str(world.year)] == [8, value]
    assert len(gamma_orders) == 2


def test_awards_by_year_and_kind(world, published):
    value = sum((n.award_value for n in world.notices), Decimal("0"))
    rows = by_label(published["procurement-by-year"])
    assert rows[str(world.year)] == [5, value]
    kinds = by_label(published["procurement-by-kind"])
    assert kinds["Razem"] == [5, value]


def test_whole_region_equals_an_independent_count_over_all_rows(world):
    published = {t.slug: t for t in figures.tables(world.year, None)}
    end = datetime.date(world.year, 12, 31)
    listed = Partner.objects.filter(listed_in_directory=True).filter(
        Q(operating_since__isnull=True) | Q(operating_since__lte=end)
    )
    total = len(list(listed))
    assert by_label(published["pes-by-powiat"])["Razem"] == [shown(total)]
    assert by_label(published["pes-by-legal-form"])["Razem"] == [shown(total)]
    assert published["pes-status"].rows[-1][1] == shown(total)


def test_laureates_equal_the_published_awards(world):
    table = {t.slug: t for t in figures.tables(world.year, None)}["lider-es-laureates"]
    counted: Counter = Counter()
    for nomination in Nomination.objects.select_related("edition", "category"):
        edition = nomination.edition
        if (
            nomination.status == Nomination.Status.ACCEPTED
            and nomination.award
            and edition.results_published
            and edition.live
            and edition.year <= world.year
        ):
            counted[(f"{edition.year} – {nomination.category.name}", nomination.award)] += 1
    rows = by_label(table)
    for (label, award), n in counted.items():
        column = [Award.WINNER, Award.DISTINCTION, Award.SPECIAL].index(award)
        assert rows[label][column] == n
    assert sum(sum(r) for r in rows.values()) == sum(counted.values())


def test_a_later_year_filter_leaves_out_pes_founded_after_it(world):
    earlier = {t.slug: t for t in figures.tables(world.year - 1, world.owes)}
    founded = sum(
        1 for p in world.pes if p.operating_since is None or p.operating_since.year < world.year
    )
    assert by_label(earlier["pes-by-powiat"])["Razem"] == [founded]


def test_owes_indicators_sum_the_accepted_reports_against_the_target(world):
    from portal.monitoring.indicators import Indicator, IndicatorTarget
    from portal.monitoring.reports import Report, ReportStatus, ReportValue

    indicator = Indicator.objects.create(code="stat-wsparcie", name="Osoby wsparte", unit="osoby")
    IndicatorTarget.objects.create(indicator=indicator, owes=world.owes, year=world.year, value=40)
    values = {1: (ReportStatus.ACCEPTED, 10), 2: (ReportStatus.ACCEPTED, 5)}
    values[3] = (ReportStatus.SUBMITTED, 100)  # not accepted: not a fact yet
    for quarter, (status, value) in values.items():
        report = Report.objects.create(owes=world.owes, year=world.year, quarter=quarter)
        ReportValue.objects.create(report=report, indicator=indicator, value=value)
        Report.objects.filter(pk=report.pk).update(status=status)  # decided after filling in
    table = {t.slug: t for t in figures.tables(world.year, world.owes)}["owes-indicators"]
    rows = by_label(table)
    accepted = sum(v for s, v in values.values() if s == ReportStatus.ACCEPTED)
    assert rows["OWES Statystyczny – Osoby wsparte (osoby)"] == [
        Decimal("40"),
        Decimal(accepted),
        Decimal("37.5"),
    ]


def test_the_number_of_queries_does_not_grow_with_the_rows(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.orders import create_pes_order
    from tests.factories.partners import PartnerFactory

    with CaptureQueriesContext(connection) as before:
        figures.tables(world.year, world.owes)
    for i in range(8):
        partner = PartnerFactory(name=f"Dodatkowy PES {i}", powiat=world.powiats[1])
        create_pes_order(partner, guest_email=f"dodatkowy{i}@example.org")
    with CaptureQueriesContext(connection) as after:
        figures.tables(world.year, world.owes)
    assert len(after.captured_queries) == len(before.captured_queries) <= 30


def test_a_status_count_is_hidden_when_the_rest_of_the_pes_are_few(world):
    """16 PES, 8 with PS status; make 13 PS: the 3 without it could be computed back."""
    for partner in world.pes:
        if not partner.ps_decision_number:
            partner.ps_decision_number, partner.ps_decision_date = "PS/X", datetime.date(2020, 1, 1)
            partner.save()
            if sum(1 for p in world.pes if p.ps_decision_number) == 13:
                break
    table = {t.slug: t for t in figures.tables(world.year, world.owes)}["pes-status"]
    assert table.rows[0][1] is None and table.rows[-1][1] == 16


def test_pes_by_subregion_equals_an_independent_count_per_owes_area(world):
    published = {t.slug: t for t in figures.tables(world.year, None)}
    rows = by_label(published["pes-by-subregion"])
    end = datetime.date(world.year, 12, 31)
    listed = Partner.objects.filter(listed_in_directory=True).filter(
        Q(operating_since__isnull=True) | Q(operating_since__lte=end)
    )
    owes_list = Organisation.objects.filter(kind=Organisation.Kind.OWES)
    for owes in owes_list:
        area = {powiat.pk for powiat in owes.powiats.all()}
        counted = sum(1 for partner in listed if partner.powiat_id in area)
        assert rows[str(owes)] == [shown(counted)]
    assert rows[str(world.owes)] == [16]
    assert len(rows) == owes_list.count()
    # One area is the whole of a filtered page: the table is left out there.
    assert "pes-by-subregion" not in {t.slug for t in figures.tables(world.year, world.owes)}
