"""KB search layers, one cause of issue #15 each (R-KB-1, R-KB-2): synonym groups that never
merge, typo correction only for non-words, product codes, English terms, long e-mails, and
suggestions that rank like search, prefer the exact model and fall back instead of emptying."""
from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from servicedesk.models import Party, Product, Unit
from servicedesk.queries.kb import KbFilter, parse_for_articles, search, suggest
from servicedesk.search import layers
from servicedesk.search.lexicon import is_italian
from servicedesk.search.synonyms import GROUPS, expand, group_stems
from servicedesk.search.text import index_text, stem, words
from servicedesk.services import kb


def article(title: str, symptoms: str = "", solution: str = "Vedi manuale.", **kw) -> int:
    return kb.create_article(kb.ArticleData(title=title, symptoms=symptoms, solution=solution,
                                            **kw)).id


def found(text: str, limit: int = 5) -> list[int]:
    return [h.id for h in search(KbFilter(text=text, typing=False, limit=limit))]


# -- synonyms ---------------------------------------------------------------------------------

def test_no_two_synonym_groups_share_a_stem():
    stems = group_stems()
    for (i, a), (j, b) in itertools.combinations(enumerate(stems), 2):
        assert not a & b, f"groups {GROUPS[i]!r} and {GROUPS[j]!r} share {sorted(a & b)}"


def test_a_word_expands_to_its_own_group_only():
    for line, group in zip(GROUPS, group_stems()):
        for s in group:
            assert expand(s) == group - {s}, line
    assert stem("registratore") not in expand(stem("telecamera"))


def test_stop_words_stay_out_of_the_index_whatever_was_stemmed_before():
    stem("quando")  # the highlighter and the word being typed stem stop words too
    assert index_text("quando arriva il tecnico") == index_text("arriva tecnico")


# -- codes and joined words -----------------------------------------------------------------

def test_codes_are_indexed_with_and_without_dash():
    text = index_text("Stampante HL-L6400DW, errore E133, Wi-Fi")
    for term in ("hll6400dw", "l6400dw", "6400", "e133", "133", "wif"):
        assert term in text.split(), term
    assert set(index_text("SMT 750").split()) >= {"smt", "750", "smt750"}


def test_product_codes_find_their_article(db):
    printer = Product.create(code="BRO-HLL6400DW", name="Stampante laser HL-L6400DW",
                             family="Stampanti")
    mine = article("Toner esaurito con cartuccia nuova", product_id=printer.id)
    article("Toner esaurito: ordinare la cartuccia", product_family="Stampanti")
    for query in ("HLL6400DW", "hl-l6400dw toner", "HL L6400DW", "BRO-HLL6400DW"):
        assert found(query)[0] == mine, query
    ups = article("Batteria da sostituire – Smart-UPS SMT750")
    assert found("SMT 750")[0] == ups and found("smt-750")[0] == ups
    boiler = article("Errore E133 mancata accensione")
    assert found("errore 133")[0] == boiler


def test_wifi_matches_wi_fi_both_ways(db):
    dashed = article("Il Wi-Fi cade di continuo")
    plain = article("Configurare la rete wifi ospiti")
    assert set(found("wifi")) == {dashed, plain}
    assert set(found("wi-fi")) == {dashed, plain}


# -- typo correction ------------------------------------------------------------------------

def test_typos_are_corrected_only_when_not_an_italian_word(db):
    target = article("Caldaia in blocco", "La caldaia non si accende.")
    assert is_italian("cialda") and not is_italian("caldaja")
    typo = parse_for_articles("caldaja", typing=False)
    assert stem("caldaia") in typo.groups[0].terms  # corrected …
    assert typo.groups[0].terms[stem("caldaia")] < 1.0  # … at a lower weight than a real match
    real = parse_for_articles("cialda", typing=False)  # a real word the KB lacks: left alone
    assert set(real.groups[0].terms) == {stem("cialda")}
    assert found("caldaja") == [target] and found("cialda") == []


def test_english_words_are_not_corrected_into_italian(db):
    article("Stampante non in linea")
    q = parse_for_articles("printer", typing=False)
    assert stem("stampante") in q.groups[0].terms and q.groups[0].terms[stem("stampante")] == 1.0


# -- English terms ---------------------------------------------------------------------------

def test_english_terms_find_italian_articles(db):
    printer = article("Stampante risulta non in linea", "I PC non vedono la stampante.")
    ac = article("Il condizionatore non raffredda", "Lo split soffia aria tiepida.")
    boiler = article("Caldaia spenta con display nero", "Nessuna spia accesa.")
    assert found("printer offline")[0] == printer
    assert found("air conditioner not cooling")[0] == ac
    assert found("boiler display blank")[0] == boiler
    with layers.using(english=False):
        assert found("air conditioner not cooling") == []


# -- long texts ------------------------------------------------------------------------------

EMAIL = ("Buongiorno, vi scrivo per conto dello studio Bianchi di via Roma 12, come d'accordo "
         "con il vostro commerciale la settimana scorsa, per segnalarvi un problema che ci "
         "preoccupa: da lunedì la caldaia in lavanderia gocciola dalla valvola di sicurezza e "
         "sul pavimento c'è una pozza. Grazie, cordiali saluti, Marta")


def test_a_long_pasted_email_is_searched_by_its_content(db):
    leak = article("Gocciolamento sotto la caldaia", "Gocciola la valvola di sicurezza, pozza.")
    article("Studio medico: configurazione della rete", "Nuovo studio in via Roma.")
    assert len(words(EMAIL)) > 40
    assert found(EMAIL)[0] == leak
    assert suggest(EMAIL, requests=0).articles[0].id == leak


# -- suggestions -----------------------------------------------------------------------------

@pytest.fixture
def twins(db):
    owner = Party.create(code="C1", name="Rossi")
    e24 = Product.create(code="BAX-E24", name="Caldaia Luna Duo-tec E 24", family="Caldaie")
    e33 = Product.create(code="BAX-E33", name="Caldaia Luna Duo-tec E 33", family="Caldaie")
    unit = Unit.create(product=e33, serial="SN-33", owner=owner)
    a24 = article("Errore E133 mancata accensione – E 24", "La caldaia si blocca con E133.",
                  "Sostituire l'elettrodo.", product_id=e24.id)
    a33 = article("Errore E133 mancata accensione – E 33", "La caldaia si blocca con E133.",
                  "Tarare la valvola del gas.", product_id=e33.id)
    leak = article("Perdita d'acqua sotto la caldaia", "Gocciola la valvola di sicurezza.",
                   product_family="Caldaie")
    return dict(e24=e24, e33=e33, unit=unit, a24=a24, a33=a33, leak=leak)


def test_the_exact_model_wins_among_twin_articles(twins):
    text = "La caldaia non parte e va in blocco con errore E133"
    plain = [h.id for h in suggest(text, requests=0).articles]
    assert {twins["a24"], twins["a33"]} <= set(plain[:2])
    by_product = suggest(text, [twins["e24"].id], requests=0).articles
    assert by_product[0].id == twins["a24"] and by_product[0].same_product
    by_serial = suggest(text, unit_ids=[twins["unit"].id], requests=0).articles
    assert by_serial[0].id == twins["a33"] and by_serial[1].id == twins["a24"]


def test_the_product_does_not_hide_the_right_family_article(twins):
    s = suggest("Perdita d'acqua sotto la caldaia, c'è una pozza", [twins["e24"].id], requests=0)
    assert s.articles[0].id == twins["leak"]


def test_suggest_ranks_on_all_words_and_does_not_empty(twins):
    """An incidental rare word (a time, a room) that one unrelated article holds must not
    leave only that article, nor empty the list."""
    article("Installazione in mansarda", "Montaggio di un nuovo split in mansarda alle 6:30.")
    s = suggest("Alle 6:30 in mansarda la caldaia va in blocco con errore E133", requests=0)
    assert len(s.articles) >= 3
    assert {twins["a24"], twins["a33"]} <= {h.id for h in s.articles[:3]}


def test_suggest_falls_back_to_the_products_articles(twins):
    s = suggest("zzzz qqqq", [twins["e33"].id], requests=0)
    assert [h.id for h in s.articles][:1] == [twins["a33"]]
    assert twins["leak"] in {h.id for h in s.articles}
    assert suggest("zzzz qqqq", requests=0).articles == []


# -- the ranking does not depend on the engine ------------------------------------------------

def test_ranking_modules_know_no_engine():
    """Parsing and scoring are shared with a future PostgreSQL engine (R-X-6): they must not
    import the SQLite engine, the models or the database."""
    root = Path(__file__).resolve().parents[3] / "servicedesk" / "search"
    for name in ("query.py", "rank.py", "synonyms.py", "english.py", "typo.py", "text.py",
                 "lexicon.py", "highlight.py", "layers.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not {m for m in imported if m in ("fts5", "index", "engine", "sqlite3")
                    or "models" in m or m.endswith(("fts5", ".index", "peewee"))}, name
        assert "execute_sql" not in (root / name).read_text(encoding="utf-8"), name
