"""Text folding shared by every search and comparison in the portal.

One rule everywhere: ASCII and lower case, through `anyascii` (it maps "ł" to "l", which
Unicode decomposition does not), so "spoldzielnia" meets "Spółdzielnia" on every backend.
"""

from __future__ import annotations

import re

from anyascii import anyascii

WORD = re.compile(r"[0-9a-z]+")


def fold(text: str | None) -> str:
    """ASCII, lower case: the form both sides of a text comparison are reduced to."""
    return anyascii(text or "").lower()


def folded_words(text: str | None) -> list[str]:
    """The folded words of a text, in order (punctuation dropped)."""
    return WORD.findall(fold(text))


MIN_STEM = 4
# Common Polish inflectional endings, longest first (folded: "ów" is "ow").
SUFFIXES = (
    "owie",
    "ami",
    "ach",
    "ego",
    "emu",
    "ich",
    "ych",
    "ymi",
    "imi",
    "om",
    "ow",
    "em",
    "ie",
    "ej",
    "a",
    "e",
    "i",
    "o",
    "u",
    "y",
)


# English content is analysed as English: its own (few) endings.
ENGLISH_SUFFIXES = ("ies", "ing", "es", "ed", "s")


def stem(word: str, language: str = "pl") -> str:
    """A folded word without one common ending, never shorter than four letters.

    Light on purpose (no dictionary to install): "miodu" and "miody" both give "miod",
    "spoldzielnia" and "spoldzielnie" give "spoldzielni"; in English "cooperatives" gives
    "cooperativ" like "cooperative"."""
    suffixes = ENGLISH_SUFFIXES + ("e",) if language == "en" else SUFFIXES
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def folded_with_stems(text: str | None, language: str = "pl") -> str:
    """Folded words followed by their stems: what a search index stores for matching."""
    words = folded_words(text)
    stems = {stem(word, language) for word in words} - set(words)
    return " ".join([*words, *sorted(stems)])
