"""The Italian catalogue is complete and compiled (R-X-3)."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "servicedesk_it.ts"


def test_every_visible_string_has_an_italian_translation():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]


def test_committed_catalogue_has_no_unfinished_or_contextless_entries():
    root = ET.parse(TS).getroot()
    contexts = list(root.iter("context"))
    assert contexts
    for context in contexts:
        name = context.findtext("name")
        assert name, "a tr() call without a class context cannot be found at run time"
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") != "unfinished", \
                (name, message.findtext("source"))
            assert translation.text or list(translation), (name, message.findtext("source"))


def test_compiled_catalogue_is_newer_than_sources():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 100


def test_no_translation_call_hides_inside_an_f_string():
    """lupdate cannot read tr()/translate() inside f-string braces: such text stays English."""
    import re

    pattern = re.compile(r"""f["'][^"'\n]*\{[^}]*(\.tr\(|translate\()""")
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in (ROOT / "ui").rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert not offenders, offenders
