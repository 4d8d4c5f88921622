"""Deterministic demo data: a small office to try ServiceDesk, a large one to benchmark it."""
from __future__ import annotations

# Conventions of the generated data (other modules and tests may rely on them):
# - everything is relative to ``today`` and reproducible from ``seed``; "now" is today 08:00,
#   so the whole history lies before it and every planned intervention after it;
# - the data is what the services would have written, computed with the services' own rules:
#   the working calendar and holidays of services.sla (SLA due times in working time), first
#   response = leaving 'new', only allowed status moves (services.requests), renewal history
#   and amounts from services.renewals, billing plans from services.billing, warranty ends
#   from services.units, maintenance visits as services.maintenance dates them (on site, no
#   SLA clocks, next due one period after the last completed visit);
# - the tables and their columns are the models' (servicedesk.models): no copy of the schema;
# - Product.family and KbArticle.product_family hold the Italian family label
#   ("Stampanti e multifunzione", "Caldaie", ...); VAT numbers are 11 digits without "IT";
# - e-mail addresses use the reserved ``.example`` domain, so a notice can never reach a
#   real company;
# - contract statuses: draft, active, suspended, expired, cancelled; periodicity: monthly,
#   quarterly, half_yearly, yearly; instalments exist for every term (``term_no``);
# - planned interventions never overlap for one operator and avoid absences and holidays;
# - derived data is built at the end: FTS index of requests, KB search indexes, SLA keys.
# Rows are written as plain tuples through the raw sqlite3 connection: the large scale is
# about 3.5 million rows and must be written in well under 90 seconds.
#
# Modules: scales (sizes), vocabulary (words, names, places), worktime (working minutes),
# board (free slots), writer (rows → tables), base/builder (the stages put together) and one
# module per stage: org, parties, units, contracts, maintenance, requests, work, kb, tickets;
# load (the file: pragmas, indexes, derived data) and cli (``servicedesk-demo``).
from .cli import main
from .load import DEMO_PASSWORD, ensure_demo_database, generate
from .scales import SCALES, Scale, TeamSpec

__all__ = ["DEMO_PASSWORD", "SCALES", "Scale", "TeamSpec", "ensure_demo_database", "generate",
           "main"]
