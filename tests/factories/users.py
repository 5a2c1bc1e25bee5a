"""Accounts: customers, PES staff and the certificate committee."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from portal.organisations.roles import PES_STAFF

from .partners import PartnerFactory

# The certificate committee's group, made by a migration.
COMMITTEE = "Kapituła Zakup Prospołeczny"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "haslo-testowe-1")


class PesUserFactory(UserFactory):
    """PES staff: in the "Pracownicy PES" group (partner.dashboard_access), never `is_staff`."""

    @factory.post_generation
    def partners(self, create: bool, extracted, **kwargs) -> None:
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


def committee_member() -> object:
    """A staff account in the certificate committee's group."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=COMMITTEE))
    return user
