"""Validation: TERYT codes agree with the powiat and the type; an adopted plan is complete."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from portal.localplans.models import Gmina, LocalPlan, PlanStatus
from tests.factories.localplans import GminaFactory, powiat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("teryt", "kind", "field"),
    [
        ("260101", "2", "teryt"),  # six digits
        ("26010122", "2", "teryt"),  # eight
        ("26a1012", "2", "teryt"),  # not digits
        ("2602012", "2", "teryt"),  # the prefix of jędrzejowski, not buski
        ("2601013", "2", "teryt"),  # type digit 3, kind rural
    ],
)
def test_bad_teryt_is_refused(teryt: str, kind: str, field: str) -> None:
    gmina = Gmina(teryt=teryt, name="Test", kind=kind, powiat=powiat("buski"))
    with pytest.raises(ValidationError) as error:
        gmina.full_clean()
    assert field in error.value.message_dict


def test_good_teryt_passes() -> None:
    Gmina(teryt="2601022", name="Gnojno", kind="2", powiat=powiat("buski")).full_clean()
    Gmina(teryt="2661011", name="Kielce", kind="1", powiat=powiat("kielce")).full_clean()


def test_powiat_without_known_teryt_code_is_refused() -> None:
    gmina = Gmina(teryt="1201012", name="X", kind="2", powiat=powiat("powiat-bez-kodu"))
    with pytest.raises(ValidationError) as error:
        gmina.full_clean()
    assert "powiat" in error.value.message_dict


ADOPTED_FIELDS = ("resolution_number", "resolution_date", "period_start", "period_end")


@pytest.mark.parametrize("missing", ADOPTED_FIELDS)
def test_adopted_requires_resolution_and_period(missing: str) -> None:
    plan = LocalPlan(
        gmina=GminaFactory(),
        status=PlanStatus.ADOPTED,
        resolution_number="XII/85/2024",
        resolution_date=date(2024, 3, 21),
        period_start=2024,
        period_end=2030,
    )
    plan.full_clean()
    setattr(plan, missing, "" if missing == "resolution_number" else None)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert missing in error.value.message_dict


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(2030, 2024, "period_end"), (1990, 2030, "period_start"), (2024, 2101, "period_end")],
)
def test_period_must_be_reasonable(start: int, end: int, field: str) -> None:
    plan = LocalPlan(
        gmina=GminaFactory(),
        status=PlanStatus.ADOPTED,
        resolution_number="XII/85/2024",
        resolution_date=date(2024, 3, 21),
        period_start=start,
        period_end=end,
    )
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize("status", [PlanStatus.NONE, PlanStatus.IN_PREPARATION])
def test_other_statuses_refuse_resolution_fields(status: str) -> None:
    plan = LocalPlan(gmina=GminaFactory(), status=status)
    plan.full_clean()
    plan.resolution_number = "XII/85/2024"
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "resolution_number" in error.value.message_dict


def test_supporting_organisation_must_be_an_owes() -> None:
    from tests.factories.organisations import OrganisationFactory

    rops_like = OrganisationFactory(kind="rops")
    plan = LocalPlan(gmina=GminaFactory(), status=PlanStatus.NONE, supporting_owes=rops_like)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "supporting_owes" in error.value.message_dict
