"""Polish-aware matching for the database backend: a light suffix stemmer, and typo
correction against the vocabulary of indexed titles (edit distance one).

Deliberately small: no dictionary to install, the same on SQLite and PostgreSQL. A stem is
matched as a substring of folded text, so "miodu" finds "Miód" and "ciasta" finds "Ciasto".
"""

from __future__ import annotations

import bisect
import threading

from django.core.cache import cache

from portal.text import MIN_STEM, folded_words, stem

from .models import Term

VERSION_KEY = "search:terms:version"


def within_one_edit(a: str, b: str) -> bool:
    """True when b is a (one insertion, deletion, substitution or swap) away from a."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


class Vocabulary:
    """The indexed words, sorted, held per process and reloaded when the version changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: object = None
        self._words: list[str] = []
        self._by_length: dict[int, list[str]] = {}

    def _load(self) -> None:
        version = cache.get(VERSION_KEY, 0)
        if version == self._version:
            return
        with self._lock:
            words = sorted(Term.objects.values_list("word", flat=True))
            by_length: dict[int, list[str]] = {}
            for word in words:
                by_length.setdefault(len(word), []).append(word)
            self._words, self._by_length, self._version = words, by_length, version

    def has_prefix(self, prefix: str) -> bool:
        self._load()
        index = bisect.bisect_left(self._words, prefix)
        return index < len(self._words) and self._words[index].startswith(prefix)

    def corrections(self, word: str, limit: int = 5) -> list[str]:
        """Known words one edit away (only for words of four letters or more)."""
        if len(word) < MIN_STEM:
            return []
        self._load()
        found = []
        for length in (len(word), len(word) - 1, len(word) + 1):
            for candidate in self._by_length.get(length, ()):
                if candidate != word and within_one_edit(word, candidate):
                    found.append(candidate)
                    if len(found) >= limit:
                        return found
        return found


vocabulary = Vocabulary()


def add_terms(texts: list[str]) -> None:
    """Record the words of these texts; bump the version when any is new."""
    words = {w for text in texts for w in folded_words(text) if 2 <= len(w) <= 64}
    if not words:
        return
    known = set(Term.objects.filter(word__in=words).values_list("word", flat=True))
    new = words - known
    if new:
        Term.objects.bulk_create(
            [Term(word=w, length=len(w)) for w in sorted(new)], ignore_conflicts=True
        )
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 1, None)


def variants(word: str) -> list[str]:
    """What to look for in folded text for one query word: its stem, and when no indexed
    word starts with it, the stems of known words one typo away."""
    base = stem(word)
    found = [base]
    if not vocabulary.has_prefix(base):
        for correction in vocabulary.corrections(word):
            candidate = stem(correction)
            if candidate not in found:
                found.append(candidate)
    return found
