"""KB search evaluation set (R-KB-1, R-KB-2): curated articles, distractors and Italian queries
written the way a customer or a technician describes a problem (other words, other word forms,
typos). Each query names the article that answers it."""
from __future__ import annotations

from .articles import ARTICLES, DISTRACTORS
from .queries import QUERIES

__all__ = ["ARTICLES", "DISTRACTORS", "QUERIES"]
