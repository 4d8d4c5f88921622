"""The knowledge base: articles (some written from a request) and their uses."""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from .base import Stage
from .vocabulary import weighted

if TYPE_CHECKING:
    from .requests import RequestDraft


class KbStage(Stage):
    """Articles planned before the requests (which may then apply them), written last."""

    def _plan_kb(self, skeleton: list[tuple[int, int, int, int]]) -> None:
        """KB articles, some written from a resolved request (which then uses their text)."""
        rng, cal = self.rng, self.cal
        n = self.scale.kb_articles
        limit = cal.now - 60 * 1440
        eligible = [rid for rid, e in enumerate(skeleton, 1) if e[1] == 0 and e[0] < limit
                    and rid not in self.open_ids and rid not in self.cancel_ids]
        sources = rng.sample(eligible, min(int(n * 0.4), len(eligible) // 3))
        articles: list[list[Any]] = []
        for rid in sources:
            opened, _, uid, packed = skeleton[rid - 1]
            p = self.problem_list[packed // 4]
            articles.append([opened + 3 * 1440, rid, packed // 4, self.unit_product[uid],
                             self._rr(0, len(p.symptoms)), self._rr(0, len(p.fixes)),
                             self._rr(-6, 5)])
        fam_w = [self.texts["families"][f]["weight"] for f in self.families]
        first = (cal.today - 5 * 365) * 1440
        for _ in range(n - len(sources)):
            family = weighted(rng, self.families, fam_w, 1)[0]
            p = weighted(rng, self.problems[family], self.problem_weights[family], 1)[0]
            product = self._pick(self.products[family]) if rng.random() < 0.7 else None
            articles.append([first + int((limit - first) * rng.random()), 0,
                             self.problem_index[id(p)], product, self._rr(0, len(p.symptoms)),
                             self._rr(0, len(p.fixes)), self._rr(-6, 5)])
        articles.sort(key=lambda a: (a[0], a[1], a[2]))
        self.kb_articles = articles
        self.kb_forced = {a[1]: aid for aid, a in enumerate(articles, 1) if a[1]}
        self.kb_static: dict[int, list[tuple[int, int]]] = {}
        for aid, a in enumerate(articles, 1):
            if not a[1]:
                self.kb_static.setdefault(a[2], []).append((a[0], aid))
        self.kb_dynamic: dict[int, list[tuple[int, int]]] = {}
        self.kb_applied = [0] * (n + 1)
        self.kb_author: dict[int, int | None] = {}

    def _apply_kb(self, req: RequestDraft, pidx: int, at: int) -> None:
        candidates = []
        static = self.kb_static.get(pidx)
        if static:
            n = bisect.bisect_left(static, (at, 0))
            if n:
                candidates.append(static[self._rr(0, n)][1])
        dynamic = self.kb_dynamic.get(pidx)
        if dynamic:
            created, aid = dynamic[self._rr(0, len(dynamic))]
            if created < at:
                candidates.append(aid)
        if not candidates:
            return
        aid = self._pick(candidates)
        when = at + self._rr(1, 30)
        w = self.w
        stamp = self.cal.ts(when)
        w.rows["kb_application"].append((w.new_id("kb_application"), w.uuid(), stamp, stamp, 1, aid,
                                         req.rid, req.owner, stamp))
        self.kb_applied[aid] += 1
        req.kb_article = aid
        req.events.append((when, req.owner, "kb_applied", None, None,
                           f"Applicata la soluzione dell'articolo KB n. {aid}."))

    # knowledge base: articles with their applications counted
    def build_kb(self) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        tips = self.phr["kb_tips"]
        rows = w.rows["kb_article"]
        for aid, (created, source, pidx, product, si, fix, tip) in enumerate(
                self.kb_articles, 1):
            p = self.problem_list[pidx]
            author = self.kb_author.get(aid)
            if author is None:
                team = self._tech_team(p.family, rng.random() < 0.3)
                author = self._pick(self.techs[team])
            if product is not None:
                _, name, manufacturer, _, _ = self.product_info[product]
                title = f"{p.subject} – {name}"
                tags = [*p.tags, manufacturer]
            else:
                title = f"{p.subject} ({self.family_label[p.family].lower()})"
                tags = list(p.tags)
            symptoms = p.symptoms[si]
            if len(p.symptoms) > 1 and rng.random() < 0.3:
                symptoms += "\n" + p.symptoms[(si + 1) % len(p.symptoms)]
            cause, solution = p.fixes[fix]
            solution += f"\nNota: {tips[tip]}" if tip >= 0 else ""
            stamp = cal.ts(min(created, cal.now - 1))
            rows.append((aid, w.uuid(), stamp, stamp, 1, title[:200], symptoms, cause, solution,
                         product, self.family_label[p.family], self.problem_type[p.pt],
                         ", ".join(tags)[:300], author, source or None, self.kb_applied[aid], 0))
        w.next_id["kb_article"] = len(self.kb_articles) + 1
