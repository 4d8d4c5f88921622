"""The UI's one write path (ui/ops.py) and its one background helper (ui/workers.py) (issue 13)."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, QThread
from PySide6.QtWidgets import QMessageBox, QWidget

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, ValidationError
from servicedesk.models import Operator, Setting
from servicedesk.permissions import Role
from servicedesk.services import operators
from ui.appctx import AppContext
from ui.bus import EventBus
from ui.workers import Worker


@pytest.fixture
def ctx(db, tmp_path):
    return AppContext(db=db, bus=EventBus(), settings=QSettings(str(tmp_path / "s.ini"),
                                                                 QSettings.Format.IniFormat))


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes the op runner shows, answered at once."""
    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


def test_a_write_publishes_its_change_set_once(qtbot, ctx):
    changes, topics = [], []
    ctx.bus.changes.connect(changes.append)
    ctx.bus.changed.connect(topics.append)
    widget = QWidget()
    qtbot.addWidget(widget)
    outcome = ctx.ops.run(widget, operators.create_team, "Assistenza Nord")
    assert outcome is not None and outcome.result.name == "Assistenza Nord"
    assert len(changes) == 1 and changes[0].ids("team") == {outcome.result.id}
    assert changes[0].origin is widget
    assert topics == [{"operators"}]


def test_a_conflict_is_told_once_then_the_caller_reloads(qtbot, ctx, boxes):
    team = operators.create_team("Nord")
    mine, theirs = type(team).get_by_id(team.id), type(team).get_by_id(team.id)
    operators.update_team(theirs, name="Nord-Est")
    reloaded: list[ConflictError] = []
    result = ctx.ops.run(None, operators.update_team, mine, name="Nord-Ovest",
                         on_conflict=reloaded.append)
    assert result is None and len(reloaded) == 1
    assert len(boxes) == 1 and "Nord-Est" in boxes[0]
    assert mine.version == 1 and mine.name == "Nord"  # as before the failed write


def test_validation_goes_to_the_callers_handler_first(qtbot, ctx, boxes):
    handled = []

    def failing():
        raise ValidationError("required")

    assert ctx.ops.run(None, failing, on_failure=lambda err: handled.append(err) or True) is None
    assert len(handled) == 1 and boxes == []
    assert ctx.ops.run(None, failing) is None
    assert len(boxes) == 1


def test_bugs_are_not_swallowed(qtbot, ctx, boxes):
    def broken():
        raise KeyError("bug")

    with pytest.raises(KeyError):
        ctx.ops.run(None, broken)


def test_a_commit_in_a_worker_thread_is_published_on_the_gui_thread(qtbot, ctx):
    threads: list[bool] = []
    ctx.bus.changes.connect(lambda c: threads.append(QThread.currentThread() is ctx.ops.thread()))
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = Worker(owner)
    with qtbot.waitSignal(ctx.bus.changes, timeout=5000):
        worker.run(lambda: Setting.create(key="from.worker", value="1"))
    assert threads == [True]


def test_change_sets_of_another_database_are_not_published(qtbot, ctx, tmp_path):
    from servicedesk.db import open_database

    seen = []
    ctx.bus.changes.connect(seen.append)
    other = open_database(tmp_path / "other.db")
    try:
        Setting.create(key="elsewhere", value="1")
    finally:
        other.close()
    assert seen == []


def test_lookups_are_read_again_only_after_they_changed(qtbot, ctx):
    first = ctx.lookups()
    assert ctx.lookups() is first
    Setting.create(key="unrelated", value="1")
    assert ctx.lookups() is first
    operators.create_team("Sud")
    second = ctx.lookups()
    assert second is not first and [t.name for t in second.teams] == ["Sud"]


# -- the background helper -----------------------------------------------------------------
def test_worker_runs_as_the_operator_who_asked_and_closes_its_connection(qtbot, db):
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = Worker(owner)
    seen = {}

    def job():
        seen["actor"] = context.current().name
        seen["ops"] = Operator.select().count()
        seen["thread"] = threading.get_ident()
        return "ok"

    results = []
    with context.acting_as(Actor(7, Role.TECHNICIAN, "luca")):
        worker.run(job, on_done=results.append)
    qtbot.waitUntil(lambda: results == ["ok"], timeout=5000)
    assert seen["actor"] == "luca" and seen["thread"] != threading.get_ident()
    assert db._state.closed is False  # the GUI thread's connection is untouched


def test_a_newer_job_with_the_same_key_drops_the_older_result(qtbot, db):
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = Worker(owner, threads=2)
    gate = threading.Event()
    results = []

    def slow():
        gate.wait(5)
        return "old"

    worker.run(slow, on_done=results.append, key="filter")
    worker.run(lambda: "new", on_done=results.append, key="filter")
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    gate.set()
    worker.wait()
    qtbot.wait(50)
    assert results == ["new"]


def test_progress_cancel_and_errors_reach_the_gui_thread(qtbot, db):
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = Worker(owner)
    progress, errors, done = [], [], []
    started = threading.Event()
    release = threading.Event()

    def long_job(control, n):
        for i in range(n):
            control.progress(i + 1, n, "")
            if i == 0:
                started.set()
                release.wait(5)
            control.check()
        return "finished"

    job = worker.run(long_job, 5, control=True, on_done=done.append, on_error=errors.append,
                     on_progress=lambda d, t, s: progress.append((d, t)))
    started.wait(5)
    job.cancel()
    release.set()
    worker.wait()
    qtbot.wait(50)
    assert done == [] and errors == []  # cancelled: neither result nor error
    worker.run(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
    worker.run(long_job, 3, control=True, on_done=done.append,
               on_progress=lambda d, t, s: progress.append((d, t)))
    qtbot.waitUntil(lambda: done == ["finished"], timeout=5000)
    assert (3, 3) in progress
