"""What the user typed in the KB search → the groups of index terms it looks for (R-KB-1, R-KB-2, #20):
which words count, how much a synonym, a typo correction and the word being typed weigh, English
terms, product codes, long pasted texts."""
from __future__ import annotations

import pytest

from servicedesk.search import layers
from servicedesk.search.query import (FIRST_WORDS, MAX_GROUPS, PREFIX, SYNONYM, TYPO, Group,
                                      informative, parse)


class Vocab:
    """The terms of a small index (what the KB's articles contain), with a fixed list of
    near misses for the typo layer."""

    def __init__(self, terms: set[str], similar: dict[str, list[str]] | None = None) -> None:
        self.terms = terms
        self.near = similar or {}

    def __contains__(self, term: str) -> bool:
        return term in self.terms

    def has_prefix(self, prefix: str) -> bool:
        return any(t.startswith(prefix) for t in self.terms)

    def stem_of(self, word: str, shortest: int = 4) -> str | None:
        found = [t for t in self.terms if len(t) >= shortest and word.startswith(t)]
        return max(found, key=len) if found else None

    def similar(self, word: str, stemmed: str, limit: int = 3) -> list[str]:
        return self.near.get(word, [])[:limit]


def words(text: str, **kw) -> list[str]:
    return [g.word for g in parse(text, **kw).groups]


def terms(text: str, **kw) -> list[dict[str, float]]:
    return [g.terms for g in parse(text, **kw).groups]


def test_stop_words_and_single_letters_are_not_searched():
    """"la stampante non stampa": the article and "non" say nothing; "pc" (two letters) does."""
    assert words("la stampante non stampa") == ["stampante", "stampa"]
    assert words("e a x stampante") == ["stampante"]
    assert words("il pc non si accende") == ["pc", "accende"]


def test_the_word_being_typed_counts_even_when_short_or_a_stop_word():
    """While typing "stampante e…" the "e" may become "errore": it is searched as a prefix; once
    a space follows, it is a stop word again."""
    typed = parse("stampante e", prefix_last=True).groups
    assert [g.word for g in typed] == ["stampante", "e"]
    assert words("stampante e ", prefix_last=True) == ["stampante"]
    assert words("stampante e") == ["stampante"]  # not typing: a search of the whole text


def test_the_word_being_typed_is_matched_as_a_prefix_of_three_letters_or_more():
    vocab = Vocab({"inceppament", "stampant"})
    group = parse("carta incep", prefix_last=True, vocab=vocab).groups[-1]
    assert (group.word, group.prefixes) == ("incep", {"incep": PREFIX})
    assert parse("carta in", prefix_last=True, vocab=vocab).groups[-1].prefixes == {}  # 2 letters
    # a prefix no index term starts with is no prefix
    assert parse("carta incx", prefix_last=True, vocab=vocab).groups[-1].prefixes == {}
    # without an index to ask, any three letters are a prefix
    assert parse("carta inc", prefix_last=True).groups[-1].prefixes == {"inc": PREFIX}


def test_a_word_typed_past_its_stem_finds_the_stem():
    """"inceppament" (typing "inceppamento"): the index term "incepp" is a prefix of it, and
    counts as much as a prefix."""
    vocab = Vocab({"incepp"})
    group = parse("carta inceppament", prefix_last=True, vocab=vocab).groups[-1]
    assert group.terms.get("incepp") == PREFIX
    assert group.prefixes == {}
    short = parse("carta ince", prefix_last=True, vocab=Vocab({"inc"})).groups[-1]
    assert "inc" not in short.terms  # a stem of three letters is too short to say anything


def test_a_word_in_two_forms_or_twice_is_one_group():
    assert words("stampante stampanti") == ["stampante"]
    # a synonym of a word already searched adds nothing
    assert words("stampante multifunzione") == ["stampante"]
    assert words("guarnizione rotta guarnizione") == ["guarnizione", "rotta"]


def test_the_word_being_typed_is_kept_even_if_it_repeats_an_earlier_one():
    """"stampante stamp…": the second word may still become "stampa"; it stays as the prefix."""
    typed = parse("stampante stampant", prefix_last=True).groups
    assert [g.word for g in typed] == ["stampante", "stampant"]
    assert typed[-1].prefixes == {"stampant": PREFIX}


def test_weights_of_the_word_its_synonyms_and_its_translation():
    """The word itself counts 1, a synonym 0.6; an English word counts 1 for its Italian word
    too, and 0.6 for that word's synonyms."""
    assert SYNONYM == 0.6 and TYPO == 0.7 and PREFIX == 0.8
    (stampante,) = terms("stampante")
    assert stampante["stampant"] == 1.0 and stampante["fotocop"] == SYNONYM
    (printer,) = terms("printer")
    assert printer["printer"] == 1.0 and printer["stampant"] == 1.0 and printer["fotocop"] == SYNONYM


def test_a_term_keeps_its_highest_weight():
    g = Group("x")
    g.add("a", 0.6)
    g.add("a", 1.0)
    g.add("a", 0.6)
    g.add("", 1.0)  # nothing to look for
    assert g.terms == {"a": 1.0}


def test_english_two_word_terms_are_one_group():
    """"paper jam in the printer": "paper jam" is one group (inceppamento carta), "printer"
    another; the English function words are dropped."""
    parsed = parse("paper jam in the printer").groups
    assert [(g.word, g.kind) for g in parsed] == [("paper jam", "english"), ("printer", "word")]
    assert parsed[0].terms["incepp"] == 1.0 and parsed[0].terms["cart"] == 1.0
    assert parsed[0].terms["incastr"] == SYNONYM
    assert [g.word for g in parse("air conditioner noisy").groups] == ["air conditioner", "noisy"]
    assert [g.word for g in parse("hot water air conditioner").groups] == ["hot water",
                                                                         "air conditioner"]


def test_without_the_english_layer_english_words_are_plain_words():
    with layers.using(english=False):
        parsed = parse("the printer jams").groups
    assert [(g.word, g.terms) for g in parsed] == [("printer", {"printer": 1.0}),
                                                   ("jams", {"jams": 1.0})]


def test_a_product_code_is_also_searched_joined_and_by_its_number():
    parsed = parse("HL-L6400DW inceppata").groups
    assert [(g.word, g.kind) for g in parsed] == [
        ("hl", "word"), ("l6400dw", "word"), ("inceppata", "word"), ("hll6400dw", "code"),
        ("6400", "code")]
    assert parsed[3].terms == {"hll6400dw": 1.0}
    with layers.using(codes=False):
        assert words("HL-L6400DW") == ["hl", "l6400dw"]
    assert words("modello 6400") == ["modello", "6400"]  # a form already searched is not repeated


def test_typos_are_corrected_only_for_words_the_index_lacks():
    """"stampnte" is not in the index and is no Italian word: the index terms a typo away
    count 0.7, their synonyms 0.7 × 0.6. A word the index has, a short word, a word with digits,
    an English word and an Italian word are left as typed."""
    vocab = Vocab({"stampant", "fotocop"}, similar={"stampnte": ["stampant"],
                                                    "tonerr": ["toner"], "ab12": ["ab1"]})
    (group,) = parse("stampnte", vocab=vocab).groups
    assert group.terms["stampant"] == TYPO
    assert group.terms["fotocop"] == pytest.approx(TYPO * SYNONYM)
    assert "stampant" not in parse("stampnte", vocab=vocab, is_word=lambda w: True).groups[0].terms
    assert parse("stampante", vocab=vocab).groups[0].terms["stampant"] == 1.0
    assert "ab1" not in parse("ab12", vocab=vocab).groups[0].terms
    with layers.using(typo=False):
        assert "stampant" not in parse("stampnte", vocab=vocab).groups[0].terms
    assert "stampant" not in parse("stampnte").groups[0].terms  # no index: no correction


def test_a_pasted_text_is_searched_by_at_most_64_words():
    text = " ".join(f"zq{a}{b}k" for a in "abcdefghij" for b in "abcdefghij")  # 100 words
    assert len(parse(text).groups) == MAX_GROUPS == 64
    assert len(parse(text, max_groups=5).groups) == 5


def test_without_the_content_layer_only_the_first_twelve_words_count():
    text = " ".join(f"zq{a}{b}k" for a in "abc" for b in "abcdefghij")  # 30 words
    with layers.using(content=False):
        assert words(text) == text.split()[:FIRST_WORDS] and FIRST_WORDS == 12
    assert len(words(text)) == 30


# -- the most telling words of a long text ---------------------------------------------------
def groups(*names: str) -> list[Group]:
    return [Group(n, terms={n: 1.0}) for n in names]


def test_the_rarest_words_the_index_has_are_searched_first():
    """Words the index lacks are dropped; the rest go rarest first, ties in the order typed."""
    df = {"caldaia": 90, "fiamma": 4, "ciao": 0, "ugello": 4, "blocco": 10}
    got = informative(groups("caldaia", "fiamma", "ciao", "ugello", "blocco"),
                      lambda g: df[g.word], total=100, limit=10)
    assert [g.word for g in got] == ["fiamma", "ugello", "blocco", "caldaia"]
    with layers.using(content=False):  # as typed
        got = informative(groups("caldaia", "fiamma", "ugello"), lambda g: df[g.word], 100, 10)
        assert [g.word for g in got] == ["caldaia", "fiamma", "ugello"]
    got = informative(groups("caldaia", "fiamma", "ugello", "blocco"), lambda g: df[g.word],
                      total=100, limit=2)
    assert [g.word for g in got] == ["fiamma", "ugello"]


def test_a_word_in_more_than_half_of_a_large_index_selects_nothing():
    """In 1000 articles "caldaia" (in 600) is left to the scoring; in 500 (exactly half) it is
    searched; in an index of 200 articles every word is."""
    df = {"caldaia": 600, "fiamma": 4}
    got = informative(groups("caldaia", "fiamma"), lambda g: df[g.word], total=1000, limit=10)
    assert [g.word for g in got] == ["fiamma"]
    got = informative(groups("caldaia", "fiamma"), lambda g: {"caldaia": 500, "fiamma": 4}[g.word],
                      total=1000, limit=10)
    assert [g.word for g in got] == ["fiamma", "caldaia"]
    got = informative(groups("caldaia", "fiamma"), lambda g: {"caldaia": 150, "fiamma": 4}[g.word],
                      total=200, limit=10)
    assert [g.word for g in got] == ["fiamma", "caldaia"]
    got = informative(groups("caldaia", "fiamma"), lambda g: {"caldaia": 101, "fiamma": 4}[g.word],
                      total=201, limit=10)  # just over 200 articles: the rule applies
    assert [g.word for g in got] == ["fiamma"]
    typed = Group("cald", terms={"cald": 1.0}, prefixes={"cald": PREFIX})
    got = informative([typed], lambda g: 900, total=1000, limit=10)  # the word being typed stays
    assert got == [typed]


def test_a_budget_of_matches_keeps_at_least_three_words():
    """The words are taken rarest first while their matches fit the budget, but at least three."""
    df = {"a1": 10, "b1": 20, "c1": 30, "d1": 40, "e1": 1}
    def pick(budget, **kw):
        return [g.word for g in informative(groups("a1", "b1", "c1", "d1"), lambda g: df[g.word],
                                            100, 10, budget, **kw)]
    assert pick(None) == ["a1", "b1", "c1", "d1"]
    assert pick(5) == ["a1", "b1", "c1"]  # over budget from the first, but three are kept
    assert pick(100) == ["a1", "b1", "c1", "d1"]  # 10 + 20 + 30 + 40 = 100 fits
    assert pick(99) == ["a1", "b1", "c1"]
    assert pick(15, least=1) == ["a1"]


def test_typos_are_corrected_from_four_letters_and_not_when_a_synonym_is_in_the_index():
    """"tonr" (four letters) is corrected to "toner"; "copiatrice" is not, as its synonym
    "stampante" is in the index; "printer" (an English word) is not either."""
    vocab = Vocab({"toner", "stampant"}, similar={"tonr": ["toner"], "copiatrice": ["copia"],
                                                  "printer": ["print"]})
    assert parse("tonr", vocab=vocab).groups[0].terms["toner"] == TYPO
    assert "copia" not in parse("copiatrice", vocab=vocab).groups[0].terms
    assert "print" not in parse("printer", vocab=Vocab({"cart"}, similar={"printer": ["print"]})
                                ).groups[0].terms
