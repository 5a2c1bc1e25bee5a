"""`manage.py fill_catalogues`: complete our pl/en catalogues where the words are not ours.

Overriding an Oscar or Wagtail template copies its strings into our catalogue, where they would
stay untranslated. This fills such entries from the installed packages' own catalogues, and
makes the English catalogue say what the source says. Strings of our own are left for a person.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

PACKAGES = ("oscar", "wagtail", "django", "wagtail_localize", "django_tables2")


def package_catalogue(language: str) -> dict[str, polib.POEntry]:
    """msgid → entry from every package catalogue for this language (first package wins)."""
    found: dict[str, polib.POEntry] = {}
    for name in PACKAGES:
        module = importlib.import_module(name)
        root = Path(module.__file__).parent
        for path in sorted(root.rglob(f"locale/{language}/LC_MESSAGES/django.po")):
            for entry in polib.pofile(str(path)).translated_entries():
                found.setdefault(entry.msgid, entry)
    return found


class Command(BaseCommand):
    help = "Fill untranslated entries of portal/locale from Oscar, Wagtail and Django catalogues."

    def handle(self, *args, **options) -> None:
        locale_dir = Path(settings.LOCALE_PATHS[0])
        for language in ("pl", "en"):
            path = locale_dir / language / "LC_MESSAGES" / "django.po"
            po = polib.pofile(str(path))
            known = package_catalogue(language) if language != "en" else {}
            filled = 0
            for entry in po:
                if entry.translated() and "fuzzy" not in entry.flags:
                    continue
                source = known.get(entry.msgid)
                if language == "en":
                    entry.msgstr = entry.msgid
                    if entry.msgid_plural:
                        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                elif source is not None:
                    entry.msgstr = source.msgstr
                    if entry.msgid_plural and source.msgstr_plural:
                        entry.msgstr_plural = dict(source.msgstr_plural)
                else:
                    continue
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                filled += 1
            po.save(str(path))
            left = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
            self.stdout.write(f"{language}: filled {filled}, still to translate {len(left)}")
            for msgid in left:
                self.stdout.write(f"  {msgid!r}")
