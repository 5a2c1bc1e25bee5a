"""Indicators, targets, reports and the people who work on them, for the monitoring tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth.models import Group

from portal.monitoring.models import (
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    Report,
    ReportStatus,
    ReportValue,
)
from portal.organisations import roles
from portal.organisations.models import Organisation
from tests.factories.organisations import OrganisationFactory
from tests.factories.users import UserFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"test-indicator-{n}")
    name = factory.Sequence(lambda n: f"Wskaźnik testowy {n}")
    unit = "osoby"
    definition = "Definicja."
    source = IndicatorSource.ENTERED
    sort_order = factory.Sequence(lambda n: 1000 + n)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    owes = factory.SubFactory(OrganisationFactory)
    year = 2025
    value = Decimal("100")


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    owes = factory.SubFactory(OrganisationFactory)
    year = 2025
    quarter = 1
    status = ReportStatus.DRAFT


def value(report: Report, indicator: Indicator, amount: str | None, **kw: Any) -> ReportValue:
    return ReportValue.objects.create(
        report=report, indicator=indicator, value=None if amount is None else Decimal(amount), **kw
    )


def in_group(user: Any, name: str) -> Any:
    user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def owes_editor(owes: Organisation, **kw: Any) -> Any:
    return in_group(UserFactory(organisation=owes, **kw), roles.OWES_EDITORS)


def rops_moderator(**kw: Any) -> Any:
    return in_group(UserFactory(**kw), roles.ROPS_MODERATORS)


def rkres_member(**kw: Any) -> Any:
    return in_group(UserFactory(**kw), roles.RKRES_MEMBERS)
