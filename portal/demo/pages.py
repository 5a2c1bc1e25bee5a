"""Demo content pages in Polish, each with its English translation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DemoContentPage:
    """A content page under the home page and its English translation."""

    slug: str
    slug_en: str
    menu: bool  # shown in the menus
    pl: dict[str, Any]  # the Polish page's fields
    en: dict[str, Any]  # the English page's fields


# The home page's fields in each language.
HOME = {
    "pl": {
        "title": "Ekonomia społeczna w Świętokrzyskiem",
        "lead": (
            "Kupuj od podmiotów ekonomii społecznej, znajdź społecznego dostawcę i poznaj "
            "ludzi, którzy łączą biznes z pomaganiem."
        ),
        "body": (
            "<p>Portal prowadzi Regionalny Ośrodek Polityki Społecznej w Kielcach wspólnie z "
            "ośrodkami wsparcia ekonomii społecznej (OWES). Tu znajdziesz produkty i usługi "
            "spółdzielni socjalnych, fundacji, stowarzyszeń, CIS, KIS, ZAZ i WTZ z całego "
            "województwa.</p>"
        ),
    },
    "en": {
        "title": "Social economy in the Świętokrzyskie region",
        "lead": (
            "Buy from social-economy entities, find a social supplier and meet the people who "
            "combine business with helping others."
        ),
        "body": (
            "<p>The portal is run by the Regional Social Policy Centre in Kielce together with "
            "the social economy support centres (OWES). Here you will find products and services "
            "of social cooperatives, foundations, associations and reintegration units from the "
            "whole region.</p>"
        ),
    },
}

CONTENT_PAGES: list[DemoContentPage] = [
    DemoContentPage(
        slug="o-portalu",
        slug_en="about",
        menu=True,
        pl={
            "title": "O portalu",
            "lead": "Jeden regionalny portal sprzedaży i promocji ekonomii społecznej.",
            "body": [
                ("heading", {"text": "Po co ten portal", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Podmioty ekonomii społecznej (PES) zatrudniają osoby, "
                    "którym najtrudniej znaleźć pracę. Kupując ich produkty i usługi, wspierasz "
                    "reintegrację społeczną i zawodową mieszkańców regionu.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Zakup prospołeczny to zakup, który zmienia czyjeś życie.",
                        "author": "ROPS w Kielcach",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Zobacz ofertę PES",
                        "text": "Ponad 60 produktów i usług z całego województwa.",
                        "url": "/sklep/catalogue/",
                        "button_label": "Przejdź do sklepu",
                    },
                ),
            ],
        },
        en={
            "title": "About the portal",
            "lead": "One regional portal to sell and promote the social economy.",
            "body": [
                ("heading", {"text": "Why this portal", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Social-economy entities (PES) employ people who find it "
                    "hardest to get a job. Buying their products and services supports the social "
                    "and vocational reintegration of the region's residents.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "A pro-social purchase is one that changes someone's life.",
                        "author": "ROPS Kielce",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "See what PES offer",
                        "text": "Over 60 products and services from the whole region.",
                        "url": "/en/sklep/catalogue/",
                        "button_label": "Go to the shop",
                    },
                ),
            ],
        },
    ),
    DemoContentPage(
        slug="ekonomia-spoleczna",
        slug_en="social-economy",
        menu=True,
        pl={
            "title": "Ekonomia społeczna",
            "lead": "Czym są PES, przedsiębiorstwa społeczne i klauzule społeczne.",
            "body": [
                ("heading", {"text": "Podmioty ekonomii społecznej", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Do PES należą m.in. spółdzielnie socjalne, fundacje i "
                    "stowarzyszenia prowadzące działalność gospodarczą, spółki non-profit oraz "
                    "jednostki reintegracyjne: CIS, KIS, ZAZ i WTZ.</p>",
                ),
                ("heading", {"text": "Zamówienia zastrzeżone", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Zamawiający publiczni mogą zastrzec zamówienie dla "
                    "wykonawców, u których co najmniej 30% zatrudnionych to osoby zagrożone "
                    "wykluczeniem społecznym (art. 94 Pzp).</p>",
                ),
            ],
        },
        en={
            "title": "Social economy",
            "lead": "What PES, social enterprises and social clauses are.",
            "body": [
                ("heading", {"text": "Social-economy entities", "level": "h2"}),
                (
                    "paragraph",
                    "<p>PES include social cooperatives, foundations and "
                    "associations with economic activity, non-profit companies and reintegration "
                    "units: CIS, KIS, ZAZ and WTZ.</p>",
                ),
                ("heading", {"text": "Reserved contracts", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Public buyers may reserve a contract for suppliers at least "
                    "30% of whose employees are people at risk of social exclusion (Article 94 of "
                    "the Public Procurement Law).</p>",
                ),
            ],
        },
    ),
    DemoContentPage(
        slug="kontakt",
        slug_en="contact",
        menu=True,
        pl={
            "title": "Kontakt",
            "lead": "Regionalny Ośrodek Polityki Społecznej w Kielcach, Dział Ekonomii Społecznej.",
            "body": [
                (
                    "paragraph",
                    "<p>ul. Józefa Piłsudskiego 1, 25-001 Kielce<br>"
                    "tel. +48 41 300 00 00, e-mail: rops@rops.example.org</p>",
                ),
            ],
        },
        en={
            "title": "Contact",
            "lead": "Regional Social Policy Centre in Kielce, Social Economy Unit.",
            "body": [
                (
                    "paragraph",
                    "<p>ul. Józefa Piłsudskiego 1, 25-001 Kielce, Poland<br>"
                    "phone +48 41 300 00 00, e-mail: rops@rops.example.org</p>",
                ),
            ],
        },
    ),
    DemoContentPage(
        slug="deklaracja-dostepnosci",
        slug_en="accessibility-statement",
        menu=False,
        pl={
            "title": "Deklaracja dostępności",
            "lead": "Portal stosuje się do ustawy o dostępności cyfrowej stron internetowych "
            "podmiotów publicznych.",
            "body": [
                (
                    "paragraph",
                    "<p>Strona jest zgodna z WCAG 2.1 na poziomie AA. Problemy z "
                    "dostępnością prosimy zgłaszać na adres rops@rops.example.org.</p>",
                ),
            ],
        },
        en={
            "title": "Accessibility statement",
            "lead": "The portal follows the Polish act on the digital accessibility of public "
            "bodies' websites.",
            "body": [
                (
                    "paragraph",
                    "<p>The site conforms to WCAG 2.1 level AA. Please report "
                    "accessibility problems to rops@rops.example.org.</p>",
                ),
            ],
        },
    ),
]
