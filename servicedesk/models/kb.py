"""Knowledge base articles: problem, cause, solution (R-KB-1)."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .org import Operator
from .products import Product
from .reference import ProblemType
from .requests import ServiceRequest


class KbArticle(BaseModel):
    title = pw.CharField(max_length=200)
    symptoms = pw.TextField(default="")
    cause = pw.TextField(default="")
    solution = pw.TextField(default="")
    product = pw.ForeignKeyField(Product, null=True, backref="kb_articles")
    product_family = pw.CharField(max_length=80, default="", index=True)
    problem_type = pw.ForeignKeyField(ProblemType, null=True)
    tags = pw.CharField(max_length=300, default="")  # comma separated
    author = pw.ForeignKeyField(Operator, null=True)
    source_request = pw.ForeignKeyField(ServiceRequest, null=True, backref="kb_articles_made")
    applied_count = pw.IntegerField(default=0)
    archived = pw.BooleanField(default=False, index=True)

    class Meta:
        # How often an article helped is a counter, not an edit of the article.
        unversioned = frozenset({"applied_count"})


class KbApplication(BaseModel):
    """An article applied to a request (counted into ``applied_count``)."""

    article = pw.ForeignKeyField(KbArticle, backref="applications", on_delete="CASCADE")
    request = pw.ForeignKeyField(ServiceRequest, backref="kb_applications", on_delete="CASCADE")
    operator = pw.ForeignKeyField(Operator, null=True)
    at = pw.DateTimeField()

    class Meta:
        indexes = ((("article", "request"), True),)
