"""Knowledge base core: articles, index in step, apply, draft from a request, suggestions
(R-KB-1, R-KB-2, R-REQ-4)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from servicedesk.models import (KbApplication, KbArticle, Party, Priority, Product, RequestEvent,
                                RequestUnit, ServiceRequest, Unit)
from servicedesk.permissions import Role
from servicedesk.queries.kb import KbFilter, families, search, suggest
from servicedesk.search import fold, index_text
from servicedesk.search.index import (ensure_indexes, index_request, index_status,
                                      rebuild_indexes, sync_request_index)
from servicedesk.services import kb


def art(**kw) -> kb.ArticleData:
    base = dict(title="Caldaia in blocco E01", symptoms="Il bruciatore non si accende.",
                solution="Pulire l'elettrodo di accensione.")
    base.update(kw)
    return kb.ArticleData(**base)


def ids(hits):
    return [h.id for h in hits]


@pytest.fixture
def stuff(db):
    customer = Party.create(code="C1", name="Rossi Srl")
    printer = Product.create(code="P1", name="LaserJet M404", family="Stampanti")
    boiler = Product.create(code="B1", name="Caldaia Eco 24", family="Caldaie")
    u1 = Unit.create(product=printer, serial="SN-1", owner=customer)
    u2 = Unit.create(product=printer, serial="SN-2", owner=customer)
    u3 = Unit.create(product=boiler, serial="CB-1", owner=customer)
    prio = Priority.get(Priority.code == "normal")
    return dict(customer=customer, printer=printer, boiler=boiler, u1=u1, u2=u2, u3=u3, prio=prio)


_n = [0]


def make_request(stuff, description, report="", status="resolved", units=(), subject=""):
    _n[0] += 1
    req = ServiceRequest.create(number=f"RS-2026-{_n[0]:06d}", customer=stuff["customer"],
                                subject=subject, description=description, priority=stuff["prio"],
                                status=status, opened_at=dt.datetime(2026, 1, 5, 9),
                                final_report=report,
                                resolved_at=dt.datetime(2026, 1, 6) if status == "resolved" else None)
    for u in units:
        RequestUnit.create(request=req, unit=u)
    return req


# -- text ------------------------------------------------------------------------------------

def test_folding_and_stemming_match_word_forms():
    assert fold("Perché L'ÀCQUA") == "perche l acqua"
    assert index_text("stampante") == index_text("stampanti")
    assert index_text("blocca") == index_text("bloccato")


# -- articles (R-KB-1) -----------------------------------------------------------------------

def test_create_edit_archive_keep_index_in_step(db):
    a = kb.create_article(art(tags="caldaia, blocco, Caldaia"))
    assert a.tags == "caldaia, blocco"
    assert ids(search(KbFilter(text="bruciatori"))) == [a.id]
    a2 = kb.update_article(a.id, a.version, art(title="Condizionatore non raffredda",
                                                symptoms="Aria tiepida dallo split.",
                                                solution="Ricaricare il gas."))
    assert a2.version == a.version + 1
    assert search(KbFilter(text="bruciatore")) == []
    assert ids(search(KbFilter(text="split raffredda"))) == [a.id]
    kb.set_archived(a.id, a2.version, True)
    assert search(KbFilter(text="split")) == []
    assert ids(search(KbFilter(text="split", archived=True))) == [a.id]
    restored = kb.set_archived(a.id, a2.version + 1, False)
    assert not restored.archived
    assert ids(search(KbFilter(text="split"))) == [a.id]


def test_validation_lists_every_problem_and_writes_nothing(db):
    with pytest.raises(ValidationError) as err:
        kb.create_article(kb.ArticleData(title="  ", solution="", tags="x" * 400,
                                         product_id=99999, problem_type_id=99999))
    codes = {(e.field, e.code) for e in err.value.errors}
    assert {("title", "required"), ("solution", "required"), ("tags", "too_long"),
            ("product", "not_found"), ("problem_type", "not_found")} <= codes
    assert KbArticle.select().count() == 0


def test_huge_and_odd_text_is_kept_and_searchable(db):
    body = "Errore <b>&amp; \"strano\" 😀 " + "parola " * 2000 + "zeolite"
    a = kb.create_article(art(symptoms=body))
    hits = search(KbFilter(text="zeolite"))
    assert ids(hits) == [a.id]
    assert "<b>&amp;" not in hits[0].snippet_html  # user text is escaped in snippets
    with pytest.raises(ValidationError):
        kb.create_article(art(solution="x" * (kb.MAX_TEXT + 1)))


def test_concurrent_edit_is_a_conflict(db):
    a = kb.create_article(art())
    kb.update_article(a.id, a.version, art(title="Edited elsewhere"))
    with pytest.raises(ConflictError) as err:
        kb.update_article(a.id, a.version, art(title="Mine"))
    assert any(c.field == "title" for c in err.value.changes)
    assert KbArticle.get_by_id(a.id).title == "Edited elsewhere"


def test_product_sets_family_and_filters(db, stuff):
    a = kb.create_article(art(product_id=stuff["boiler"].id))
    general = kb.create_article(art(title="Caldaia: reset generale", product_family="Caldaie"))
    other = kb.create_article(art(title="Caldaia di altra famiglia", product_family="Altro"))
    assert a.product_family == "Caldaie"
    found = ids(search(KbFilter(text="caldaia", product_id=stuff["boiler"].id)))
    assert set(found) == {a.id, general.id}
    assert other.id not in ids(search(KbFilter(text="caldaia", family="Caldaie")))
    assert "Caldaie" in families()
    pt = KbArticle.get_by_id(a.id).problem_type_id
    assert pt is None


def test_no_text_lists_newest_first(db):
    a = kb.create_article(art(title="Primo"))
    b = kb.create_article(art(title="Secondo"))
    assert ids(search(KbFilter())) [:2] in ([b.id, a.id], [a.id, b.id])
    assert set(ids(search(KbFilter()))) == {a.id, b.id}


def test_typo_tolerance(db):
    a = kb.create_article(art(title="Stampante inceppata", symptoms="Carta inceppata",
                              solution="Pulire i rulli."))
    assert ids(search(KbFilter(text="stampnte", typing=False))) == [a.id]


# -- apply inside a request (R-KB-2) -----------------------------------------------------------

def test_apply_counts_once_and_logs_event(db, stuff):
    a = kb.create_article(art())
    req = make_request(stuff, "caldaia ferma", status="in_progress")
    version = req.version
    first = kb.apply_article(a.id, req.id)
    again = kb.apply_article(a.id, req.id)
    assert first.new and not again.new
    assert KbArticle.get_by_id(a.id).applied_count == 1
    assert KbApplication.select().count() == 1
    assert RequestEvent.select().where(RequestEvent.kind == "kb_applied").count() == 1
    assert ServiceRequest.get_by_id(req.id).version == version  # the open editor keeps its copy
    assert kb.applied_article_ids(req.id) == {a.id}
    assert "elettrodo" in kb.solution_note(a)
    assert kb.unapply_article(a.id, req.id)
    assert KbArticle.get_by_id(a.id).applied_count == 0


def test_apply_refuses_archived_and_missing(db, stuff):
    a = kb.create_article(art())
    req = make_request(stuff, "x", status="new")
    kb.set_archived(a.id, a.version)
    with pytest.raises(ValidationError):
        kb.apply_article(a.id, req.id)
    with pytest.raises(NotFound):
        kb.apply_article(99999, req.id)


def test_permission_enforced_in_core(db, stuff, monkeypatch):
    from servicedesk import permissions

    monkeypatch.setitem(permissions._MATRIX, Role.TECHNICIAN, frozenset())
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        with pytest.raises(PermissionDenied):
            kb.create_article(art())


# -- article from a request (R-REQ-4) ----------------------------------------------------------

def test_draft_and_create_from_resolved_request(db, stuff):
    req = make_request(stuff, "La caldaia va in blocco ogni mattina. Codice E01.",
                       report="Sostituito elettrodo di accensione.", units=[stuff["u3"]])
    draft = kb.draft_from_request(req.id)
    assert draft.title == "La caldaia va in blocco ogni mattina"
    assert draft.solution == "Sostituito elettrodo di accensione."
    assert draft.product_id == stuff["boiler"].id and draft.product_family == "Caldaie"
    a = kb.create_from_request(req.id, draft)
    assert a.source_request_id == req.id
    open_req = make_request(stuff, "aperta", status="in_progress")
    with pytest.raises(ValidationError) as err:
        kb.draft_from_request(open_req.id)
    assert err.value.errors[0].code == "kb.request_not_resolved"


# -- suggestions ------------------------------------------------------------------------------

def test_suggest_articles_and_past_requests_boosted_by_unit(db, stuff):
    a = kb.create_article(art(title="Stampante: carta inceppata", symptoms="Inceppamento carta",
                              solution="Pulire i rulli", product_id=stuff["printer"].id))
    other = make_request(stuff, "Carta inceppata nella stampante", report="Puliti i rulli",
                         units=[stuff["u2"]])
    same = make_request(stuff, "Stampante: la carta si inceppa", report="Cambiato il rullo",
                        units=[stuff["u1"]])
    make_request(stuff, "Carta inceppata", report="", status="resolved")  # no report: not shown
    for r in ServiceRequest.select():
        index_request(r.id)
    s = suggest("la stampante inceppa la carta", unit_ids=[stuff["u1"].id])
    assert ids(s.articles) == [a.id] and s.articles[0].same_product
    assert [h.id for h in s.requests][:2] == [same.id, other.id]
    assert s.requests[0].same_unit and "rullo" in s.requests[0].final_report
    assert "<b>" in s.requests[0].snippet_html
    # the request being edited is not suggested to itself
    s2 = suggest("carta inceppata", exclude_request_id=same.id)
    assert same.id not in [h.id for h in s2.requests]


def test_suggest_is_robust_to_rows_missing_or_stale(db, stuff):
    req = make_request(stuff, "Caldaia perde acqua", report="Sostituita valvola")
    assert suggest("caldaia perde").requests == []  # not indexed yet: no error, nothing shown
    assert sync_request_index() == 1
    assert [h.id for h in suggest("caldaia perde").requests] == [req.id]
    # reopened by a program that does not call index_request: not suggested any more
    ServiceRequest.update(status="in_progress").where(ServiceRequest.id == req.id).execute()
    assert suggest("caldaia perde").requests == []
    assert sync_request_index() == 1
    assert sync_request_index() == 0
    docs = db.execute_sql("SELECT docs FROM kb_request_terms WHERE term = ''").fetchone()[0]
    assert docs == 0  # term counts follow the index (used for ranking past requests)


def test_rebuild_after_raw_inserts_and_status(db, stuff):
    db.execute_sql("INSERT INTO kb_article (uuid, created_at, updated_at, version, title, symptoms, "
                   "cause, solution, product_family, tags, applied_count, archived) VALUES "
                   "('u1', '2026-01-01', '2026-01-01', 1, 'Telecamera nera di notte', '', '', "
                   "'Controllare infrarossi', '', '', 0, FALSE)")
    make_request(stuff, "telecamera nera", report="infrarossi guasti")
    assert not index_status().articles_ok
    out = rebuild_indexes()
    assert out["articles"] == 1 and out["requests"] == 1
    assert index_status().ok
    assert len(search(KbFilter(text="telecamere"))) == 1
    ensure_indexes()  # nothing to do
    db.execute_sql("UPDATE kb_index_state SET value = '0' WHERE key = 'format'")
    assert not ensure_indexes().articles_ok
    assert index_status().ok
