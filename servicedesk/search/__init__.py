"""Text search helpers shared by the knowledge base and the request suggestions (R-KB-1, R-KB-2).

``text`` folds and stems Italian text for the FTS5 indexes; ``query`` turns what a user types
into an FTS5 MATCH expression (stems, prefix on the last word, synonyms, typo fallback);
``highlight`` marks the matched words in the original text for result snippets.
"""
from __future__ import annotations

from .text import FORMAT_VERSION, fold, index_text, stem, terms, words

__all__ = ["FORMAT_VERSION", "fold", "index_text", "stem", "terms", "words"]
