"""``python -m servicedesk.demo``: the same as ``servicedesk-demo``."""
from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":  # importing the module (tests walk every module) runs nothing
    sys.exit(main())
