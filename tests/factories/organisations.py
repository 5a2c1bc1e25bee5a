"""Powiats and organisations (OWES, ROPS) of the portal's region."""

from __future__ import annotations

import factory

from portal.organisations.models import Organisation, Powiat


class PowiatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Powiat
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"powiat-{n}")
    name = factory.Sequence(lambda n: f"testowy {n}")
    voivodeship = "swietokrzyskie"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.OWES
    name = factory.Sequence(lambda n: f"Ośrodek Wsparcia {n}")
    slug = factory.Sequence(lambda n: f"owes-{n}")
