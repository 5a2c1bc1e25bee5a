"""Factories for the portal's own models; Oscar's catalogue comes from oscar.test.factories."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

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


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "haslo-testowe-1")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_model("partner", "Partner")

    name = factory.Sequence(lambda n: f"Spółdzielnia Socjalna {n}")
    legal_form = "social_cooperative"
    powiat = factory.SubFactory(PowiatFactory)
