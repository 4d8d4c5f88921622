"""``servicedesk-demo``: write a demo database from the command line."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

from ..errors import ServiceDeskError
from .load import generate
from .scales import SCALES


def _summary(path: Path, scale: str, seed: int, counts: dict[str, int], seconds: float) -> str:
    suppliers = SCALES[scale].suppliers
    parts = [(counts["party"] - suppliers, "customers"), (suppliers, "suppliers"),
             (counts["unit"], "units"), (counts["contract"], "contracts"),
             (counts["service_request"], "requests"), (counts["intervention"], "interventions"),
             (counts["work_log"], "work logs"), (counts["kb_article"], "KB articles")]
    size = path.stat().st_size / 1_048_576
    listed = ", ".join(f"{n:,} {label}" for n, label in parts)
    return f"{path}: {scale} demo (seed {seed}): {listed}; {size:,.1f} MB in {seconds:.1f} s"


def main(argv: Sequence[str] | None = None) -> int:
    """``servicedesk-demo [--scale small|large] [--seed N] [--force] PATH``."""
    parser = argparse.ArgumentParser(prog="servicedesk-demo",
                                     description="Write a ServiceDesk demo database.")
    parser.add_argument("path", help="the database file to create")
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.path, args.scale, seed=args.seed, overwrite=args.force)
    except (ValueError, ServiceDeskError, OSError) as exc:
        print(f"servicedesk-demo: error: {exc}", file=sys.stderr)
        return 2
    print(_summary(Path(args.path).expanduser(), args.scale, args.seed, counts,
                   time.perf_counter() - started))
    return 0


