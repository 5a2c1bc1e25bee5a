"""PES (Oscar's partners with the PES profile), their delivery options and fields of activity."""

from __future__ import annotations

import factory
from oscar.core.loading import get_model

from marketplace.partner.models import LegalForm

from .organisations import PowiatFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    """A PES. `plain=True` gives the bare partner Oscar's own helpers make (only a name: legal
    form "other", no powiat), for tests that only need someone selling."""

    class Meta:
        model = get_model("partner", "Partner")

    class Params:
        plain = factory.Trait(legal_form=LegalForm.OTHER, powiat=None)

    name = factory.Sequence(lambda n: f"Spółdzielnia Socjalna {n}")
    legal_form = "social_cooperative"
    powiat = factory.SubFactory(PowiatFactory)


class DeliveryOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "shipping.DeliveryOption"

    partner = factory.SubFactory(PartnerFactory)
    kind = "pickup"
    name = factory.Sequence(lambda n: f"Odbiór osobisty {n}")
    details = "ul. Warszawska 1, Kielce"


class ActivityFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partner.ActivityField"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Dziedzina {n}")
    name_en = factory.Sequence(lambda n: f"Field {n}")
    slug = factory.Sequence(lambda n: f"dziedzina-{n}")
