"""Gminas (in the real powiats of świętokrzyskie, so TERYT prefixes check) and their plans."""

from __future__ import annotations

from datetime import date

import factory

from portal.localplans.data import POWIAT_TERYT
from portal.localplans.models import Gmina, LocalPlan, PlanStatus
from portal.organisations.models import Powiat


def powiat(code: str) -> Powiat:
    """The demo's powiat of that code, or a new one (the test database may hold no demo)."""
    return Powiat.objects.get_or_create(
        code=code, defaults={"name": code, "voivodeship": "swietokrzyskie"}
    )[0]


class GminaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gmina

    powiat = factory.LazyFunction(lambda: powiat("buski"))
    kind = Gmina.Kind.RURAL
    name = factory.Sequence(lambda n: f"Gmina testowa {n}")
    teryt = factory.LazyAttributeSequence(
        lambda o, n: f"{POWIAT_TERYT[o.powiat.code]}{n % 100:02d}{o.kind}"
    )


class LocalPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalPlan

    gmina = factory.SubFactory(GminaFactory)
    status = PlanStatus.IN_PREPARATION


class AdoptedPlanFactory(LocalPlanFactory):
    status = PlanStatus.ADOPTED
    resolution_number = factory.Sequence(lambda n: f"XII/{n}/2024")
    resolution_date = date(2024, 3, 21)
    period_start = 2024
    period_end = 2030
