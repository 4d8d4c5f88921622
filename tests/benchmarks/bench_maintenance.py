"""Maintenance and import benchmarks (issue 8).

``maintenance_generate``: 60 days of visits for the large demo's 5,000 plans (≤ 5 s), placed on
the board, inside a rolled-back transaction. ``import_10k``: 10,000 customer rows read from an
.xlsx written here and imported (validated + written) in a rolled-back transaction (≤ 10 s).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from harness import Bench

_TMP = Path(tempfile.gettempdir())


def _valid_vat(n: int) -> str:
    from stdnum import luhn

    base = f"{n % 10_000_000:07d}" + f"{1 + n % 100:03d}"
    return base + luhn.calc_check_digit(base)


def _write_customers(path: Path, rows: int) -> None:
    import openpyxl

    provinces = ["MI", "TO", "RM", "NA", "BO", "FI", "VE", "BG", "BS", "PD"]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Clienti")
    ws.append(["Ragione sociale", "Partita IVA", "Indirizzo", "CAP", "Città", "Provincia",
               "Telefono", "E-mail", "Note"])
    for i in range(rows):
        ws.append([f"Cliente importato {i:05d} srl", _valid_vat(9_000_000 + i), f"Via Roma {i % 300}",
                   f"{20100 + i % 50:05d}", "Milano", provinces[i % len(provinces)],
                   f"02 {1000000 + i}", f"info{i}@cliente{i}.it", ""])
    wb.save(path)


def benchmarks(env) -> list[Bench]:
    from servicedesk.models import MaintenancePlan
    from servicedesk.services import imports, maintenance

    plans = MaintenancePlan.select().where(MaintenancePlan.active == True).count()  # noqa: E712
    created: list[int] = []

    def generate() -> None:
        from servicedesk.models import Intervention, OutboxMessage

        with env.rolled_back():
            # The full job: the demo's planned visits are removed first (inside the rolled-back
            # transaction), so every plan's 60 days are generated and placed from scratch.
            planned = (Intervention.select(Intervention.id)
                       .where(Intervention.maintenance_plan.is_null(False),
                              Intervention.status == "planned"))
            OutboxMessage.delete().where(OutboxMessage.intervention.in_(planned)).execute()
            Intervention.delete().where(Intervention.id.in_(planned)).execute()
            result = maintenance.generate(60)
            created.append(len(result.created))

    xlsx = _TMP / "servicedesk_bench_import_10k.xlsx"

    def setup_import() -> None:
        if not xlsx.exists():
            _write_customers(xlsx, 10_000)

    def run_import() -> None:
        mapping = imports.guess_mapping("customers", imports.read_headers(xlsx))
        with env.rolled_back():
            report = imports.run_import(xlsx, "customers", mapping)
            assert report.written, report.refused[:3]

    return [
        Bench("maintenance_generate", generate, "≤ 5 s for 60 days × 5,000 plans",
              target_p95_ms=5000, target_on="median", repeat=5, warmup=1,
              note=f"{plans} active plans (of the demo's 5,000); planned visits removed, then all "
                   "60 days generated and placed; rolled back"),
        Bench("import_10k", run_import, "≤ 10 s for 10,000 customer rows from .xlsx",
              target_p95_ms=10_000, target_on="median", repeat=3, warmup=1, setup=setup_import,
              note="read (openpyxl read-only) + validate every row + bulk write, rolled back"),
    ]
