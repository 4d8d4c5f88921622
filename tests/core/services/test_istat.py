"""ISTAT FOI figures (R-CON-4, #15 case 4): the figure a renewal needs, never a missing one,
the 12-month change of a chosen month, ISTAT's file read in its published layouts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.models import ContractRenewal, IstatIndex, IstatMonth, Party
from servicedesk.permissions import Role
from servicedesk.queries import contracts as q
from servicedesk.services import contracts as svc
from servicedesk.services import istat, istat_file, renewal_run, renewals
from servicedesk.services.istat import Period

D = dt.date


@pytest.fixture
def party(db):
    IstatIndex.delete().execute()
    IstatMonth.delete().execute()
    return Party.create(code="C1", name="Officine Rossi srl", is_customer=True)


def make(party, **kw):
    values = dict(party=party.id, title="Assistenza", start_date=D(2026, 3, 1),
                  amount=Decimal("1000.00"), status="active", istat_share_pct=Decimal("100"))
    values.update(kw)
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    return svc.create_contract(values)


@pytest.mark.parametrize("start, lag, period", [
    (D(2027, 3, 1), None, Period(2026)),          # annual average of the year before
    (D(2027, 1, 1), None, Period(2026)),
    (D(2027, 3, 1), 2, Period(2027, 1)),          # 2 months before March: January
    (D(2027, 1, 1), 1, Period(2026, 12)),         # across the year
    (D(2027, 1, 31), 12, Period(2026, 1)),
])
def test_needed_period(start, lag, period):
    assert istat.needed_period(start, lag) == period


def test_missing_figure_waits_then_renews_on_time(party):
    """#15 case 4: the term starting 1 Mar 2027 needs the 2026 average. Not in the table on
    2 Mar 2027: the renewal waits (nothing changes, an alert says which figure). Added on 10
    Mar (1.5 %): the next run renews from 1 Mar 2027 at 1000 × (1 + 100 % × 1.5 %) = 1015.00."""
    c = make(party)
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    result = renewal_run.run()
    assert result.items == []
    assert [(w.contract_id, w.action, w.reason, w.detail) for w in result.waiting] == [
        (c.id, "waiting", "istat_missing", "2026")]
    c = c.reload()
    assert (c.term_no, c.amount, c.status) == (1, Decimal("1000.00"), "active")
    assert renewals.outlook(c).state == "waiting" and renewals.outlook(c).period == Period(2026)
    assert q.alerts().waiting == [c.id]
    assert q.rows([c.id])[0].alert == "waiting"
    clock.freeze(dt.datetime(2027, 3, 10, 9))
    istat.save_year(2026, Decimal("1.5"), D(2027, 1, 16))
    result = renewal_run.run()
    assert [(i.action, str(i.new_amount)) for i in result.items] == [("renewed", "1015.00")]
    c = c.reload()
    assert (c.term_no, c.term_start, c.amount) == (2, D(2027, 3, 1), Decimal("1015.00"))
    assert q.alerts().waiting == []


def test_renew_without_istat_is_an_explicit_recorded_choice(party):
    """#15 case 4: the office renews without the missing figure: 1000 × (1 + 2 %) = 1020.00;
    the renewal says the figure was not published and who chose."""
    c = make(party, change_pct=Decimal("2"))
    running = make(party, start_date=D(2026, 6, 1))
    clock.freeze(dt.datetime(2027, 3, 5, 9))
    with pytest.raises(ValidationError) as info:  # its term has not ended: nothing waits
        renewals.renew_without_istat(running.id, running.version)
    assert info.value.errors[0].code == "renewals.not_waiting"
    manager = Actor(operator_id=None, role=Role.MANAGER, name="m")
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        with pytest.raises(PermissionDenied):
            renewals.renew_without_istat(c.id, c.version)
    with context.acting_as(manager):
        renewals.renew_without_istat(c.id, c.version)
    c = c.reload()
    assert (c.term_no, c.term_start, c.amount) == (2, D(2027, 3, 1), Decimal("1020.00"))
    h = ContractRenewal.get(ContractRenewal.contract == c.id)
    assert h.istat_waived and h.istat_change_pct is None and (h.istat_year, h.istat_month) == (
        2026, None)
    assert "ISTAT FOI 2026 annual average not published: renewed without it" in h.formula
    assert renewal_run.run().waiting == []


def test_twelve_month_change_of_a_chosen_month(party):
    """#15 case 4: "variazione FOI dei 12 mesi precedenti" two months before the renewal month:
    the term from 1 Mar 2027 applies January 2027's change over January 2026 (1.3 %), not the
    2026 average (2.0 %): 1000 × (1 + 75 % × 1.3 %) = 1009.75."""
    c = make(party, istat_share_pct=Decimal("75"), istat_month_lag=2)
    istat.save_year(2026, Decimal("2.0"), D(2027, 1, 16))
    istat.save_month(2027, 1, Decimal("1.3"), Decimal("122.5"))
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    renewal_run.run()
    h = ContractRenewal.get(ContractRenewal.contract == c.id)
    assert (h.istat_year, h.istat_month, h.istat_change_pct, h.new_amount) == (
        2027, 1, Decimal("1.300"), Decimal("1009.75"))
    assert "ISTAT FOI 01/2027 over 12 months" in h.formula


def test_contract_without_istat_share_never_waits(party):
    """No ISTAT share: no figure needed, the renewal goes on with the change % only."""
    c = make(party, istat_share_pct=Decimal("0"), change_pct=Decimal("3"))
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    assert [str(i.new_amount) for i in renewal_run.run().items] == ["1030.00"]
    assert c.reload().term_no == 2


def test_proposal_made_before_the_figure_is_completed_at_acceptance(party):
    """#15 case 3 + 4: on proposal, term to 28 Feb 2027, notice 90 days → proposed on 30 Nov
    2026 without the 2026 average (not yet published): provisional 1000.00. Accepting before
    the figure exists is refused unless the office agrees an amount or chooses to go without;
    once the figure (1.4 %) is in, acceptance computes 1014.00."""
    c = make(party, renewal_type="proposal")
    clock.freeze(dt.datetime(2026, 11, 30, 9))
    [item] = renewal_run.run().items
    assert (item.action, item.reason, item.detail) == ("proposed", "istat_pending", "2026")
    [proposal] = renewals.pending_proposals(c.id)
    assert proposal.new_amount == Decimal("1000.00") and proposal.istat_change_pct is None
    assert renewals.outlook(c.reload()).period == Period(2026)
    with pytest.raises(ValidationError) as info:
        renewals.accept_proposal(proposal.id)
    assert info.value.errors[0].code == "istat.missing"
    assert info.value.errors[0].params == {"period": "2026"}
    clock.freeze(dt.datetime(2027, 1, 20, 9))
    istat.save_year(2026, Decimal("1.4"), D(2027, 1, 16))
    renewals.accept_proposal(proposal.id)
    assert ContractRenewal.get_by_id(proposal.id).new_amount == Decimal("1014.00")
    clock.freeze(dt.datetime(2027, 3, 1, 9))
    renewal_run.run()
    assert (c.reload().term_no, c.reload().amount) == (2, Decimal("1014.00"))


def test_proposal_accepted_without_istat_is_recorded(party):
    c = make(party, renewal_type="proposal", change_pct=Decimal("1"))
    clock.freeze(dt.datetime(2026, 12, 1, 9))
    renewal_run.run()
    [proposal] = renewals.pending_proposals(c.id)
    renewals.accept_proposal(proposal.id, without_istat=True)
    row = ContractRenewal.get_by_id(proposal.id)
    assert row.istat_waived and row.new_amount == Decimal("1010.00")
    assert "not published: renewed without it" in row.formula


def test_shipped_figures(db):
    """Only verified figures are shipped, each with its sources; the run never invents one."""
    dec = IstatMonth.get(year=2025, month=12)
    assert (dec.change_pct, dec.index_value, dec.index_base) == (Decimal("1.10"),
                                                                Decimal("121.50"), "2015")
    assert all(m.note.startswith("ISTAT FOI; fonti: ") for m in IstatMonth.select())
    assert IstatIndex.get(year=2024).change_pct == Decimal("0.80")


def test_month_editing(party):
    row = istat.save_month(2026, 10, "1,2".replace(",", "."), published_on=D(2026, 11, 14))
    assert IstatMonth.get(year=2026, month=10).change_pct == Decimal("1.20")
    istat.save_month(2026, 10, Decimal("1.3"), Decimal("122.1"), expected_version=row.version)
    assert IstatMonth.get(year=2026, month=10).index_value == Decimal("122.10")
    for kw, code in ((dict(month=13), "istat.month_range"),
                     (dict(change_pct="x"), "invalid_number"),
                     (dict(change_pct=None), "required"),
                     (dict(published_on=D(2026, 9, 30)), "istat.published_before_month"),
                     (dict(change_pct=Decimal("200")), "istat.change_range")):
        args = dict(year=2026, month=10, change_pct=Decimal("1"))
        args.update(kw)
        with pytest.raises(ValidationError) as info:
            istat.save_month(**args)
        assert info.value.errors[0].code == code
    istat.delete_month(2026, 10)
    assert IstatMonth.get_or_none(year=2026, month=10) is None


# -- ISTAT's file ---------------------------------------------------------------------------------
# Test samples in ISTAT's layouts. The figures are made up (they are not ISTAT's).
ESPLORADATI_CSV = """\
DATAFLOW,FREQ: Frequenza,REF_AREA: Territorio,DATA_TYPE: Tipo dato,E_COICOP_REV_ISTAT: Ecoicop,TIME_PERIOD: Periodo,OBS_VALUE,BASE_PER,OBS_STATUS
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,IT: Italia,4: indici generali in base 2015=100,00: indice generale,2026-08,122.9,2015,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,IT: Italia,4: indici generali in base 2015=100,01: prodotti alimentari,2026-08,140.2,2015,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,IT: Italia,38: variazioni percentuali rispetto allo stesso periodo dell'anno precedente,00: indice generale,2026-08,0.9,,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,IT: Italia,37: variazioni percentuali rispetto al periodo precedente,00: indice generale,2026-08,0.1,,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,IT: Italia,38: variazioni percentuali rispetto allo stesso periodo dell'anno precedente,00: indice generale,2026-09,"1,0",,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,IT: Italia,4: indici generali in base 2015=100,00: indice generale,2026-09,122.8,2015,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),M: mensile,ITC4: Lombardia,38: variazioni percentuali rispetto allo stesso periodo dell'anno precedente,00: indice generale,2026-09,3.0,,
IT1:167_744_DF_DCSP_FOI1B2015_1(1.0),A: annuale,IT: Italia,40: variazione media annua,00: indice generale,2025,1.3,,
"""

ISTAT_CSV_OLD = """\
"ITTER107";"Territorio";"TIPO_DATO7";"Tipo dato";"ECOP_COICOP_2015";"Ecoicop (2015)";"TIME";"Seleziona periodo";"Value";"Flag Codes";"Flags"
"IT";"Italia";"4_INDEX_2015";"indici generali in base 2015=100";"00";"indice generale";"2025-10";"ott-2025";"121,6";"";""
"IT";"Italia";"4_INDEX_2015";"indici generali in base 2015=100";"00";"indice generale";"2026-10";"ott-2026";"122,9";"";""
"IT";"Italia";"4_INDEX_2015";"indici generali in base 2015=100";"00";"indice generale";"2026-11";"nov-2026";"..";"";""
"""


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_parse_esploradati_csv(tmp_path):
    """SDMX-CSV with labels: general index of Italy only; the change over the same period of
    the year before taken as published; the change over the month before skipped; a yearly
    average change read as the annual figure."""
    parsed = istat_file.parse(_write(tmp_path, "foi.csv", ESPLORADATI_CSV))
    months = {(m.year, m.month): m for m in parsed.months}
    assert months[(2026, 8)] == istat_file.MonthFigure(2026, 8, Decimal("122.9"), "2015",
                                                       Decimal("0.9"), False)
    assert months[(2026, 9)].change_pct == Decimal("1.0")  # not Lombardy's 3.0
    assert parsed.years == [istat_file.YearFigure(2025, Decimal("1.3"))]


def test_parse_old_istat_csv_computes_changes_from_indices(tmp_path):
    """I.Stat CSV (semicolons, decimal commas, cp1252) with indices only: October 2026's change
    is computed from the indices rounded to one decimal, by hand (122.9 / 121.6 − 1) × 100 =
    1.069 → 1.1, and marked computed; a missing value (..) is no figure."""
    parsed = istat_file.parse(_write(tmp_path, "foi.csv", ISTAT_CSV_OLD, "cp1252"))
    months = {(m.year, m.month): m for m in parsed.months}
    assert months[(2026, 10)].change_pct == Decimal("1.1") and months[(2026, 10)].computed
    assert months[(2025, 10)].change_pct is None  # no index a year before in the file
    assert (2026, 11) not in months


def _wide_workbook(path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "FOI"
    names = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"]
    sheet.append(["Campione di prova: valori inventati, non dati ISTAT"])
    sheet.append(["Indici nazionali dei prezzi al consumo per le famiglie di operai e impiegati "
                  "(FOI) al netto dei tabacchi - Base 2015=100"])
    sheet.append([])
    sheet.append(["Anni"] + names + ["Media"])
    sheet.append([2025] + [120 + i / 10 for i in range(12)] + [120.55])
    sheet.append([2026] + [122.0, 122.1, 122.3, None, None, None, None, None, None, None,
                           None, None] + [None])
    sheet.append([])
    sheet.append(["Variazioni percentuali rispetto allo stesso mese dell'anno precedente"])
    sheet.append(["Anni"] + names + ["Media"])
    sheet.append([2025] + ["1,3", "1,5", "1,4", "1,3", "1,2", "1,1", "1,0", "1,4", "1,4",
                           "1,2", "1,0", "1,1"] + ["1,2"])
    sheet.append([2026] + ["1,5", "1,6"] + [".."] * 10 + [None])
    sheet.append([])
    sheet.append(["Variazioni percentuali rispetto al mese precedente"])
    sheet.append(["Anni"] + names)
    sheet.append([2026] + [0.4, 0.1] + [None] * 10)
    sheet.append([])
    sheet.append(["Fonte: Istat"])
    book.save(path)


def test_parse_wide_workbook(tmp_path):
    """The year × months table with title rows, an index block (base 2015=100), a block of
    changes over the same month of the year before (with the annual average in "Media") and
    a block of changes over the month before (skipped)."""
    path = tmp_path / "foi.xlsx"
    _wide_workbook(path)
    parsed = istat_file.parse(path)
    months = {(m.year, m.month): m for m in parsed.months}
    assert months[(2025, 1)] == istat_file.MonthFigure(2025, 1, Decimal("120"), "2015",
                                                       Decimal("1.3"), False)
    assert months[(2026, 2)].change_pct == Decimal("1.6")  # as published, not recomputed
    # March 2026: no published change in the file; from the indices (122.3 / 120.2 − 1) × 100
    # = 1.747 → 1.7
    assert (months[(2026, 3)].change_pct, months[(2026, 3)].computed) == (Decimal("1.7"), True)
    assert (2026, 4) not in months
    assert parsed.years == [istat_file.YearFigure(2025, Decimal("1.2"))]


@pytest.mark.parametrize("content", [b"", b"just some text\nnothing here\n",
                                     b"PK\x03\x04broken zip"])
def test_unrecognised_files_are_refused(tmp_path, content):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        istat_file.parse(path)
    assert info.value.errors[0].code in ("istat.file_unrecognised", "istat.file_unreadable")


def test_import_adds_and_updates_figures_in_one_go(party, tmp_path):
    """The import writes new months and years, updates changed ones, leaves equal ones and
    never removes a figure; an average of a year not over yet is left out."""
    path = tmp_path / "foi.xlsx"
    _wide_workbook(path)
    istat.save_month(2025, 1, Decimal("9.9"))  # typed wrong by hand
    istat.save_month(2024, 6, Decimal("0.8"))  # not in the file: stays
    plan = istat.import_figures(istat_file.parse(path), "foi.xlsx", today=D(2026, 11, 30))
    assert (len(plan.months_new), len(plan.months_changed), plan.computed) == (14, 1, 1)
    assert [y.year for y in plan.years_new] == [2025]
    assert IstatMonth.get(year=2025, month=1).change_pct == Decimal("1.30")
    assert IstatMonth.get(year=2024, month=6).change_pct == Decimal("0.80")
    assert "computed from the indices" in IstatMonth.get(year=2026, month=3).note
    assert IstatIndex.get(year=2025).change_pct == Decimal("1.20")
    again = istat.import_figures(istat_file.parse(path), "foi.xlsx", today=D(2026, 11, 30))
    assert again.writes == 0
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        with pytest.raises(PermissionDenied):
            istat.import_figures(istat_file.parse(path))
