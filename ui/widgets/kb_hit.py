"""One search hit as rich text: highlighted title, where it applies, highlighted snippet."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

MARK = '<span style="background:#fde68a;">'


def marked(fragment: str) -> str:
    """Core snippets mark matches with <b>; shown as a yellow highlight."""
    return fragment.replace("<b>", MARK).replace("</b>", "</span>")


class KbHitLabel(QLabel):
    def __init__(self, title_html: str, meta: str, snippet_html: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbHit")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setContentsMargins(6, 4, 6, 4)
        self.setText(f'<div style="font-weight:600;">{marked(title_html)}</div>'
                     f'<div style="color:#6b7280;">{html.escape(meta)}</div>'
                     f'<div>{marked(snippet_html)}</div>')
        # The style sheet's font now, not at the first paint: the list sizes each hit by
        # heightForWidth() before it is shown, and the unstyled font measured a line short
        # (the last line of a hit was cut).
        self.ensurePolished()
