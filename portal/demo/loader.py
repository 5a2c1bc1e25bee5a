"""Builds the demo region; every step updates what exists, so running it twice changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site as DjangoSite
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from localflavor.pl.pl_administrativeunits import ADMINISTRATIVE_UNIT_CHOICES
from oscar.core.loading import get_model
from oscar.core.thumbnails import get_thumbnailer
from wagtail.models import Locale, Page, Site

from home.models import ContentPage, HomePage, SiteSettings
from marketplace.products import FEATURED_RANGE_SLUG
from portal.competition.models import CompetitionIndexPage, EditionPage
from portal.organisations import roles
from portal.organisations.models import ConsortiumMember, Organisation, Powiat

from . import data, pages, region, shop
from .annual_report import load_annual_report
from .certificates import load_certificates
from .competition import load_competition
from .directory import load_directory
from .events import load_events
from .goodpractices import load_goodpractices
from .identifiers import DEMO_PASSWORD, demo_iban, demo_krs, demo_nip, demo_regon
from .localplans import load_localplans
from .meetings import load_meetings
from .monitoring import load_monitoring
from .news import load_news
from .pictures import draw_picture
from .procurement import load_procurement
from .publishing import publish, translation
from .quotes import load_quotes
from .sector import load_sector
from .selfevaluation import load_selfevaluation

THUMBNAIL_SIZES = ("480x360", "800x600")  # as in the product card and product page templates

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
PartnerAddress = get_model("partner", "PartnerAddress")
StockRecord = get_model("partner", "StockRecord")
Country = get_model("address", "Country")
Range = get_model("offer", "Range")


def slug_of(text: str) -> str:
    """A URL slug that folds every Polish letter (ł included, which slugify alone drops)."""
    return slugify(anyascii(text))


class DemoLoader:
    """Loads the demo region step by step and remembers what it made, for the summary."""

    def __init__(self, stdout=None) -> None:
        self.stdout = stdout
        self.accounts: list[tuple[str, str]] = []

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    @transaction.atomic
    def run(self) -> None:
        self.load_powiats()
        self.load_organisations()
        self.load_catalogue()
        shop.load_delivery(list(Partner.objects.filter(code__in=[p.slug for p in data.PES])))
        self.load_pages()
        self.load_newsroom()
        self.load_events()
        self.load_accounts()
        shop.load_orders(self.say)
        load_quotes(self.say)
        load_directory(self.say)
        load_sector(self.say)  # the PES that do not sell: enough for the statistics
        load_certificates(self.say)
        load_competition(self.home, self.say)
        self.load_competition_english()
        load_goodpractices(self)
        load_procurement(self.home, self.say, self.accounts)
        load_localplans(self.say)
        load_meetings(self.say)
        load_monitoring(self.say)
        load_selfevaluation(self.say)
        load_annual_report(self.say)  # last: it freezes the figures of everything above

    # Region -----------------------------------------------------------------------------
    def load_powiats(self) -> None:
        codes = [code for code, _name in ADMINISTRATIVE_UNIT_CHOICES]
        first, last = codes.index(region.FIRST_POWIAT), codes.index(region.LAST_POWIAT)
        names = dict(ADMINISTRATIVE_UNIT_CHOICES)
        for code in codes[first : last + 1]:
            Powiat.objects.update_or_create(
                code=code,
                defaults={
                    "name": str(names[code]),
                    "voivodeship": region.VOIVODESHIP,
                    "is_city": code in region.CITIES_WITH_POWIAT_RIGHTS,
                },
            )
        self.powiats = {p.code: p for p in Powiat.objects.filter(voivodeship=region.VOIVODESHIP)}
        self.say(f"powiats: {len(self.powiats)}")

    def load_organisations(self) -> None:
        rops = region.ROPS
        self.rops, _ = Organisation.objects.update_or_create(
            slug=rops.slug,
            defaults={
                "kind": Organisation.Kind.ROPS,
                **rops.contact_fields(),
                "description": rops.description,
            },
        )
        self.rops.powiats.set(self.powiats.values())
        self.rops.save()
        self.owes: dict[str, Organisation] = {}
        for item in region.OWES:
            owes, _ = Organisation.objects.update_or_create(
                slug=item.slug,
                defaults={
                    "kind": Organisation.Kind.OWES,
                    **item.contact_fields(),
                    "accreditation_valid_until": region.ACCREDITATION_VALID_UNTIL,
                },
            )
            owes.powiats.set([self.powiats[code] for code in item.powiats])
            owes.save()
            for order, (name, is_leader) in enumerate(item.members):
                ConsortiumMember.objects.update_or_create(
                    organisation=owes,
                    name=name,
                    defaults={"is_leader": is_leader, "sort_order": order},
                )
            self.owes[item.slug] = owes
        self.say(f"organisations: ROPS + {len(self.owes)} OWES")

    # Shop -------------------------------------------------------------------------------
    def load_catalogue(self) -> None:
        poland, _ = Country.objects.update_or_create(
            iso_3166_1_a2="PL",
            defaults={
                "iso_3166_1_a3": "POL",
                "iso_3166_1_numeric": "616",
                "printable_name": "Polska",
                "name": "Rzeczpospolita Polska",
                "is_shipping_country": True,
                "display_order": 1,
            },
        )
        classes = {
            "product": ProductClass.objects.update_or_create(
                slug="produkt",
                defaults={"name": "Produkt", "requires_shipping": True, "track_stock": True},
            )[0],
            "service": ProductClass.objects.update_or_create(
                slug="usluga",
                defaults={"name": "Usługa", "requires_shipping": False, "track_stock": False},
            )[0],
        }
        categories = {}
        for item in data.CATEGORIES:
            slug = slug_of(item.name)
            category = Category.objects.filter(slug=slug).first()
            if category is None:
                category = Category.add_root(name=item.name, slug=slug, is_public=True)
            categories[item.slug] = category

        partners = {}
        for number, item in enumerate(data.PES, start=1):
            employees = 4 + number % 9
            at_risk = (employees * (20 + (number * 7) % 60)) // 100
            is_ps = item.legal_form == "social_cooperative" and number % 2 == 0
            partner, _ = Partner.objects.update_or_create(
                code=item.slug,
                defaults={
                    "krs": demo_krs(number) if item.legal_form not in {"cis", "kis", "wtz"} else "",
                    "nip": demo_nip(number),
                    "regon": demo_regon(number),
                    "iban": demo_iban(number),
                    "employees_total": employees,
                    "employees_at_risk": at_risk,
                    "ps_decision_number": f"PS.{number}/2025" if is_ps else "",
                    "ps_decision_date": date(2025, 3, number % 28 + 1) if is_ps else None,
                    "pickup_points": f"{item.street}, {item.postcode} {item.city}",
                    "opening_hours": "pon.–pt. 8:00–16:00",
                    "name": item.name,
                    "legal_form": item.legal_form,
                    "powiat": self.powiats[item.powiat],
                    "city": item.city,
                    "description": item.description,
                    "social_mission": item.mission,
                    "email": item.email,
                    "phone": item.phone,
                    "owes": self.owes.get(item.owes),
                },
            )
            PartnerAddress.objects.update_or_create(
                partner=partner,
                defaults={
                    "line1": item.street,
                    "line4": item.city,
                    "postcode": item.postcode,
                    "country": poland,
                },
            )
            partners[item.slug] = partner

        featured, _ = Range.objects.update_or_create(
            slug=FEATURED_RANGE_SLUG,
            defaults={"name": "Polecane", "is_public": True, "description": ""},
        )
        kinds = {c.slug: c.kind for c in data.CATEGORIES}
        for item in data.PRODUCTS:
            kind = item.kind or kinds[item.category]
            product, _created = Product.objects.update_or_create(
                upc=item.sku,
                defaults={
                    "title": item.title,
                    "slug": slug_of(item.title)[:128],
                    "description": f"<p>{item.description}</p>",
                    "product_class": classes[kind],
                    "structure": Product.STANDALONE,
                    "is_public": True,
                },
            )
            ProductCategory.objects.get_or_create(
                product=product, category=categories[item.category]
            )
            StockRecord.objects.update_or_create(
                partner=partners[item.pes],
                partner_sku=item.sku,
                defaults={
                    "product": product,
                    "price": Decimal(item.price),
                    "price_currency": "PLN",
                    "num_in_stock": item.stock if kind == "product" else None,
                },
            )
            self._ensure_picture(product, item)
            if item.featured:
                featured.add_product(product)
        self.say(f"shop: {len(partners)} PES, {len(data.PRODUCTS)} products and services")

    @staticmethod
    def _ensure_picture(product, item: data.DemoProduct) -> None:
        """Draw the product's picture unless it is there (also when the file was deleted)."""
        image = product.images.first()
        if image is None or not image.original.storage.exists(image.original.name):
            if image is None:
                image = ProductImage(product=product, caption=item.title, display_order=0)
            picture = draw_picture(item.title, item.category, item.sku)
            image.original.save(f"{slug_of(item.sku)}.jpg", ContentFile(picture), save=False)
            image.save()
        # Make the card and page thumbnails now, so a visitor's GET never has to write them.
        thumbnailer = get_thumbnailer()
        for size in THUMBNAIL_SIZES:
            thumbnailer.generate_thumbnail(image.original, size=size, crop="center")

    # Pages ------------------------------------------------------------------------------
    def load_pages(self) -> None:
        polish, _ = Locale.objects.get_or_create(language_code="pl")
        english, _ = Locale.objects.get_or_create(language_code="en")
        home = HomePage.objects.filter(locale=polish).first()
        publish(home, pages.HOME["pl"])
        home_en = translation(home, english, "home-en", pages.HOME["en"])
        self.home, self.home_en = home, home_en

        made: dict[str, Page] = {}
        for item in pages.CONTENT_PAGES:
            page = ContentPage.objects.filter(locale=polish, slug=item.slug).first()
            if page is None:
                page = ContentPage(slug=item.slug, title=item.pl["title"])
                home.add_child(instance=page)
            publish(page, {**item.pl, "show_in_menus": item.menu})
            translation(page, english, item.slug_en, {**item.en, "show_in_menus": item.menu})
            made[item.slug] = page

        site = Site.objects.get(is_default_site=True)
        settings = SiteSettings.for_site(site)
        settings.owner_name = region.ROPS.name
        settings.address = region.ROPS.address
        settings.email = region.ROPS.email
        settings.phone = region.ROPS.phone
        settings.accessibility_statement = made["deklaracja-dostepnosci"]
        settings.footer_links = [
            ("link", {"label": "O portalu", "page": made["o-portalu"], "url": ""}),
            ("link", {"label": "Kontakt", "page": made["kontakt"], "url": ""}),
        ]
        settings.save()
        # Wagtail caches the site's root paths; the English home page is a new root path.
        Site.clear_site_root_paths_cache()
        DjangoSite.objects.update_or_create(
            pk=1, defaults={"domain": "127.0.0.1:8000", "name": "Portal ES"}
        )
        self.say(f"pages: home + {len(made)} content pages, each in pl and en")

    def load_newsroom(self) -> None:
        organisations = {o.slug: o for o in Organisation.objects.all()}
        load_news(self.home, self.home_en, organisations)
        self.say("newsroom: news index, 12 news items, organisations page, RKRES")

    def load_events(self) -> None:
        organisations = {o.slug: o for o in Organisation.objects.all()}
        load_events(self.home, self.home_en, organisations, self.powiats)
        self.say("events: index (pl + en), events of every kind, registrations")

    def load_competition_english(self) -> None:
        """The competition's index and editions in English, page by page; the categories,
        nominations and results stay those of the Polish edition (`data_edition`)."""
        index = CompetitionIndexPage.objects.child_of(self.home).filter(slug="lider-es").first()
        if index is None:
            return
        english = self.home_en.locale
        translation(
            index,
            english,
            "social-economy-leader",
            {
                "title": "Social Economy Leader competition",
                "intro": "<p>The ROPS's annual competition for local governments, businesses "
                "and social enterprises that build the social economy in the region.</p>",
            },
        )
        for edition in EditionPage.objects.child_of(index).order_by("year"):
            translation(
                edition,
                english,
                str(edition.year),
                {
                    "title": f"Social Economy Leader {edition.year}",
                    "intro": "<p>Nominate a candidate in one of the three categories.</p>",
                },
            )
        self.say("competition: English index and editions")

    # Accounts ---------------------------------------------------------------------------
    def load_accounts(self) -> None:
        user_model = get_user_model()

        def account(email: str, role: str, **fields) -> object:
            user, created = user_model.objects.get_or_create(email=email, defaults=fields)
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            self.accounts.append((role, email))
            return user

        account(
            "admin@es.example.org",
            "superuser (Wagtail admin and Oscar dashboard)",
            is_staff=True,
            is_superuser=True,
            first_name="Anna",
            last_name="Administratorka",
        )
        moderator = account(
            "moderator@rops.example.org",
            "ROPS moderator",
            first_name="Marek",
            last_name="Moderator",
            organisation=self.rops,
        )
        moderator.groups.add(Group.objects.get(name=roles.ROPS_MODERATORS))
        for slug, owes in self.owes.items():
            editor = account(
                f"redakcja@{slug}.example.org",
                f"OWES editor ({owes.short_name})",
                first_name="Ewa",
                last_name="Redaktorka",
                organisation=owes,
            )
            editor.groups.add(Group.objects.get(name=roles.OWES_EDITORS))
        rkres = account(
            "czlonek@rkres.example.org",
            "RKRES member (reads monitoring and self-evaluation)",
            first_name="Roman",
            last_name="Radny",
        )
        rkres.groups.add(Group.objects.get(name=roles.RKRES_MEMBERS))
        seller = account(
            "sklep@kielecka-spizarnia.example.org",
            "PES staff (Kielecka Spiżarnia)",
            first_name="Piotr",
            last_name="Sprzedawca",
        )
        seller.groups.add(Group.objects.get(name=roles.PES_STAFF))
        Partner.objects.get(code=data.PES[0].slug).users.add(seller)
        account("kupujacy@example.org", "customer", first_name="Krystyna", last_name="Klientka")
