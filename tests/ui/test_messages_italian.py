"""No message shown to an Italian user names an internal field or is left in English (R-X-3, #12).

The core's validation errors pass through ``ui.messages.error_text``: every field code the core
can name has a translated label in one registry (``ui/field_labels.py``), and the services'
real validation paths, driven with bad input, read as Italian sentences.
"""
from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from servicedesk.errors import FieldError, ServiceDeskError, ValidationError

ROOT = Path(__file__).resolve().parents[2]
# Words an Italian sentence never contains but an untranslated English one nearly always does.
ENGLISH = {"the", "of", "and", "with", "is", "are", "not", "cannot", "this", "that", "from",
           "to", "for", "has", "have", "was", "be", "by", "overlaps", "completed", "scheduled",
           "intervention", "required", "must", "field", "please", "look", "files", "type",
           "chart", "requests", "contracts", "notices", "sheet", "operator", "select", "first",
           "saved", "exported", "rows"}
RAW_PREFIX = re.compile(r"(?m)^\s*•?\s*([a-z][a-z0-9_.]*):")


def english_words(text: str) -> set[str]:
    """The English words of ``text``, leaving out file paths and markup (data, not wording)."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\S*[/\\]\S*", " ", text)
    return {w for w in re.findall(r"[A-Za-z]+", text.lower())} & ENGLISH


def raw_field_prefixes(text: str) -> list[str]:
    """Lines that start with an internal code ("planned_end:") instead of a label."""
    return [m.group(1) for m in RAW_PREFIX.finditer(text)]


def core_field_codes() -> set[str]:
    """Every field name the core puts in a FieldError: string literals, the names of the
    ``*_FIELDS`` tuples the services validate in loops, and the planned/actual time pairs."""
    codes: set[str] = {"planned_start", "planned_end", "actual_start", "actual_end"}
    for path in (ROOT / "servicedesk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "FieldError" \
                    and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and node.args[0].value:
                codes.add(node.args[0].value)
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and getattr(node.targets[0], "id", "").endswith("_FIELDS") \
                    and isinstance(node.value, ast.Tuple):
                codes |= {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    return codes


@pytest.fixture
def italian(qapp):
    from ui import i18n

    i18n.install(qapp, "it")
    yield
    i18n.install(qapp, "en")


def test_every_core_field_code_has_a_label_in_the_registry():
    from ui.field_labels import LABELS

    codes = core_field_codes()
    assert len(codes) > 80  # the scan still finds the services' fields
    missing = sorted(c for c in codes if c not in LABELS)
    assert not missing, f"field codes without a label in ui/field_labels.py: {missing}"


def test_each_field_reads_as_an_italian_label(italian):
    from ui.messages import error_text

    for code in sorted(core_field_codes()):
        text = error_text(ValidationError(FieldError(code, "required")))
        assert text.endswith("Campo obbligatorio."), (code, text)
        assert not raw_field_prefixes(text), (code, text)
    # a code nobody labelled: the sentence alone, never the code
    assert error_text(ValidationError(FieldError("no_such_field", "required"))) == \
        "Campo obbligatorio."


def _messages_from_services() -> list[str]:
    """Bad input through the real services (the paths the forms call), as the user reads it."""
    from decimal import Decimal

    from servicedesk.models import ActivityType, Intervention, Operator, ServiceRequest
    from servicedesk.services import interventions, kb, requests, worklogs
    from ui.messages import error_text

    request = ServiceRequest.select().where(ServiceRequest.status == "in_progress").first()
    operator = Operator.select().where(Operator.role == "technician").first()
    activity = ActivityType.select().first()
    start = dt.datetime.combine(dt.date.today(), dt.time(10))
    calls = [
        lambda: requests.create_request(requests.RequestInput()),
        lambda: interventions.schedule(request.id, activity_type_id=activity.id,
                                       planned_start=start, planned_end=start - dt.timedelta(hours=1),
                                       operator_id=operator.id),
        lambda: interventions.complete(Intervention.select().where(
            Intervention.status == "planned").first(), actual_start=start,
            actual_end=start - dt.timedelta(hours=1), report=""),
        lambda: worklogs.create(request.id, worklogs.WorklogInput(
            operator_id=operator.id, work_date=dt.date.today() - dt.timedelta(days=1),
            activity_type_id=activity.id, start_time=dt.time(11), end_time=dt.time(10))),
        lambda: worklogs.create(request.id, worklogs.WorklogInput(
            operator_id=operator.id, work_date=dt.date.today() + dt.timedelta(days=3),
            activity_type_id=activity.id, minutes=-5, km=Decimal("-1"))),
        lambda: kb.create_article(kb.ArticleData()),
    ]
    texts = []
    for call in calls:
        with pytest.raises(ServiceDeskError) as info:
            call()
        texts.append(error_text(info.value))
    return texts


def test_validation_messages_of_the_services_are_italian(demo_db, italian, qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.app import build_window

    window = build_window(demo_db, lang="it", screenshot=True)  # features register their texts
    qtbot.addWidget(window)
    assert QApplication.instance() is not None
    texts = _messages_from_services()
    joined = "\n".join(texts)
    for needed in ("Fine pianificata", "Fine effettiva", "Ora di fine", "Soluzione"):
        assert needed in joined, (needed, joined)
    for text in texts:
        assert not raw_field_prefixes(text), text
        assert not english_words(text), text


def test_qt_file_dialog_speaks_italian(italian, qtbot):
    """Qt's own dialogs (file dialogs: "Cerca in", "File di tipo") use Qt's Italian catalogue."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "Salva", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text().replace("&", "") for label in dialog.findChildren(QLabel))
    assert "Cerca in" in texts and "File di tipo" in texts, texts
    assert "Look in" not in texts and "Files of type" not in texts
