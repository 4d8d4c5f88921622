"""KB search (ranked, filtered, highlighted) and suggestions inside a request (R-KB-1, R-KB-2).

``search`` serves the KB dock; ``suggest`` serves the request editor: the best articles and the
most similar past resolved requests for the description being typed, boosted for the same
product / serial number and by how often an article solved a problem.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

from ..models import database_proxy
from ..search.highlight import highlight
from ..search.query import ParsedQuery, parse
from ..search.text import words
from ..search.typo import Vocabulary

# bm25 column weights: title, symptoms, cause, solution, tags (title and symptoms count most)
ARTICLE_WEIGHTS = (10.0, 6.0, 2.0, 1.5, 4.0)
SNIPPET_WORDS = 28
SAME_PRODUCT = 1.6
SAME_FAMILY = 1.25
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


# -- vocabulary (typo tolerance) -----------------------------------------------------------------

_vocab_lock = threading.Lock()
_vocab_cache: dict[tuple, Vocabulary] = {}


def _article_vocabulary(db) -> Vocabulary:
    gen = db.execute_sql("SELECT value FROM kb_index_state WHERE key = 'articles_gen'").fetchone()
    key = (id(db), str(getattr(db, "database", "")), gen[0] if gen else "0")
    with _vocab_lock:
        vocab = _vocab_cache.get(key)
    if vocab is None:
        vocab = Vocabulary(db.execute_sql("SELECT term, doc FROM kb_article_vocab").fetchall())
        with _vocab_lock:
            _vocab_cache.clear()
            _vocab_cache[key] = vocab
    return vocab


def parse_for_articles(text: str, *, typing: bool, db=None) -> ParsedQuery:
    db = db or database_proxy.obj
    vocab = _article_vocabulary(db)
    return parse(text, prefix_last=typing, known=vocab.__contains__, similar=vocab.similar)


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


def search(spec: KbFilter, db=None) -> list[ArticleHit]:
    """Articles for the KB dock: ranked by bm25 when there is text, newest first otherwise."""
    db = db or database_proxy.obj
    where, params = _filters(spec, db)
    limit = max(1, min(spec.limit, 500))
    if spec.archived or not words(spec.text):
        where.append("a.archived = ?")
        params.append(1 if spec.archived else 0)
        for w in words(spec.text) if spec.archived else ():
            where.append("(a.title LIKE ? OR a.symptoms LIKE ?)")
            params += [f"%{w}%", f"%{w}%"]
        sql = (f"SELECT {_ARTICLE_COLS} FROM kb_article a LEFT JOIN product p ON p.id = a.product_id"
               f" WHERE {' AND '.join(where)} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?")
        return [_hit(r, None) for r in db.execute_sql(sql, (*params, limit))]
    q = parse_for_articles(spec.text, typing=spec.typing, db=db)
    if q.empty:
        return []
    weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
    sql = (f"SELECT {_ARTICLE_COLS}, bm25(kb_article_fts, {weights}) AS score "
           "FROM kb_article_fts JOIN kb_article a ON a.id = kb_article_fts.rowid "
           "LEFT JOIN product p ON p.id = a.product_id "
           f"WHERE kb_article_fts MATCH ? AND a.archived = 0 "
           f"{''.join(' AND ' + w for w in where)} ORDER BY score LIMIT ?")
    rows = db.execute_sql(sql, (q.match(), *params, limit * 2)).fetchall()
    ranked = sorted(((-r[10] * _applied_boost(r[8], 0.05), r) for r in rows),
                    key=lambda x: -x[0])[:limit]
    return [_hit(r, q, s) for s, r in ranked]


def _applied_boost(applied: int, weight: float) -> float:
    return 1.0 + weight * math.log1p(max(0, applied or 0))


def count_articles(archived: bool = False, db=None) -> int:
    db = db or database_proxy.obj
    return db.execute_sql("SELECT count(*) FROM kb_article WHERE archived = ?",
                          (1 if archived else 0,)).fetchone()[0]


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


def _suggest_articles(db, q: ParsedQuery, products: set[int], fams: set[str],
                      limit: int) -> list[ArticleHit]:
    weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
    sql = (f"SELECT {_ARTICLE_COLS}, bm25(kb_article_fts, {weights}) AS score "
           "FROM kb_article_fts JOIN kb_article a ON a.id = kb_article_fts.rowid "
           "LEFT JOIN product p ON p.id = a.product_id "
           "WHERE kb_article_fts MATCH ? AND a.archived = 0 ORDER BY score LIMIT ?")
    rows = db.execute_sql(sql, (q.match(), 60)).fetchall()
    scored = []
    for r in rows:
        boost = _applied_boost(r[8], 0.15)
        same = r[4] in products
        if same:
            boost *= SAME_PRODUCT
        elif r[6] and r[6] in fams:
            boost *= SAME_FAMILY
        scored.append((-r[10] * boost, same, r))
    scored.sort(key=lambda x: -x[0])
    out = []
    for s, same, r in scored[:limit]:
        hit = _hit(r, q, s)
        hit.same_product = same
        out.append(hit)
    return out


def _request_terms(db, q: ParsedQuery) -> str | None:
    """The MATCH expression against past requests: only the rarest words (fast, and the
    common ones say little), dropping words no request contains."""
    all_terms = sorted(q.all_terms())
    if not all_terms:
        return None
    marks = ",".join("?" * len(all_terms))
    df = dict(db.execute_sql(f"SELECT term, doc FROM kb_request_vocab WHERE term IN ({marks})",
                             tuple(all_terms)).fetchall())
    scored = []
    for g in q.groups:
        counts = [df.get(t, 0) for t in g.terms]
        total = sum(counts)
        if total == 0 and not g.prefixes:
            continue
        scored.append((total if total else 10**9, g))
    scored.sort(key=lambda x: x[0])
    chosen = [g for _, g in scored[:MAX_REQUEST_GROUPS]]
    if not chosen:
        return None
    return ParsedQuery(chosen).match(["problem", "report"])


def _suggest_requests(db, q: ParsedQuery, units: set[int], products: set[int],
                      exclude: int | None, limit: int) -> list[RequestHit]:
    expr = _request_terms(db, q)
    if expr is None:
        return []
    candidates: dict[int, float] = {}
    for rid, rank in db.execute_sql("SELECT rowid, rank FROM kb_request_fts WHERE kb_request_fts "
                                    "MATCH ? ORDER BY rank LIMIT 40", (expr,)):
        candidates[rid] = -rank
    refs = [f"u{u}" for u in sorted(units)] + [f"p{p}" for p in sorted(products)]
    if refs:
        near = f"({expr}) AND refs : ({' OR '.join(refs)})"
        for rid, rank in db.execute_sql("SELECT rowid, rank FROM kb_request_fts WHERE "
                                        "kb_request_fts MATCH ? ORDER BY rank LIMIT 20", (near,)):
            candidates[rid] = -rank
    candidates.pop(exclude, None)
    if not candidates:
        return []
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
    for rid, s in candidates.items():
        same_unit = bool(units & r_units.get(rid, set()))
        same_product = bool(products & r_products.get(rid, set()))
        boost = SAME_UNIT if same_unit else SAME_PRODUCT if same_product else 1.0
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
    """Best KB articles and similar past resolved requests for a request's description."""
    db = db or database_proxy.obj
    if not words(text):
        return Suggestions()
    vocab = _article_vocabulary(db)
    q = parse(text, prefix_last=False, known=vocab.__contains__, similar=vocab.similar,
              max_groups=40)
    if q.empty:
        return Suggestions()
    units, products, fams = _context_of(db, list(product_ids or ()), list(unit_ids or ()))
    return Suggestions(
        _suggest_articles(db, ParsedQuery(q.groups[:16]), products, fams, articles),
        _suggest_requests(db, q, units, products, exclude_request_id, requests))
