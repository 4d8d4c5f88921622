"""Extension points between features, so that no feature edits another's widgets.

Request editor panels: the request editor (requests feature) shows, beside its form, one tab per
registered panel — interventions, work log, KB suggestions, audit trail … A panel factory gets
``(ctx, editor)`` and returns a QWidget built for that editor (it may read the request at once).
The editor builds a panel the first time its tab is shown, and afterwards tells it about the
request whenever the request is loaded or saved — while the panel is shown, else when it is
shown next — in one of two ways:

- ``panel.read(request_id)`` and ``panel.show_read(result)``: ``read`` reads the core only (no
  widget: it runs on the editor's worker thread, as the signed-in operator) and ``show_read``
  shows its answer on the GUI thread. Prefer this: opening a request never waits for a panel.
- else ``panel.set_request(editor)`` on the GUI thread (keep it under ~50 ms on the large DB).

The editor offers:

- ``editor.request_id`` → ``int | None`` (None while the request is new and unsaved)
- ``editor.description_text()`` → the description as typed so far
- ``editor.description_changed`` (Signal(str)), emitted as the user types
- ``editor.units_changed`` (Signal()), ``editor.unit_ids()`` → list[int], ``editor.product_ids()``
- ``editor.customer_id()`` → ``int | None``
- ``editor.append_note(text)``: add text to the note being written (does not save)
- ``editor.reload()``: re-read the request from the database
- ``editor.request_saved`` (Signal(int)) after every successful save
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class RequestPanel:
    key: str
    title: Callable[[], str]  # called at build time, so it is translated
    factory: Callable[[object, object], QWidget]  # (ctx, editor) -> widget
    order: int = 100


_REQUEST_PANELS: dict[str, RequestPanel] = {}


def register_request_panel(panel: RequestPanel) -> None:
    _REQUEST_PANELS[panel.key] = panel


def request_panels() -> list[RequestPanel]:
    return sorted(_REQUEST_PANELS.values(), key=lambda p: (p.order, p.key))
