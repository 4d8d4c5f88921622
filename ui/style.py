"""The application's style sheet, with its icon paths made absolute."""
from __future__ import annotations


def stylesheet() -> str:
    """The style sheet with ``@ICONS@`` made the absolute icons folder (a relative url()
    would be read from the working directory)."""
    from servicedesk import resources

    text = resources.style_sheet_file().read_text(encoding="utf-8")
    return text.replace("@ICONS@", resources.icons_dir().as_posix())
