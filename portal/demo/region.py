"""The demo voivodeship: świętokrzyskie, its ROPS and the three OWES of the ROPS–OWES agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DemoOrganisation:
    """The ROPS or an OWES: its contact details, the powiats it serves, its consortium."""

    slug: str
    name: str
    short_name: str
    address: str
    email: str
    phone: str
    description: str = ""
    powiats: tuple[str, ...] = ()  # the powiats' codes
    members: tuple[tuple[str, bool], ...] = ()  # consortium members: (name, is the leader)

    def contact_fields(self) -> dict[str, str]:
        """The organisation's names and contact details, as model fields."""
        return {
            "name": self.name,
            "short_name": self.short_name,
            "address": self.address,
            "email": self.email,
            "phone": self.phone,
        }


VOIVODESHIP = "swietokrzyskie"
# django-localflavor lists powiats voivodeship by voivodeship; świętokrzyskie runs from Kielce
# (the city with powiat rights) to włoszczowski.
FIRST_POWIAT, LAST_POWIAT = "kielce", "wloszczowski"
CITIES_WITH_POWIAT_RIGHTS = {"kielce"}

# The ROPS covers every powiat of the voivodeship, so it names none.
ROPS = DemoOrganisation(
    slug="rops-kielce",
    name="Regionalny Ośrodek Polityki Społecznej w Kielcach",
    short_name="ROPS Kielce",
    address="ul. Józefa Piłsudskiego 1\n25-001 Kielce",
    email="rops@rops.example.org",
    phone="+48 41 300 00 00",
    description="Koordynuje rozwój ekonomii społecznej w województwie świętokrzyskim.",
)

OWES: list[DemoOrganisation] = [
    DemoOrganisation(
        slug="swietokrzyski-owes",
        name="Świętokrzyski Ośrodek Wsparcia Ekonomii Społecznej",
        short_name="Świętokrzyski OWES",
        address="ul. Jana Pawła II 3\n25-013 Kielce",
        email="owes@swietokrzyski-owes.example.org",
        phone="+48 41 300 10 10",
        powiats=("kielce", "kielecki", "konecki", "wloszczowski"),
        members=(
            ("Caritas Diecezji Kieleckiej", True),
            ('Fundacja "Centrum Europy Lokalnej"', False),
            ("Świętokrzyskie Centrum Fundacji Rozwoju Demokracji Lokalnej", False),
        ),
    ),
    DemoOrganisation(
        slug="kielecko-ostrowiecki-owes",
        name="Kielecko-Ostrowiecki Ośrodek Wsparcia Ekonomii Społecznej",
        short_name="Kielecko-Ostrowiecki OWES",
        address="ul. Focha 10\n27-400 Ostrowiec Świętokrzyski",
        email="owes@ko-owes.example.org",
        phone="+48 41 300 20 20",
        powiats=("ostrowiecki", "opatowski", "starachowicki", "skarzyski", "sandomierski"),
        members=(
            ('Stowarzyszenie "Integracja i Rozwój"', True),
            ('LGD "Krzemienny Krąg"', False),
            ('Fundacja "Pestka"', False),
            ("Stowarzyszenie CAL", False),
        ),
    ),
    DemoOrganisation(
        slug="trzeci-swietokrzyski-owes",
        name="Świętokrzyski Ośrodek Wsparcia Ekonomii Społecznej (subregion południowy)",
        short_name="Świętokrzyski OWES – południe",
        address="ul. Kościuszki 5\n28-100 Busko-Zdrój",
        email="owes@poludnie-owes.example.org",
        phone="+48 41 300 30 30",
        powiats=("buski", "pinczowski", "kazimierski", "jedrzejowski", "staszowski"),
        members=(
            ("Podkarpacka Agencja Konsultingowo-Doradcza sp. z o.o.", True),
            ("Akademia Przedsiębiorczości sp. z o.o.", False),
        ),
    ),
]
ACCREDITATION_VALID_UNTIL = date(2029, 12, 31)
