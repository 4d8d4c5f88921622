"""The request editor, a workspace tab: the form, the status workflow, the history and the
panels of other features, each in its own module (R-REQ-1, R-REQ-2, R-REQ-5)."""
from __future__ import annotations

from .editor import RequestEditor, editor_title

__all__ = ["RequestEditor", "editor_title"]
