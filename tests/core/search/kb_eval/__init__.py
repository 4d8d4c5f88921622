"""KB search evaluation set (R-KB-1, R-KB-2): curated articles, distractors and Italian queries
written the way a customer or a technician describes a problem (other words, other word forms,
typos). Each query names the article that answers it.

``independent`` and ``suggestions`` were written later (issue #15), before any tuning and
without looking at the index: request descriptions, pasted e-mails, model codes, English terms,
one-word queries, typos; request descriptions with their product or serial for suggestions,
twin articles of two models of one family among them. ``evaluate`` measures them all."""
from __future__ import annotations

from .articles import ARTICLES, DISTRACTORS
from .queries import QUERIES

__all__ = ["ARTICLES", "DISTRACTORS", "QUERIES"]
