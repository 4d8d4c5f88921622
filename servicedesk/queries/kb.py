"""KB search (ranked, filtered, highlighted) and suggestions inside a request (R-KB-1, R-KB-2).

``search`` serves the KB dock; ``suggest`` serves the request editor: the best articles and the
most similar past resolved requests for the description being typed, boosted for the same
product / serial number and by how often an article solved a problem.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

from .. import like
from ..models import database_proxy
from ..search import layers
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
        vocab.docs = db.execute_sql("SELECT count(*) FROM kb_article_fts").fetchone()[0]
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
            where.append(f"(a.title LIKE ? {like.SQL_ESCAPE} OR a.symptoms LIKE ? {like.SQL_ESCAPE})")
            params += [like.pattern(w), like.pattern(w)]
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


def _ranked_groups(q: ParsedQuery, df: dict[str, int], total: int) -> list:
    """Groups ordered rarest first (the most telling words), without words the index lacks
    and without words in more than half of the documents (they say nothing and cost most)."""
    scored = []
    for g in q.groups:
        count = sum(df.get(t, 0) for t in g.terms)
        if count == 0 and not g.prefixes:
            continue
        if total > 200 and count > total // 2 and not g.prefixes:
            continue
        scored.append((count if count else 10**9, g))
    scored.sort(key=lambda x: x[0])
    return [g for _, g in scored]


def _tiered_match(groups: list, columns: list[str] | None, max_and: int = 3):
    """MATCH expressions from strict to loose: the k rarest groups all required (k = 3, 2, 1),
    the others optional but counted by bm25. A long description matches tens of thousands of
    past requests with a plain OR; ranking them all would take hundreds of milliseconds."""
    everything = ParsedQuery(groups).match()
    wrap = (lambda e: "{" + " ".join(columns) + "} : (" + e + ")") if columns else (lambda e: e)
    for k in range(min(max_and, len(groups)), 0, -1):
        required = " AND ".join(g.expression() for g in groups[:k])
        yield k, wrap(f"{required} AND ({everything})" if len(groups) > k else required)


def _fts_candidates(db, table: str, rank_sql: str, groups: list, columns: list[str] | None,
                    want: int, extra: str = "") -> dict[int, float]:
    found: dict[int, float] = {}
    for k, expr in _tiered_match(groups, columns):
        if extra:
            expr = f"({expr}) AND {extra}"
        for rid, rank in db.execute_sql(f"SELECT rowid, {rank_sql} FROM {table} WHERE {table} "
                                        f"MATCH ? ORDER BY 2 LIMIT ?", (expr, want)):
            # a document found by a stricter tier keeps its place ahead of looser ones
            found.setdefault(rid, -rank * (1.0 + 0.5 * (k - 1)))
        if len(found) >= want:
            break
    return found


def _suggest_articles(db, q: ParsedQuery, products: set[int], fams: set[str],
                      limit: int) -> list[ArticleHit]:
    vocab = _article_vocabulary(db)
    groups = _ranked_groups(q, vocab.df, vocab.docs)[:8]
    if not groups:
        return []
    weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
    found = _fts_candidates(db, "kb_article_fts", f"bm25(kb_article_fts, {weights})", groups,
                            None, 30)
    if not found:
        return []
    ids = tuple(found)
    rows = db.execute_sql(f"SELECT {_ARTICLE_COLS} FROM kb_article a LEFT JOIN product p "
                          f"ON p.id = a.product_id WHERE a.id IN ({','.join('?' * len(ids))}) "
                          "AND a.archived = 0", ids).fetchall()
    scored = []
    for r in rows:
        boost = _applied_boost(r[8], 0.15)
        same = r[4] in products
        if not layers.current().product_boost:
            pass
        elif same:
            boost *= SAME_PRODUCT
        elif r[6] and r[6] in fams:
            boost *= SAME_FAMILY
        scored.append((found[r[0]] * boost, same, r))
    scored.sort(key=lambda x: -x[0])
    sub = ParsedQuery(groups)
    out = []
    for s, same, r in scored[:limit]:
        hit = _hit(r, sub, s)
        hit.same_product = same
        out.append(hit)
    return out


def _request_groups(db, q: ParsedQuery) -> tuple[list, dict[str, int], int]:
    all_terms = sorted(q.all_terms() | {""})
    marks = ",".join("?" * len(all_terms))
    df = dict(db.execute_sql(f"SELECT term, docs FROM kb_request_terms WHERE term IN ({marks})",
                             tuple(all_terms)).fetchall())
    total = df.pop("", 0)
    return _ranked_groups(q, df, total)[:MAX_REQUEST_GROUPS], df, total


CANDIDATES = 100  # past requests scored per suggestion: bounded work on any history size


def _request_candidates(db, groups: list, want: int, extra: str = "") -> list[int]:
    """Ids matching the rarest words, newest first (FTS5 walks its doclists backwards and
    stops at ``want``: no ranking of tens of thousands of matches)."""
    found: dict[int, None] = {}
    for k in range(min(3, len(groups)), 0, -1):
        expr = "{problem report} : (" + " AND ".join(g.expression() for g in groups[:k]) + ")"
        if extra:
            expr = f"{expr} AND {extra}"
        for (rid,) in db.execute_sql("SELECT rowid FROM kb_request_fts WHERE kb_request_fts "
                                     "MATCH ? ORDER BY rowid DESC LIMIT ?", (expr, want)):
            found.setdefault(rid, None)
        if len(found) >= want // 2:
            break
    return list(found)


def _bm25(groups: list, df: dict[str, int], total: int, rows) -> dict[int, float]:
    """BM25 over the stored stems of a few candidates (problem counts 3×, report 1×)."""
    k1, b = 1.2, 0.75
    idf = []
    for g in groups:
        n = min(total, sum(df.get(t, 0) for t in g.terms)) if total else 1
        idf.append(math.log(1 + (total - n + 0.5) / (n + 0.5)) if total else 1.0)
    owner: dict[str, int] = {}
    for i, g in enumerate(groups):
        for t in g.terms:
            owner.setdefault(t, i)
    prefixes = [(p, i) for i, g in enumerate(groups) for p in g.prefixes]
    docs = [(rid, problem.split(), report.split()) for rid, problem, report in rows]
    if not docs:
        return {}
    avg = sum(len(p) + len(r) for _, p, r in docs) / len(docs) or 1.0
    out: dict[int, float] = {}
    for rid, problem, report in docs:
        tf = [0] * len(groups)
        for weight, tokens in ((3, problem), (1, report)):
            for t in tokens:  # one dict lookup per stored stem
                i = owner.get(t)
                if i is None and prefixes:
                    i = next((j for p, j in prefixes if t.startswith(p)), None)
                if i is not None:
                    tf[i] += weight
        norm = k1 * (1 - b + b * (len(problem) + len(report)) / avg)
        out[rid] = sum(w * f * (k1 + 1) / (f + norm) for w, f in zip(idf, tf) if f)
    return out


def _suggest_requests(db, q: ParsedQuery, units: set[int], products: set[int],
                      exclude: int | None, limit: int) -> list[RequestHit]:
    groups, df, total = _request_groups(db, q)
    if not groups:
        return []
    ids = _request_candidates(db, groups, CANDIDATES)
    refs = [f"u{u}" for u in sorted(units)] + [f"p{p}" for p in sorted(products)]
    if refs:
        near = _request_candidates(db, groups, 60, extra=f"refs : ({' OR '.join(refs)})")
        ids = list(dict.fromkeys(ids + near))
    if exclude in ids:
        ids.remove(exclude)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    candidates = _bm25(groups, df, total, db.execute_sql(
        f"SELECT rowid, problem, report FROM kb_request_fts WHERE rowid IN ({marks})",
        tuple(ids)).fetchall())
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
        if not layers.current().product_boost:
            boost = 1.0
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
    sub = ParsedQuery(groups)
    terms, prefixes = sub.all_terms(), sub.all_prefixes()
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
        _suggest_articles(db, q, products, fams, articles),
        _suggest_requests(db, q, units, products, exclude_request_id, requests))
