"""The customer's signature of an intervention as an image for its sheet (R-X-7, #16)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from servicedesk.services import signatures


def customer_signature(intervention_id: int, size: QSize = QSize(1200, 480)
                       ) -> tuple[QImage, str, object] | None:
    """(image, signer's name, signed at) of the intervention, or None when nobody signed."""
    from ..widgets.signature_pad import image

    found = signatures.signature_of(intervention_id)
    if found is None:
        return None
    path, name, at = found
    return image(path, size), name, at
