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


def test_lupdate_sees_every_translate_call():
    """Each QCoreApplication.translate("Context", "text", …) in ui/ is in the catalogue: lupdate
    silently skips some forms (a plural %n call left the overview card English, #12)."""
    import ast

    root = ET.parse(TS).getroot()
    known = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context")
             for m in c.iter("message")}
    missing = []
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in node.args[:2])):
                key = (node.args[0].value, node.args[1].value)
                if key not in known:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {key}")
    assert not missing, "\n".join(missing)
