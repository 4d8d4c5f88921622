"""Service contracts (active with a customer, passive with a supplier), tickets, renewals, billing."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel, FixedDecimalField, MoneyField
from .org import JobOrder, Operator
from .parties import Party
from .products import Product, Unit

PCT = dict(max_digits=7, decimal_places=3, auto_round=True)


class Contract(BaseModel):
    """R-CON-1..5. ``term_start``/``term_end`` are the *current* term; ``amount`` its value."""

    number = pw.CharField(max_length=30, unique=True)
    direction = pw.CharField(max_length=8, default="active")  # active (customer) / passive (supplier)
    party = pw.ForeignKeyField(Party, backref="contracts", index=True)
    title = pw.CharField(max_length=200)
    job_order = pw.ForeignKeyField(JobOrder, null=True, backref="contracts")
    signed_on = pw.DateField(null=True)
    signed_by = pw.ForeignKeyField(Operator, null=True, backref="signed_contracts")
    contract_type = pw.CharField(max_length=24, default="full_service")
    status = pw.CharField(max_length=12, default="draft", index=True)
    start_date = pw.DateField()
    initial_months = pw.IntegerField(default=12)  # first term
    renewal_months = pw.IntegerField(default=12)  # every later term
    term_no = pw.IntegerField(default=1)
    term_start = pw.DateField()
    term_end = pw.DateField(index=True)  # last day of the current term (inclusive)
    amount = MoneyField(default=0)
    renewal_type = pw.CharField(max_length=10, default="tacit")  # tacit, proposal, none
    change_pct = FixedDecimalField(default=0, **PCT)  # value change at renewal, +/-
    istat_share_pct = FixedDecimalField(default=0, **PCT)  # share of the ISTAT FOI change applied
    max_renewals = pw.IntegerField(null=True)  # None: no limit
    renewals_done = pw.IntegerField(default=0)
    notice_days = pw.IntegerField(default=90)
    # renewal on proposal: made this many days before the term ends (None: the office's
    # default, itself defaulting to the notice period)
    proposal_days = pw.IntegerField(null=True)
    # the ISTAT figure applied: None = the annual average of the year before the new term;
    # N = the change over 12 months of the month N months before the new term's first month
    istat_month_lag = pw.IntegerField(null=True)
    notice_given_on = pw.DateField(null=True)  # cancellation notice received/sent
    tickets_per_term = pw.IntegerField(default=0)  # credited at start and at each renewal
    tickets_per_request = pw.IntegerField(default=1)  # debited when a request is closed
    ticket_low_threshold = pw.IntegerField(default=2)
    response_hours = pw.IntegerField(null=True)  # service level; None: priority defaults
    resolution_hours = pw.IntegerField(null=True)
    billing_periodicity = pw.CharField(max_length=12, default="yearly")
    instalments_count = pw.IntegerField(default=1)
    # one instalment per calendar period, partial periods pro rata (services/billing.py)
    billing_by_calendar = pw.BooleanField(default=False)
    first_due_date = pw.DateField(null=True)
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)

    class Meta:
        audited = True


class ContractProduct(BaseModel):
    contract = pw.ForeignKeyField(Contract, backref="products", on_delete="CASCADE")
    product = pw.ForeignKeyField(Product)

    class Meta:
        indexes = ((("contract", "product"), True),)


class ContractUnit(BaseModel):
    contract = pw.ForeignKeyField(Contract, backref="units", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, backref="contract_links", index=True)

    class Meta:
        indexes = ((("contract", "unit"), True),)


class Instalment(BaseModel):
    """One payment of the billing plan (R-CON-5)."""

    contract = pw.ForeignKeyField(Contract, backref="instalments", on_delete="CASCADE")
    term_no = pw.IntegerField(default=1)
    seq = pw.IntegerField()
    due_date = pw.DateField(index=True)
    amount = MoneyField()
    paid_on = pw.DateField(null=True)
    note = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("contract", "term_no", "seq"), True),)


class TicketMovement(BaseModel):
    """The ticket ledger: balances are always the sum of these rows, never a stored counter."""

    contract = pw.ForeignKeyField(Contract, backref="ticket_movements", on_delete="CASCADE")
    at = pw.DateTimeField()
    quantity = pw.IntegerField()  # + credit, - debit
    kind = pw.CharField(max_length=12)  # initial, topup, renewal, debit, reversal, adjust
    term_no = pw.IntegerField(default=1)
    request = pw.DeferredForeignKey("ServiceRequest", null=True, backref="ticket_movements",
                                    index=True)
    operator = pw.ForeignKeyField(Operator, null=True)
    override = pw.BooleanField(default=False)  # debit made although no tickets remained
    note = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("contract", "at"), False),)


class ContractRenewal(BaseModel):
    """Renewal history: each renewal or proposal, with the formula and the figures used."""

    contract = pw.ForeignKeyField(Contract, backref="renewals", on_delete="CASCADE")
    from_term_no = pw.IntegerField()
    kind = pw.CharField(max_length=10)  # tacit, proposal
    # done (tacit); proposed → accepted (renews at the term end) / rejected / expired
    # (unanswered at the term end; may still be accepted late)
    status = pw.CharField(max_length=10)
    processed_on = pw.DateField()
    old_term_end = pw.DateField()
    new_term_start = pw.DateField()
    new_term_end = pw.DateField()
    old_amount = MoneyField()
    new_amount = MoneyField()
    change_pct = FixedDecimalField(**PCT)
    istat_share_pct = FixedDecimalField(**PCT)
    istat_change_pct = FixedDecimalField(null=True, **PCT)  # None: not applied (see below)
    istat_year = pw.IntegerField(null=True)  # the figure's period (None: no ISTAT share)
    istat_month = pw.IntegerField(null=True)  # None: the annual average of istat_year
    istat_waived = pw.BooleanField(default=False)  # renewed without the missing figure, by choice
    formula = pw.TextField(default="")
    decided_by = pw.ForeignKeyField(Operator, null=True)
    decided_on = pw.DateField(null=True)

    class Meta:
        indexes = ((("contract", "from_term_no"), True),)
