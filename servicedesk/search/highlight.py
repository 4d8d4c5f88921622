"""Snippets of the original text with the matched words marked (HTML, escaped)."""
from __future__ import annotations

import html
import re
from typing import Iterable

from .text import fold, stem

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _matcher(terms: Iterable[str], prefixes: Iterable[str]):
    terms = set(terms)
    prefixes = tuple(p for p in prefixes if p)
    seen: dict[str, bool] = {}

    def hit(word: str) -> bool:
        found = seen.get(word)
        if found is None:
            folded = fold(word)
            if not folded.isascii():
                folded = "".join(ch for ch in folded if ch.isascii())
            s = stem(folded)
            found = s in terms or (bool(prefixes) and (s.startswith(prefixes)
                                                      or folded.startswith(prefixes)))
            seen[word] = found
        return found

    return hit


def highlight(text: str, terms: Iterable[str], prefixes: Iterable[str] = (), *,
              max_words: int | None = None, open_tag: str = "<b>", close_tag: str = "</b>") -> str:
    """``text`` as escaped HTML with matched words wrapped in ``open_tag``/``close_tag``.

    With ``max_words`` only the window of that many words holding the most matches is kept,
    with an ellipsis where text was cut.
    """
    hit = _matcher(terms, prefixes)
    tokens = list(_TOKEN.finditer(text))
    flags = [hit(m.group(0)) for m in tokens]
    start_tok, end_tok = 0, len(tokens)
    if max_words is not None and len(tokens) > max_words:
        best, best_i, window = -1, 0, 0
        for i, f in enumerate(flags):
            window += f
            if i >= max_words:
                window -= flags[i - max_words]
            if i >= max_words - 1 and window > best:
                best, best_i = window, i - max_words + 1
        if best <= 0:
            best_i = 0
        start_tok = best_i
        end_tok = min(len(tokens), start_tok + max_words)
    out: list[str] = []
    if start_tok > 0:
        out.append("… ")
        pos = tokens[start_tok].start()
    else:
        pos = 0
    limit = tokens[end_tok - 1].end() if tokens and end_tok < len(tokens) else len(text)
    # Escape the text between marked words in one piece each (words never need escaping).
    for m, f in zip(tokens[start_tok:end_tok], flags[start_tok:end_tok]):
        if f:
            out.append(html.escape(text[pos:m.start()]))
            out.append(f"{open_tag}{m.group(0)}{close_tag}")
            pos = m.end()
    out.append(html.escape(text[pos:limit]))
    if limit < len(text):
        out.append(" …")
    return "".join(out).replace("\n", " ")
