"""Load the eval set into a database and measure search and suggestions on it (R-KB-1, R-KB-2).

Used by tests/core/search/test_kb_eval.py and, for the per-layer table, by
``uv run python -m tests.core.search.kb_eval.evaluate [--layers]`` (prints top-1/top-3 for every set and
the misses; with ``--layers`` one row per search layer switched off).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from servicedesk.models import Party, ProblemType, Product, Unit
from servicedesk.queries.kb import KbFilter, search, suggest
from servicedesk.search import layers
from servicedesk.search.index import rebuild_article_index
from servicedesk.services.kb import ArticleData, create_article

from .articles import ARTICLES, DISTRACTORS
from .independent import INDEPENDENT_QUERIES, STYLES
from .products import PRODUCT_ARTICLES, PRODUCTS
from .queries import QUERIES
from .suggestions import SUGGEST_CASES, SuggestCase

DEPTH = 10  # ranks beyond this count as misses


@dataclass
class EvalIds:
    articles: dict[str, int] = field(default_factory=dict)
    products: dict[str, int] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)


def load_eval_set() -> EvalIds:
    """Products (one unit each), the curated articles, the product articles, the distractors."""
    out = EvalIds()
    types = {p.code: p.id for p in ProblemType.select()}
    owner = Party.create(code="EVAL", name="Cliente di prova")
    for key, p in PRODUCTS.items():
        product = Product.create(code=p["code"], name=p["name"], family=p["family"],
                                 manufacturer=p["manufacturer"])
        out.products[key] = product.id
        out.units[key] = Unit.create(product=product, serial=f"SN-{p['code']}", owner=owner).id
    for key, a in ARTICLES.items():
        out.articles[key] = create_article(ArticleData(
            title=a["title"], symptoms=a["symptoms"], cause=a["cause"], solution=a["solution"],
            product_family=a["family"], problem_type_id=types.get(a["problem"]),
            tags=a["tags"])).id
    for key, a in PRODUCT_ARTICLES.items():
        out.articles[key] = create_article(ArticleData(
            title=a["title"], symptoms=a["symptoms"], cause=a["cause"], solution=a["solution"],
            product_id=out.products[a["product"]] if a["product"] else None,
            product_family=a.get("family", ""), problem_type_id=types.get(a["problem"]),
            tags=a["tags"])).id
    for d in DISTRACTORS:
        create_article(ArticleData(title=d["title"], symptoms=d["symptoms"],
                                   solution=d["solution"], product_family=d["family"]))
    return out


def search_rank(ids: EvalIds, text: str, key: str) -> int | None:
    """Rank (1-based) of the article ``key`` for ``text`` typed in the KB dock (which searches
    as the user types: the last word also counts as a prefix)."""
    found = [h.id for h in search(KbFilter(text=text, typing=True, limit=DEPTH))]
    return found.index(ids.articles[key]) + 1 if ids.articles[key] in found else None


def typing_queries() -> list[tuple[str, str]]:
    """The original and independent queries of up to four words, cut in the middle of their
    last word as the dock sees them while the user types ("caldaia fisch")."""
    out = []
    for text, key in [*QUERIES, *((q, k) for _, q, k in INDEPENDENT_QUERIES)]:
        parts = text.split()
        last = parts[-1]
        if len(parts) > 4 or len(last) < 6 or not last.isalpha():
            continue
        out.append((" ".join([*parts[:-1], last[:max(4, len(last) * 2 // 3)]]), key))
    return out


def suggest_rank(ids: EvalIds, case: SuggestCase, *, context: bool = True) -> int | None:
    """Rank of the expected article among the request editor's suggestions."""
    products: list[int] = []
    units: list[int] = []
    if context and case.context is not None:
        kind, key = case.context
        (products if kind == "product" else units).append(
            ids.products[key] if kind == "product" else ids.units[key])
    found = [h.id for h in suggest(case.text, products, units, articles=DEPTH,
                                   requests=0).articles]
    want = ids.articles[case.expected]
    return found.index(want) + 1 if want in found else None


@dataclass
class Score:
    """Top-1/top-3 shares of a list of ranks, with the misses (outside the top 3)."""

    name: str
    ranks: list[tuple[str, int | None]]

    @property
    def n(self) -> int:
        return len(self.ranks)

    @property
    def top1(self) -> float:
        return sum(1 for _, r in self.ranks if r == 1) / max(1, self.n)

    @property
    def top3(self) -> float:
        return sum(1 for _, r in self.ranks if r is not None and r <= 3) / max(1, self.n)

    @property
    def misses(self) -> list[tuple[str, int | None]]:
        return [(q, r) for q, r in self.ranks if r is None or r > 3]

    def line(self) -> str:
        return f"{self.name:<22} n={self.n:<4} top1 {self.top1:6.1%}  top3 {self.top3:6.1%}"


@dataclass
class Report:
    scores: dict[str, Score]
    twin_ranks: list[tuple[str, int | None, int | None]]  # text, without context, with context

    def __getitem__(self, name: str) -> Score:
        return self.scores[name]

    @property
    def twins_improved(self) -> bool:
        """Context never makes a twin case worse, and makes at least one better."""
        def value(r: int | None) -> int:
            return r if r is not None else DEPTH + 1
        worse = any(value(w) > value(wo) for _, wo, w in self.twin_ranks)
        better = any(value(w) < value(wo) for _, wo, w in self.twin_ranks)
        return better and not worse

    def text(self) -> str:
        lines = [s.line() for s in self.scores.values()]
        t1 = sum(1 for _, _, w in self.twin_ranks if w == 1)
        t1_without = sum(1 for _, wo, _ in self.twin_ranks if wo == 1)
        lines.append(f"{'twins top1':<22} n={len(self.twin_ranks):<4} without context "
                     f"{t1_without}, with context {t1}")
        return "\n".join(lines)


def evaluate(ids: EvalIds) -> Report:
    """Every set: the original queries, the independent ones (all and per style), suggestions."""
    scores: dict[str, Score] = {}
    scores["original"] = Score("original", [(q, search_rank(ids, q, k)) for q, k in QUERIES])
    indep = [(style, q, search_rank(ids, q, k)) for style, q, k in INDEPENDENT_QUERIES]
    scores["independent"] = Score("independent", [(q, r) for _, q, r in indep])
    for style in STYLES:
        scores[f"  {style}"] = Score(f"  {style}", [(q, r) for s, q, r in indep if s == style])
    scores["typing"] = Score("typing", [(q, search_rank(ids, q, k)) for q, k in typing_queries()])
    scores["suggest"] = Score("suggest", [(c.text, suggest_rank(ids, c)) for c in SUGGEST_CASES])
    scores["suggest no context"] = Score("suggest no context", [
        (c.text, suggest_rank(ids, c, context=False)) for c in SUGGEST_CASES if not c.twin])
    twins = [(c.text, suggest_rank(ids, c, context=False), suggest_rank(ids, c))
             for c in SUGGEST_CASES if c.twin]
    return Report(scores, twins)


LAYER_NAMES = [f.name for f in dataclasses.fields(layers.Layers)]


def layer_table(ids: EvalIds) -> str:
    """Top-1/top-3 of each set with every layer on, then with each layer off in turn."""
    sets = ("original", "independent", "typing", "suggest")
    head = f"{'layers':<20}" + "".join(f"{s:>14}" for s in sets) + f"{'twins top1':>12}"
    rows = [head, f"{'':<20}" + f"{'top1  top3':>14}" * len(sets)]
    for off in [None, *LAYER_NAMES]:
        with layers.using(**({off: False} if off else {})):
            rebuild_article_index()  # stemming changes the indexed text
            r = evaluate(ids)
        cells = [f"{r[s].top1:6.1%}{r[s].top3:7.1%}" for s in sets]
        twins = sum(1 for _, _, w in r.twin_ranks if w == 1)
        rows.append(f"{'all on' if off is None else 'no ' + off:<20}"
                    + "".join(f"{c:>14}" for c in cells) + f"{twins:>8}/{len(r.twin_ranks)}")
    rebuild_article_index()
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    import argparse
    import tempfile
    from pathlib import Path

    from servicedesk.db import open_database

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layers", action="store_true", help="one row per layer switched off")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "eval.db")
        try:
            ids = load_eval_set()
            if args.layers:
                print(layer_table(ids))
                return
            report = evaluate(ids)
            print(report.text())
            for name, score in report.scores.items():
                if name in ("independent", "suggest no context"):
                    continue  # the same misses are listed per style / with context
                for q, r in score.misses:
                    print(f"  miss [{name.strip()}] rank {r}: {q[:90]}")
        finally:
            db.close()


if __name__ == "__main__":
    main()
