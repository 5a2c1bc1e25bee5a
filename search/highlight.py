"""Snippets with the matched words marked, computed in Python so every backend (and the pages
Wagtail finds) highlight the same way: folded matching, original letters kept."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.text import fold, folded_words, stem


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its source character."""
    folded_chars: list[str] = []
    source: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded_chars.append(piece)
        source.extend([index] * len(piece))
    return "".join(folded_chars), source


def match_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of `text` where a word starts with one of the folded `words` (prefix match)."""
    folded, source = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for word in {w for w in words if w}:
        start = 0
        while True:
            found = folded.find(word, start)
            if found < 0:
                break
            start = found + 1
            if found > 0 and folded[found - 1].isalnum():
                continue  # inside a word: "miod" should not light up "samiodzielny"
            end = found + len(word)
            spans.append((source[found], source[end - 1] + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


def highlight(text: str, query: str | list[str], length: int = 220) -> SafeString:
    """An escaped excerpt of about `length` characters around the first match, with every
    match in <mark>; the start of the text when nothing matches."""
    text = " ".join((text or "").split())
    words = folded_words(query) if isinstance(query, str) else [fold(w) for w in query]
    words = [stem(word) for word in words]  # "spoldzielnia" also marks "spółdzielni"
    spans = match_spans(text, words)
    begin = 0
    if spans and spans[0][0] > length // 3:
        begin = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), begin + length)
    if end < len(text):
        cut = text.rfind(" ", begin, end)
        end = cut if cut > begin else end
    parts: list[str] = ["…" if begin > 0 else ""]
    position = begin
    for span_begin, span_end in spans:
        if span_end <= begin or span_begin >= end:
            continue
        span_begin, span_end = max(span_begin, begin), min(span_end, end)
        parts.append(escape(text[position:span_begin]))
        parts.append(f"<mark>{escape(text[span_begin:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped above)
