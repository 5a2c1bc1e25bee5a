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


# PES dashboard --------------------------------------------------------------------------------


class PesUserFactory(UserFactory):
    """PES staff: in the "Pracownicy PES" group (partner.dashboard_access), never `is_staff`."""

    @factory.post_generation
    def partners(self, create: bool, extracted, **kwargs) -> None:
        from django.contrib.auth.models import Group, Permission

        from portal.organisations.roles import PES_STAFF

        if not create:
            return
        # The group comes from a migration; a transactional test's flush may have removed it.
        group, created = Group.objects.get_or_create(name=PES_STAFF)
        if created:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="partner", codename="dashboard_access"
                )
            )
        self.groups.add(group)
        for partner in [PartnerFactory()] if extracted is None else extracted:
            partner.users.add(self)


class DeliveryOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "shipping.DeliveryOption"

    partner = factory.SubFactory(PartnerFactory)
    kind = "pickup"
    name = factory.Sequence(lambda n: f"Odbiór osobisty {n}")
    details = "ul. Warszawska 1, Kielce"


def create_pes_order(partners, *, user=None, guest_email: str = "", quantity: int = 1, **fields):
    """An order placed through Oscar's OrderCreator, with a line for each partner given.

    Each line is a fresh product with 10 in stock, so the allocation can be checked afterwards.
    `fields` go onto the order (payment_method, delivery_kind, group_reference…).
    """
    from decimal import Decimal

    from oscar.apps.partner.strategy import Default
    from oscar.test.factories import create_order, create_product

    basket = get_model("basket", "Basket").objects.create(owner=user)
    basket.strategy = Default()
    for partner in partners if isinstance(partners, list | tuple) else [partners]:
        product = create_product(title=f"Powidła {partner.name}", product_class="Produkt")
        product.stockrecords.create(
            partner=partner,
            partner_sku=f"SKU-{product.pk}",
            price=Decimal("12.50"),
            price_currency="PLN",
            num_in_stock=10,
        )
        basket.add_product(product, quantity)
    return create_order(basket=basket, user=user, guest_email=guest_email, **fields)


# PES database ---------------------------------------------------------------------------------


class ActivityFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partner.ActivityField"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Dziedzina {n}")
    name_en = factory.Sequence(lambda n: f"Field {n}")
    slug = factory.Sequence(lambda n: f"dziedzina-{n}")
