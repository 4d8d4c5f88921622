"""The Italian word list is read line by line, with the same words json.loads would give (#13:
one json.loads call held the interpreter for 120 ms while the window started)."""
from __future__ import annotations

import gzip
import json

from servicedesk import resources
from servicedesk.search import lexicon


def test_the_shipped_list_reads_the_same_words_as_json():
    raw = resources.dependency_file("spellchecker", "resources/it.json.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    assert lexicon._keys(text) == list(json.loads(text))


def test_escaped_keys_and_other_layouts_read_as_json():
    assert lexicon._keys('{\n"perch\\u00e9": 3,\n"citt\\u00e0": 1,\n"caldaia": 9\n}') == \
        ["perché", "città", "caldaia"]
    assert lexicon._keys('{"valvola": 1, "pompa": 2}') == ["valvola", "pompa"]  # one line
    assert lexicon._keys('{\n"a": 1,\n"b": "x"\n}') == ["a", "b"]  # a value that is no count
    assert lexicon._keys('{\n}') == []
