# ruff: noqa: E501  (a table of catalogue strings, kept one per line)
"""Our catalogue corrects the upstream Polish of Oscar and Wagtail ("Noatki", "nie pozwana",
"pikesli"…) and fills what upstream left untranslated; portal/upstream_strings.py keeps those
msgids through `make messages`."""

from __future__ import annotations

import pytest
from django.utils import translation

from portal import upstream_strings

CORRECTED: dict[str, str] = {
    "Order Items": "Pozycje zamówień",
    "Last Order Date": "Data ostatniego zamówienia",
    "Due to technical limitations we are not able to ship more than %(threshold)d items in one order. Your basket currently has %(basket)d items.": "Ze względów technicznych nie możemy wysłać więcej niż %(threshold)d produktów w jednym zamówieniu. Twój koszyk zawiera ich teraz %(basket)d.",
    "We have merged a basket from a previous session. Its contents might have changed.": "Połączyliśmy Twój koszyk z koszykiem z poprzedniej sesji. Jego zawartość mogła się zmienić.",
    "Your basket does not qualify for a voucher discount": "Zawartość Twojego koszyka nie kwalifikuje się do rabatu z tego vouchera",
    "Please enter a voucher code": "Wprowadź kod vouchera",
    "Requires shipping?": "Produkt wymaga fizycznej dostawy?",
    "Show this product in search results and catalogue listings.": "Pokaż ten produkt w wynikach wyszukiwania i na listach katalogowych.",
    "Universal Product Code (UPC) is an identifier for a product which is not specific to a particular  supplier. Eg an ISBN for a book.": "Kod UPC identyfikuje dany produkt bez względu na dostawcę, np. kod ISBN dla książki.",
    "A product attribute is something that this product may have, such as a size, as specified by its class": "Atrybut produktu to cecha, którą produkt może mieć, np. rozmiar; określa ją klasa produktu",
    "Richtext": "Tekst z formatowaniem",
    "Product review": "Recenzja produktu",
    "Thank you for reviewing this product": "Dziękujemy za recenzję tego produktu",
    "Your stock alert has been cancelled": "Alert stanu magazynowego został anulowany",
    "Address '%s' deleted": "Usunięto adres '%s'",
    "Offer '%s' created!": "Utworzono ofertę '%s'!",
    "This value must contain only letters, numbers, dots, underscores, dashes, slashes or tildes.": "Ta wartość może zawierać jedynie litery, cyfry, kropki, podkreślenia, myślniki, ukośniki lub tyldy.",
    " with title containing '%s'": " z tytułem zawierającym '%s'",
    "Voucher deleted": "Voucher usunięty",
    "The number of times this offer can be applied to a basket (and order)": "Ile razy tę ofertę można zastosować do koszyka (i zamówienia)",
    "Spend %(value)s more from %(range)s": "Kup produkty z %(range)s za kolejne %(value)s",
    "Price before discounts (excl. tax)": "Cena przed rabatami (netto)",
    "Threshold": "Próg",
    "Default product weight in kg when no weight attribute is defined": "Domyślna waga produktu w kg dla produktów bez zdefiniowanej wagi",
    "Charge": "Opłata",
    "Voucher Applications": "Użycia voucherów",
    "'%(voucher)s' used by '%(user)s'": "'%(voucher)s' użyty przez '%(user)s'",
    'This product does not have any reviews yet -\n                            <a href="%(add_review_url)s#addreview">be the first to write one</a>.\n                        ': 'Ten produkt nie ma jeszcze recenzji – <a href="%(add_review_url)s#addreview">napisz pierwszą</a>.',
    "No emails found": "Nie znaleziono e-maili",
    "Notifications inbox": "Skrzynka powiadomień",
    "Set as default billing address": "Ustaw jako domyślny adres rozliczeniowy",
    "No Attribute Option Groups found.": "Nie znaleziono grup opcji atrybutów.",
    "View on site": "Pokaż na stronie",
    "Suspending...": "Zawieszanie...",
    "Inactive": "Nieaktywny",
    "Notes are only editable for 5 minutes after being saved.": "Notatki można edytować tylko przez 5 minut od zapisania.",
    "Oops! We found some errors": "Ups! W formularzu są błędy",
    "\nUser %(user_name)s was unlinked from %(partner_name)s.\n": "\nUżytkownik %(user_name)s został odłączony od %(partner_name)s.\n",
    "Manage partner and users": "Zarządzaj partnerem i użytkownikami",
    "Unrecognized image type!": "Nierozpoznany format pliku obrazu!",
    '\n                        Did you mean <a href="%(search_url)s?q=%(suggestion)s">"%(suggestion)s"</a>?\n                    ': '\nCzy chodziło Ci o <a href="%(search_url)s?q=%(suggestion)s">"%(suggestion)s"</a>?',
    "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s.": "Ten plik ma zbyt wiele pikseli (%(num_pixels)s). Maksymalna liczba pikseli to %(max_pixels_count)s.",
    '<span class="selected-records">0</span> of <span class="page-records-count">%(count)s</span> selected': 'Zaznaczono <span class="selected-records">0</span> z <span class="page-records-count">%(count)s</span>',
    "All %(count)s selected": "Zaznaczono wszystkie (%(count)s)",
    "Click here to select the objects across all pages": "Kliknij, aby zaznaczyć pozycje na wszystkich stronach",
    "\n                            Select all %(count)s %(module)s\n                        ": "\nZaznacz wszystkie (%(count)s): %(module)s",
    "Clear selection": "Wyczyść zaznaczenie",
    "Make products public": "Opublikuj produkty",
    "Make products non-public": "Ukryj produkty",
    "Update product prices": "Zmień ceny produktów",
    "Select at least one product.": "Zaznacz co najmniej jeden produkt.",
    "No products.": "Brak produktów.",
    "Specific price": "Konkretna cena",
    "Set price to a specific amount.": "Ustaw cenę na konkretną kwotę.",
    "This action will update <strong>all existing stockrecords</strong> of each selected product within the selected partners.": "Ta operacja zmieni <strong>wszystkie istniejące stany magazynowe</strong> każdego zaznaczonego produktu u wybranych partnerów.",
    "Select the partners whose stockrecords should be updated. Only stockrecords belonging to the selected partners will be changed.": "Wybierz partnerów, których stany magazynowe mają zostać zmienione. Zmienione zostaną tylko stany magazynowe wybranych partnerów.",
    "I understand this action cannot be undone and I am absolutely sure I want to execute it": "Rozumiem, że tej operacji nie można cofnąć, i na pewno chcę ją wykonać",
    "public": "publiczny",
    "non-public": "niepubliczny",
    "Non-public": "Niepubliczny",
    "A problem occurred while placing this order. Please contact customer services.": "Podczas składania zamówienia wystąpił problem. Skontaktuj się z obsługą sklepu.",
    "This voucher is not available for this basket": "Tego vouchera nie można użyć w tym koszyku",
    "\n        Your basket total is now <strong>%(total)s</strong>\n        ": "\nWartość Twojego koszyka wynosi teraz <strong>%(total)s</strong>",
    "Login": "Logowanie",
    "Please enter a correct username and password. Note that both fields may be case-sensitive.": "Wpisz poprawną nazwę użytkownika i hasło. W obu polach wielkość liter może mieć znaczenie.",
    "Order Status Change": "Zmiana statusu zamówienia",
    "%(order)s has changed status from %(old_status)s to %(new_status)s": "Zamówienie %(order)s zmieniło status z %(old_status)s na %(new_status)s",
    "\n                        Total: %(total)s\n                    ": "\nRazem: %(total)s",
    '\n                    <span class="float-left">Product is in <a href="%(url)s">\'%(name)s\'</a> wishlist.</span>\n                ': '\n<span class="float-left">Produkt jest na liście życzeń <a href="%(url)s">„%(name)s”</a>.</span>',
    "Wish list '%(name)s' already containing '%(title)s'": "Lista życzeń „%(name)s” zawiera już „%(title)s”",
    "The descriptive text displayed underneath a headline in search engine results.": "Tekst opisu wyświetlany pod nagłówkiem w wynikach wyszukiwania.",
    "Converted an alias into an ordinary page": "Skonwertowano alias na zwykłą stronę",
    "Request a new password reset": "Poproś o nowy link do zmiany hasła",
    'Alternatively you can <a href="%(unpublish_url)s">unpublish the page</a>. This removes the page from public view and you can edit or publish it again later.': 'Możesz też <a href="%(unpublish_url)s">cofnąć publikację strony</a>. Strona zniknie wtedy z widoku publicznego, a później możesz ją edytować lub opublikować ponownie.',
    'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.': 'JavaScript jest wymagany do korzystania z Wagtaila, ale jest teraz wyłączony.<br /> Tutaj znajdziesz <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instrukcję, jak go włączyć</a>.',
    "Search all pages…": "Szukaj we wszystkich stronach…",
    "Please specify at least one recommendation for this search term.": "Podaj co najmniej jedną rekomendację dla tej frazy wyszukiwania.",
    "Receive notification when your page edit is approved": "Otrzymuj powiadomienie, gdy Twoja zmiana strony zostanie zatwierdzona",
    "density": "gęstość",
    "Select all images in listing": "Zaznacz wszystkie obrazy na liście",
    "Drag and drop images into this area to upload immediately.": "Przeciągnij i upuść obrazy w to miejsce, aby od razu je przesłać.",
}


@pytest.mark.parametrize("msgid", list(CORRECTED))
def test_polish_reads_the_corrected_text(msgid: str) -> None:
    with translation.override("pl"):
        assert translation.gettext(msgid) == CORRECTED[msgid]


def test_every_corrected_msgid_is_kept_for_makemessages() -> None:
    kept = {*upstream_strings.UPSTREAM_MSGIDS, *upstream_strings.UPSTREAM_UNTRANSLATED}
    assert kept == set(CORRECTED)


DOCUMENTS = ("Delete 1 document", "Delete %(counter)s documents")
MERGED = (
    "We have merged %(num_items_merged)d item from a previous session to your basket.",
    "We have merged %(num_items_merged)d items from a previous session to your basket.",
)
NOTIFICATIONS = ("%(count)d notification archived", "%(count)d notifications archived")
PUBLIC = (
    "Public status was successfully updated to %(status)s for %(count)d product.",
    "Public status was successfully updated to %(status)s for %(count)d products.",
)


@pytest.mark.parametrize(
    ("msgids", "count", "polish"),
    [
        (NOTIFICATIONS, 1, "1 powiadomienie zostało zarchiwizowane"),
        (NOTIFICATIONS, 3, "3 powiadomienia zostały zarchiwizowane"),
        (NOTIFICATIONS, 5, "5 powiadomień zostało zarchiwizowanych"),
        (PUBLIC, 1, "Status publiczny zmieniono na „publiczny” dla 1 produktu."),
        (PUBLIC, 22, "Status publiczny zmieniono na „publiczny” dla 22 produktów."),
        (DOCUMENTS, 3, "Usuń 3 dokumenty"),
        (MERGED, 1, "Do Twojego koszyka dodaliśmy 1 produkt z poprzedniej sesji."),
        (MERGED, 12, "Do Twojego koszyka dodaliśmy 12 produktów z poprzedniej sesji."),
        (DOCUMENTS, 25, "Usuń 25 dokumentów"),
    ],
)
def test_plural_forms_are_corrected_too(msgids: tuple[str, str], count: int, polish: str) -> None:
    with translation.override("pl"):
        text = translation.ngettext(*msgids, count)
        values = {
            "count": count,
            "counter": count,
            "num_items_merged": count,
            "status": translation.gettext("public"),
        }
        assert text % values == polish
