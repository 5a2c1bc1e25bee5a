"""English strings of Oscar and Wagtail whose upstream Polish is misspelt, garbled or missing.

Our catalogue (portal/locale, first in LOCALE_PATHS, so it wins) carries the corrected Polish.
`make messages` keeps only msgids it finds in our own sources, so they are named here; nothing
reads these values at run time. Each comment quotes the upstream mistake.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

UPSTREAM_MSGIDS: tuple[str, ...] = (
    gettext_noop("Order Items"),  # zamowień
    gettext_noop("Last Order Date"),  # zamowienia
    # nie pozwana; Twoje zamówienia ma
    gettext_noop(
        "Due to technical limitations we are not able to ship more than %(threshold)d"
        " items in one order. Your basket currently has %(basket)d items."
    ),
    # Połączliśmy
    gettext_noop(
        "We have merged a basket from a previous session. Its contents might have changed."
    ),
    gettext_noop("Your basket does not qualify for a voucher discount"),  # Zawartoć
    gettext_noop("Please enter a voucher code"),  # wouchera
    gettext_noop("Requires shipping?"),  # fizyczej
    gettext_noop("Show this product in search results and catalogue listings."),  # katalogowów
    # proukt
    gettext_noop(
        "Universal Product Code (UPC) is an identifier for a product which is not "
        "specific to a particular  supplier. Eg an ISBN for a book."
    ),
    # ktorą, okeślona
    gettext_noop(
        "A product attribute is something that this product may have, such as a size,"
        " as specified by its class"
    ),
    gettext_noop("Richtext"),  # teskt
    gettext_noop("Product review"),  # poduktu
    gettext_noop("Thank you for reviewing this product"),  # Dzękujemy, zrecenzjonowanie
    gettext_noop("Your stock alert has been cancelled"),  # magazynoweo
    gettext_noop("Address '%s' deleted"),  # Usunieto
    gettext_noop("Offer '%s' created!"),  # Utwórzono
    # kreski, shashes
    gettext_noop(
        "This value must contain only letters, numbers, dots, underscores, dashes, "
        "slashes or tildes."
    ),
    gettext_noop(" with title containing '%s'"),  # tutułem
    gettext_noop("Voucher deleted"),  # usuniety
    # ta ofert
    gettext_noop("The number of times this offer can be applied to a basket (and order)"),
    gettext_noop("Spend %(value)s more from %(range)s"),  # produky
    gettext_noop("Price before discounts (excl. tax)"),  # przd
    gettext_noop("Threshold"),  # Współczynik
    gettext_noop("Default product weight in kg when no weight attribute is defined"),  # produtów
    gettext_noop("Charge"),  # Obciązenie
    gettext_noop("Voucher Applications"),  # vocherów
    gettext_noop("'%(voucher)s' used by '%(user)s'"),  # uzyty
    # piewszą
    gettext_noop(
        "This product does not have any reviews yet -\n                            <a"
        ' href="%(add_review_url)s#addreview">be the first to write one</a>.'
        "\n                        "
    ),
    gettext_noop("No emails found"),  # emaili
    gettext_noop("Notifications inbox"),  # przychodządze
    gettext_noop("Set as default billing address"),  # domyśny
    gettext_noop("No Attribute Option Groups found."),  # znaloeziona
    gettext_noop("View on site"),  # serwsie
    gettext_noop("Suspending..."),  # Zaweszanie
    gettext_noop("Inactive"),  # Niekatywne
    gettext_noop("Notes are only editable for 5 minutes after being saved."),  # Noatki
    gettext_noop("Oops! We found some errors"),  # Oops!
    gettext_noop("\nUser %(user_name)s was unlinked from %(partner_name)s.\n"),  # Uzytkownik
    gettext_noop("Manage partner and users"),  # parnerami
    gettext_noop("Unrecognized image type!"),  # Nierozponany
    # miałes
    gettext_noop(
        "\n                        Did you mean <a "
        'href="%(search_url)s?q=%(suggestion)s">"%(suggestion)s"</a>?'
        "\n                    "
    ),
    # pikesli
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    # Wagtail
    # wyszukiawania
    gettext_noop("The descriptive text displayed underneath a headline in search engine results."),
    gettext_noop("Converted an alias into an ordinary page"),  # aliast
    gettext_noop("Request a new password reset"),  # Zarządaj
    # odpublikowaćstronę
    gettext_noop(
        'Alternatively you can <a href="%(unpublish_url)s">unpublish the page</a>. '
        "This removes the page from public view and you can edit or publish it again "
        "later."
    ),
    # znajdziejsz
    gettext_noop(
        "JavaScript is required to use Wagtail, but it is currently disabled.<br /> "
        'Here are the <a href="https://www.enable-javascript.com/" target="_blank" '
        'rel="noreferrer">instructions how to enable JavaScript in your web '
        "browser</a>."
    ),
    gettext_noop("Search all pages…"),  # wszytkich
    gettext_noop("Please specify at least one recommendation for this search term."),  # conajmniej
    gettext_noop("Receive notification when your page edit is approved"),  # Otrzumuj
    gettext_noop("density"),  # zwartość
    gettext_noop("Select all images in listing"),  # dobrazy
    gettext_noop("Drag and drop images into this area to upload immediately."),  # upusć
)

# Plural messages: Wagtail's and Oscar's misspelt or garbled forms, and one Oscar left untranslated
UPSTREAM_PLURALS = (
    # rownież
    ngettext_lazy(
        "This will also delete one more subpage.",
        "This will also delete %(counter)s more subpages.",
        1,
    ),
    # użytkownikó
    ngettext_lazy(
        "The group '%(group_name)s' has <strong>%(group_user_count)s</strong> member.",
        "The group '%(group_name)s' has <strong>%(group_user_count)s</strong> members.",
        1,
    ),
    # oznaczeny; użytkownicy zostali
    ngettext_lazy(
        "%(num_parent_objects)d user has been marked as active",
        "%(num_parent_objects)d users have been marked as active",
        1,
    ),
    # %(counter)sdokumentów
    ngettext_lazy(
        "Delete 1 document",
        "Delete %(counter)s documents",
        1,
    ),
    # no Polish upstream (Oscar 4.2)
    ngettext_lazy(
        "We have merged %(num_items_merged)d item from a previous session to your basket.",
        "We have merged %(num_items_merged)d items from a previous session to your basket.",
        1,
    ),
    ngettext_lazy(
        "Public status was successfully updated to %(status)s for %(count)d product.",
        "Public status was successfully updated to %(status)s for %(count)d products.",
        1,
    ),
    # zarchiwizizowane (Oscar)
    ngettext_lazy("%(count)d notification archived", "%(count)d notifications archived", 1),
)

# Oscar 4.2's strings with no Polish upstream at all, first its dashboard bulk-selection counter.
UPSTREAM_UNTRANSLATED: tuple[str, ...] = (
    gettext_noop(
        '<span class="selected-records">0</span> of <span class="page-records-count">'
        "%(count)s</span> selected"
    ),
    gettext_noop("All %(count)s selected"),
    gettext_noop("Click here to select the objects across all pages"),
    gettext_noop(
        "\n                            Select all %(count)s %(module)s\n                        "
    ),
    gettext_noop("Clear selection"),
    # Oscar 4.2's product bulk actions, basket, checkout and dashboard login: no Polish upstream.
    gettext_noop("Make products public"),
    gettext_noop("Make products non-public"),
    gettext_noop("Update product prices"),
    gettext_noop("Select at least one product."),
    gettext_noop("No products."),
    gettext_noop("Specific price"),
    gettext_noop("Set price to a specific amount."),
    gettext_noop(
        "This action will update <strong>all existing stockrecords</strong> of each "
        "selected product within the selected partners."
    ),
    gettext_noop(
        "Select the partners whose stockrecords should be updated. Only stockrecords "
        "belonging to the selected partners will be changed."
    ),
    gettext_noop(
        "I understand this action cannot be undone and I am absolutely sure I want to execute it"
    ),
    gettext_noop("public"),
    gettext_noop("non-public"),
    gettext_noop("Non-public"),
    gettext_noop("A problem occurred while placing this order. Please contact customer services."),
    gettext_noop("This voucher is not available for this basket"),
    gettext_noop("\n        Your basket total is now <strong>%(total)s</strong>\n        "),
    gettext_noop("Login"),
    gettext_noop(
        "Please enter a correct username and password. Note that both fields may be case-sensitive."
    ),
    gettext_noop("Order Status Change"),
    gettext_noop("%(order)s has changed status from %(old_status)s to %(new_status)s"),
    gettext_noop("\n                        Total: %(total)s\n                    "),
    gettext_noop(
        '\n                    <span class="float-left">Product is in <a '
        "href=\"%(url)s\">'%(name)s'</a> wishlist.</span>\n                "
    ),
    gettext_noop("Wish list '%(name)s' already containing '%(title)s'"),
)
