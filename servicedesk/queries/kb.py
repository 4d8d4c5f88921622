"""KB search (ranked, filtered, highlighted) and suggestions inside a request (R-KB-1, R-KB-2).

``search`` serves the KB dock; ``suggest`` serves the request editor: the best articles and the
most similar past resolved requests for the description being typed, boosted for the same
product / serial number and by how often an article solved a problem.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from peewee import JOIN

from .. import dialect, like
from ..models import database_proxy
from ..search import layers
from ..search.engine import engine_for
from ..search.highlight import highlight
from ..search.lexicon import is_italian
from ..search.query import ParsedQuery, informative, parse
from ..search.rank import bm25f
from ..search.text import stem, words

# BM25F field weights: title, symptoms, cause, solution, tags (title and symptoms count most)
ARTICLE_WEIGHTS = (3.0, 2.0, 0.8, 0.6, 1.5)
REQUEST_WEIGHTS = (3.0, 1.0)  # problem (subject + description), final report
SNIPPET_WORDS = 28
CANDIDATE_GROUPS = 16  # the most telling words of a long text select the candidates …
CANDIDATE_BUDGET = 200  # … as many as match about a quarter of the KB (the engine ranks them all)
SEARCH_POOL = 60  # candidates scored per search (the engine's best by its own bm25)
SUGGEST_POOL = 60
PRODUCT_POOL = 150  # articles of the request's product scored as well
# How the request's product moves an article (R-KB-2)
EXACT_MODEL = 2.0
OTHER_MODEL = 0.6
SAME_FAMILY = 1.15
OTHER_FAMILY = 0.85
# ... and a past request
SAME_PRODUCT = 1.6
SAME_UNIT = 2.0
MAX_REQUEST_GROUPS = 6  # rarest words of a long description used against 200,000 requests


@dataclass
class KbFilter:
    """What the KB dock asks for."""

    text: str = ""
    product_id: int | None = None
    family: str = ""
    problem_type_id: int | None = None
    archived: bool = False  # True: list archived articles instead (title contains ``text``)
    typing: bool = True  # the last word is still being typed: match it as a prefix
    limit: int = 20


@dataclass
class ArticleHit:
    id: int
    title: str
    title_html: str
    snippet_html: str
    product_id: int | None
    product_name: str
    family: str
    problem_type_id: int | None
    applied_count: int
    archived: bool
    score: float = 0.0
    same_product: bool = False


@dataclass
class RequestHit:
    id: int
    number: str
    subject: str
    snippet_html: str
    report_html: str
    final_report: str
    customer: str
    resolved_at: object
    score: float = 0.0
    same_unit: bool = False
    same_product: bool = False


@dataclass
class Suggestions:
    articles: list[ArticleHit] = field(default_factory=list)
    requests: list[RequestHit] = field(default_factory=list)


# -- parsing ------------------------------------------------------------------------------------

def _is_word(engine) -> Callable[[str], bool]:
    """An Italian word (word list, stemmer), or one this office's past requests use: such a
    word is never "corrected" into a KB term it merely resembles."""
    def known(word: str) -> bool:
        return is_italian(word) or engine.request_df(stem(word)) >= 3
    return known


def parse_for_articles(text: str, *, typing: bool, db=None) -> ParsedQuery:
    engine = engine_for(db or database_proxy.obj)
    return parse(text, prefix_last=typing, vocab=engine.article_vocabulary(),
                 is_word=_is_word(engine))


# -- KB search ---------------------------------------------------------------------------------

_ARTICLE_COLS = ("a.id, a.title, a.symptoms, a.solution, a.product_id, COALESCE(p.name, ''), "
                 "a.product_family, a.problem_type_id, a.applied_count, a.archived")


def _filters(spec: KbFilter, db) -> tuple[list[str], list]:
    where, params = [], []
    if spec.product_id is not None:
        family = db.execute_sql("SELECT family FROM product WHERE id = ?",
                                (spec.product_id,)).fetchone()
        # the product's own articles and the general ones of its family
        where.append("(a.product_id = ? OR (a.product_id IS NULL AND a.product_family = ? "
                     "AND a.product_family != ''))")
        params += [spec.product_id, family[0] if family else ""]
    if spec.family:
        where.append("a.product_family = ?")
        params.append(spec.family)
    if spec.problem_type_id is not None:
        where.append("a.problem_type_id = ?")
        params.append(spec.problem_type_id)
    return where, params


def _hit(row, q: ParsedQuery | None, score: float = 0.0) -> ArticleHit:
    aid, title, symptoms, solution, pid, pname, family, ptid, applied, archived = row[:10]
    if q is not None:
        terms, prefixes = q.all_terms(), q.all_prefixes()
        title_html = highlight(title, terms, prefixes)
        body = symptoms if symptoms.strip() else solution
        snippet = highlight(body, terms, prefixes, max_words=SNIPPET_WORDS)
        if "<b>" not in snippet and solution:
            alt = highlight(solution, terms, prefixes, max_words=SNIPPET_WORDS)
            if "<b>" in alt:
                snippet = alt
    else:
        title_html = highlight(title, (), ())
        snippet = highlight(symptoms or solution, (), (), max_words=SNIPPET_WORDS)
    return ArticleHit(aid, title, title_html, snippet, pid, pname, family, ptid, applied,
                      bool(archived), score)


def _article_rows(db, ids) -> dict[int, tuple]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r for r in db.execute_sql(
        f"SELECT {_ARTICLE_COLS} FROM kb_article a LEFT JOIN product p ON p.id = a.product_id "
        f"WHERE a.id IN ({marks}) AND a.archived = FALSE", tuple(ids))}


def _article_meta(db, ids) -> dict[int, tuple[int | None, str, int]]:
    """Product, family and applied count of scored articles (the boosts need no more)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1:] for r in db.execute_sql(
        f"SELECT id, product_id, product_family, applied_count FROM kb_article "
        f"WHERE id IN ({marks}) AND archived = FALSE", tuple(ids))}


def _ranked_articles(engine, q: ParsedQuery, pool: int, where=(), params=(),
                     extra=()) -> tuple[dict[int, float], list]:
    """Candidates from the engine (the most telling groups), scored on every group."""
    corpus = engine.article_corpus()
    groups = informative(q.groups, corpus.group_df, corpus.docs, CANDIDATE_GROUPS,
                         max(CANDIDATE_BUDGET, corpus.docs // 4))
    ids = engine.article_candidates(groups, pool, where, params) if groups else []
    ids = list(dict.fromkeys([*ids, *extra]))
    scores = bm25f(q.groups, corpus, engine.article_fields(ids), ARTICLE_WEIGHTS)
    return scores, groups


def search(spec: KbFilter, db=None) -> list[ArticleHit]:
    """Articles for the KB dock: ranked by relevance when there is text, newest first otherwise."""
    db = db or database_proxy.obj
    where, params = _filters(spec, db)
    limit = max(1, min(spec.limit, 500))
    if spec.archived or not words(spec.text):
        where.append("a.archived = ?")
        params.append(bool(spec.archived))  # a bool binds as 1/0 on SQLite, boolean on PostgreSQL
        lk = dialect.like(db)
        for w in words(spec.text) if spec.archived else ():
            where.append(f"(a.title {lk} ? {like.SQL_ESCAPE} OR a.symptoms {lk} ? {like.SQL_ESCAPE})")
            params += [like.pattern(w), like.pattern(w)]
        sql = (f"SELECT {_ARTICLE_COLS} FROM kb_article a LEFT JOIN product p ON p.id = a.product_id"
               f" WHERE {' AND '.join(where)} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?")
        return [_hit(r, None) for r in db.execute_sql(sql, (*params, limit))]
    engine = engine_for(db)
    q = parse_for_articles(spec.text, typing=spec.typing, db=db)
    if q.empty:
        return []
    scores, _ = _ranked_articles(engine, q, max(SEARCH_POOL, limit * 2), where, params)
    meta = _article_meta(db, [i for i, s in scores.items() if s > 0])
    ranked = sorted(((scores[i] * _applied_boost(m[2], 0.05), i) for i, m in meta.items()),
                    key=lambda x: (-x[0], -x[1]))[:limit]
    rows = _article_rows(db, [i for _, i in ranked])
    return [_hit(rows[i], q, s) for s, i in ranked if i in rows]


def _applied_boost(applied: int, weight: float) -> float:
    return 1.0 + weight * math.log1p(max(0, applied or 0))


def count_articles(archived: bool = False, db=None) -> int:
    db = db or database_proxy.obj
    return db.execute_sql("SELECT count(*) FROM kb_article WHERE archived = ?",
                          (bool(archived),)).fetchone()[0]


def families(db=None) -> list[str]:
    """Product families in use (products and articles), for the filter combo."""
    db = db or database_proxy.obj
    rows = db.execute_sql("SELECT family FROM product WHERE family != '' UNION "
                          "SELECT product_family FROM kb_article WHERE product_family != '' "
                          "ORDER BY 1").fetchall()
    return [r[0] for r in rows]


# -- suggestions inside a request (R-KB-2) -----------------------------------------------------

def _context_of(db, product_ids: list[int], unit_ids: list[int]) -> tuple[set[int], set[int], set[str]]:
    units = set(unit_ids)
    products = set(product_ids)
    if units:
        rows = db.execute_sql(f"SELECT product_id FROM unit WHERE id IN ({','.join('?' * len(units))})",
                              tuple(units)).fetchall()
        products |= {r[0] for r in rows}
    fams: set[str] = set()
    if products:
        rows = db.execute_sql(f"SELECT family FROM product WHERE id IN ({','.join('?' * len(products))})",
                              tuple(products)).fetchall()
        fams = {r[0] for r in rows if r[0]}
    return units, products, fams


def _context_boost(product_id: int | None, family: str, products: set[int],
                   fams: set[str]) -> float:
    """How the request's product moves an article: its exact model first, a twin article of
    another model of the same family well behind, the family's general articles a little ahead
    of other families'."""
    if not (products or fams) or not layers.current().product_boost:
        return 1.0
    if product_id is not None and product_id in products:
        return EXACT_MODEL
    if product_id is not None and family in fams:
        return OTHER_MODEL
    if family and family in fams:
        return SAME_FAMILY
    return OTHER_FAMILY


def _suggest_articles(db, engine, q: ParsedQuery, products: set[int], fams: set[str],
                      limit: int) -> list[ArticleHit]:
    # the product's own articles always compete, however common their words are
    extra = engine.product_articles(sorted(products), PRODUCT_POOL) if products else []
    scores, _ = _ranked_articles(engine, q, SUGGEST_POOL, extra=extra) if not q.empty \
        else ({}, [])
    meta = _article_meta(db, [i for i, s in scores.items() if s > 0])
    scored = []
    for aid, (pid, family, applied) in meta.items():
        boost = _applied_boost(applied, 0.1) * _context_boost(pid, family, products, fams)
        scored.append((scores[aid] * boost, aid))
    scored.sort(key=lambda x: (-x[0], x[1]))
    rows = _article_rows(db, [i for _, i in scored[:limit]])
    best = [(s, rows[i]) for s, i in scored[:limit] if i in rows]
    if not best and (products or fams):
        best = [(0.0, r) for r in _fallback_articles(db, products, fams, limit)]
    out = []
    for s, r in best:
        hit = _hit(r, q, s)
        hit.same_product = r[4] is not None and r[4] in products
        out.append(hit)
    return out


def _fallback_articles(db, products: set[int], fams: set[str], limit: int) -> list[tuple]:
    """Nothing in the text matched: the product's and its family's most applied articles."""
    where, params = [], []
    if products:
        where.append(f"a.product_id IN ({','.join('?' * len(products))})")
        params += sorted(products)
    if fams:
        where.append(f"(a.product_id IS NULL AND a.product_family IN "
                     f"({','.join('?' * len(fams))}))")
        params += sorted(fams)
    order = (f"CASE WHEN a.product_id IN ({','.join('?' * len(products))}) THEN 0 ELSE 1 END, "
             if products else "")
    return db.execute_sql(
        f"SELECT {_ARTICLE_COLS} FROM kb_article a LEFT JOIN product p ON p.id = a.product_id "
        f"WHERE a.archived = FALSE AND ({' OR '.join(where)}) "
        f"ORDER BY {order}a.applied_count DESC, a.id DESC LIMIT ?",
        (*params, *sorted(products), limit)).fetchall()


CANDIDATES = 100  # past requests scored per suggestion: bounded work on any history size


def _suggest_requests(db, engine, q: ParsedQuery, units: set[int], products: set[int],
                      exclude: int | None, limit: int) -> list[RequestHit]:
    corpus = engine.request_corpus(q.all_terms())
    groups = informative(q.groups, corpus.group_df, corpus.docs, MAX_REQUEST_GROUPS)
    if not groups:
        return []
    ids = engine.request_candidates(groups, CANDIDATES)
    refs = [f"u{u}" for u in sorted(units)] + [f"p{p}" for p in sorted(products)]
    if refs:
        ids = list(dict.fromkeys(ids + engine.request_candidates(groups, 60, refs)))
    if exclude in ids:
        ids.remove(exclude)
    if not ids:
        return []
    fields = engine.request_fields(ids)
    if fields:
        corpus.avg_len = [sum(len(f[i].split()) for _, f in fields) / len(fields) or 1.0
                          for i in range(2)]
    candidates = bm25f(q.groups, corpus, fields, REQUEST_WEIGHTS)
    ids = tuple(candidates)
    marks = ",".join("?" * len(ids))
    ref_rows = db.execute_sql(
        f"SELECT ru.request_id, ru.unit_id, u.product_id FROM request_unit ru "
        f"JOIN unit u ON u.id = ru.unit_id WHERE ru.request_id IN ({marks})", ids).fetchall()
    r_units: dict[int, set[int]] = {}
    r_products: dict[int, set[int]] = {}
    for rid, uid, pid in ref_rows:
        r_units.setdefault(rid, set()).add(uid)
        r_products.setdefault(rid, set()).add(pid)
    scored = []
    boosting = layers.current().product_boost
    for rid, s in candidates.items():
        same_unit = bool(units & r_units.get(rid, set()))
        same_product = bool(products & r_products.get(rid, set()))
        boost = (SAME_UNIT if same_unit else SAME_PRODUCT if same_product else 1.0) \
            if boosting else 1.0
        scored.append((s * boost, rid, same_unit, same_product))
    scored.sort(reverse=True)
    # Rows may have left the index's scope since (reopened, report cleared, deleted): checked here.
    top = scored[: limit * 2]
    marks = ",".join("?" * len(top))
    details = {r[0]: r for r in db.execute_sql(
        "SELECT r.id, r.number, r.subject, r.description, r.final_report, COALESCE(c.name, ''), "
        "COALESCE(r.resolved_at, r.closed_at) FROM service_request r "
        "LEFT JOIN party c ON c.id = r.customer_id "
        f"WHERE r.id IN ({marks}) AND r.status IN ('resolved', 'closed') AND r.final_report != ''",
        tuple(t[1] for t in top))}
    terms, prefixes = q.all_terms(), q.all_prefixes()
    out = []
    for s, rid, same_unit, same_product in top:
        row = details.get(rid)
        if row is None:
            continue
        _, number, subject, description, report, customer, resolved = row
        out.append(RequestHit(
            rid, number, subject,
            highlight(description or subject, terms, prefixes, max_words=SNIPPET_WORDS),
            highlight(report, terms, prefixes, max_words=40), report, customer, resolved,
            s, same_unit, same_product))
        if len(out) >= limit:
            break
    return out


def suggest(text: str, product_ids: list[int] | None = None, unit_ids: list[int] | None = None,
            *, exclude_request_id: int | None = None, articles: int = 5, requests: int = 5,
            db=None) -> Suggestions:
    """Best KB articles and similar past resolved requests for a request's description: ranked
    like the KB search on all its words, then moved by the request's product or serial."""
    db = db or database_proxy.obj
    if not words(text):
        return Suggestions()
    engine = engine_for(db)
    q = parse(text, prefix_last=False, vocab=engine.article_vocabulary(),
              is_word=_is_word(engine))
    units, products, fams = _context_of(db, list(product_ids or ()), list(unit_ids or ()))
    return Suggestions(
        _suggest_articles(db, engine, q, products, fams, articles) if articles > 0 else [],
        _suggest_requests(db, engine, q, units, products, exclude_request_id, requests)
        if requests > 0 and not q.empty else [])


# -- one article, as the editor shows it (#13: widgets read snapshots, never models) ------------

@dataclass(frozen=True)
class ArticleSnapshot:
    """An article as stored, with what the editor shows around it; ``version`` is what a save
    sends back (the optimistic lock)."""

    id: int
    version: int
    title: str
    symptoms: str
    cause: str
    solution: str
    product_id: int | None
    product_family: str
    problem_type_id: int | None
    tags: str
    source_request_id: int | None
    source_request_number: str
    author: str
    created_at: object
    updated_at: object
    applied_count: int
    archived: bool


def article(article_id: int) -> ArticleSnapshot | None:
    """The article ``article_id`` (archived or not), or None when it no longer exists."""
    from ..models import KbArticle, Operator, ServiceRequest

    row = (KbArticle.select(KbArticle, Operator.full_name.alias("author_name"),
                            ServiceRequest.number.alias("source_number"))
           .join(Operator, JOIN.LEFT_OUTER, on=(KbArticle.author == Operator.id))
           .switch(KbArticle)
           .join(ServiceRequest, JOIN.LEFT_OUTER, on=(KbArticle.source_request == ServiceRequest.id))
           .where(KbArticle.id == article_id).objects().first())
    if row is None:
        return None
    return ArticleSnapshot(
        row.id, row.version, row.title, row.symptoms, row.cause, row.solution, row.product_id,
        row.product_family, row.problem_type_id, row.tags, row.source_request_id,
        getattr(row, "source_number", None) or "", getattr(row, "author_name", None) or "",
        row.created_at, row.updated_at, row.applied_count, bool(row.archived))


@dataclass(frozen=True)
class ProductChoice:
    id: int
    code: str
    name: str
    family: str


def product_choices() -> list[ProductChoice]:
    """The products an article may be about (not archived), by name."""
    from ..models import Product

    return [ProductChoice(*r) for r in Product.select(Product.id, Product.code, Product.name,
                                                       Product.family)
            .where(~Product.archived).order_by(Product.name).tuples()]


def request_number(request_id: int | None) -> str:
    """The number of the request an article was written from ("" when gone)."""
    if request_id is None:
        return ""
    from ..models import ServiceRequest

    return ServiceRequest.select(ServiceRequest.number).where(
        ServiceRequest.id == request_id).scalar() or ""
