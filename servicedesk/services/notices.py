"""Customer notices before planned maintenance visits (R-MNT-2).

``notice_days`` before each planned visit (per plan, default 7) a notice is queued in the outbox
for every contact of the unit's customer who receives notices: date and time window, the
technician, what will be done, how to reschedule, with an ``.ics`` invitation. A contact without
e-mail — or a customer without any such contact and without e-mail — gets a printable letter.
Each notice has a dedup key (visit + planned time + recipient): building notices again never
queues the same notice twice; a visit moved to another time gets a new notice.

Texts are written in the office language (``notices.sender`` setting, Italian by default):
they go to customers, not to the screen, so they are composed here rather than by Qt.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from .. import clock, context, settings
from ..errors import FieldError, ValidationError
from ..models import (ActivityType, Contact, Intervention, MaintenancePlan, OutboxMessage, Operator,
                      Party, Product, RequestUnit, ServiceRequest, Unit)
from ..permissions import Permission
from .parties import valid_email

SETTING_KEY = "notices.sender"
MAX_NOTICE_DAYS = 90

WEEKDAYS = {"it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
            "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
MONTHS = {"it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                 "settembre", "ottobre", "novembre", "dicembre"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"]}

TEXTS = {
    "it": {
        "subject": "Visita di {activity} programmata per {date} – {company}",
        "greeting": "Gentile {name},",
        "intro": "le ricordiamo la visita di {activity} programmata presso di voi:",
        "date": "Data",
        "window": "Fascia oraria",
        "window_value": "dalle {start} alle {end}",
        "technician": "Tecnico",
        "technician_tbd": "da assegnare",
        "where": "Presso",
        "units": "Apparecchiature",
        "what": "Cosa faremo",
        "reference": "Riferimento",
        "reschedule": "Se la data o l'orario non vanno bene, per spostare l'appuntamento "
                      "contattateci{contacts} citando il riferimento {reference}.",
        "by_phone": " al numero {phone}",
        "by_mail": " scrivendo a {email}",
        "or": " oppure",
        "ics": "In allegato trovate l'invito da aggiungere al vostro calendario.",
        "closing": "Cordiali saluti",
        "serial": "matricola",
        "customer": "Spett.le",
        "place_date": "{city}, {date}",
    },
    "en": {
        "subject": "{activity} visit scheduled for {date} – {company}",
        "greeting": "Dear {name},",
        "intro": "this is a reminder of the {activity} visit scheduled at your premises:",
        "date": "Date",
        "window": "Time window",
        "window_value": "from {start} to {end}",
        "technician": "Technician",
        "technician_tbd": "to be assigned",
        "where": "At",
        "units": "Equipment",
        "what": "What we will do",
        "reference": "Reference",
        "reschedule": "If the date or time does not suit you, to reschedule please contact "
                      "us{contacts} quoting the reference {reference}.",
        "by_phone": " on {phone}",
        "by_mail": " at {email}",
        "or": " or",
        "ics": "The attached invitation adds the visit to your calendar.",
        "closing": "Kind regards",
        "serial": "serial",
        "customer": "To",
        "place_date": "{city}, {date}",
    },
}


@dataclass
class SenderInfo:
    """Who the notices come from and how customers reach the office to reschedule."""

    company: str = ""
    phone: str = ""
    email: str = ""
    city: str = ""
    language: str = "it"
    window_minutes: int = 30  # the arrival window shown around the planned start


def load_sender() -> SenderInfo:
    data = settings.read(settings.NOTICE_SENDER)
    return SenderInfo(**{k: v for k, v in data.items() if k in SenderInfo.__dataclass_fields__})


def save_sender(info: SenderInfo) -> None:
    context.require(Permission.SETTINGS)
    errors = []
    info.company, info.phone = info.company.strip(), info.phone.strip()
    info.email, info.city = info.email.strip(), info.city.strip()
    if not info.company:
        errors.append(FieldError("company", "required"))
    if info.email and not valid_email(info.email):
        errors.append(FieldError("email", "party.email_invalid", {"value": info.email}))
    if info.language not in TEXTS:
        errors.append(FieldError("language", "invalid_choice"))
    if not 0 <= int(info.window_minutes) <= 240:
        errors.append(FieldError("window_minutes", "maintenance.out_of_range",
                                 {"min": 0, "max": 240}))
    for name in ("company", "phone", "email", "city"):
        if len(getattr(info, name)) > 200:
            errors.append(FieldError(name, "too_long", {"max": 200}))
    if errors:
        raise ValidationError(errors)
    settings.write(settings.NOTICE_SENDER, asdict(info))


def long_date(day: dt.date, lang: str) -> str:
    if lang == "it":
        return f"{WEEKDAYS['it'][day.weekday()]} {day.day} {MONTHS['it'][day.month - 1]} {day.year}"
    return f"{WEEKDAYS['en'][day.weekday()]} {day.day} {MONTHS['en'][day.month - 1]} {day.year}"


@dataclass
class VisitInfo:
    """What a notice says about one visit (read once, shared by all its recipients)."""

    intervention_id: int
    uuid: str
    start: dt.datetime
    end: dt.datetime
    activity: str
    technician: str
    request_number: str
    customer_id: int
    customer: str
    address: str
    postal_code: str
    city: str
    province: str
    customer_email: str
    units: list[str]
    what: str


def _visit(intervention: Intervention, plan: MaintenancePlan, lang: str) -> VisitInfo:
    req = ServiceRequest.get_by_id(intervention.request_id)
    party = Party.get_by_id(req.customer_id)
    activity = ActivityType.get_by_id(intervention.activity_type_id)
    operator = (Operator.get_or_none(Operator.id == intervention.operator_id)
                if intervention.operator_id else None)
    word = TEXTS[lang]["serial"]
    units = [f"{name} – {word} {serial}" + (f" ({site})" if site else "")
             for name, serial, site in (RequestUnit.select(Product.name, Unit.serial, Unit.site)
                                        .join(Unit).join(Product)
                                        .where(RequestUnit.request == req.id)
                                        .order_by(Unit.serial).tuples())]
    name = activity.name_it if lang == "it" else activity.name_en
    return VisitInfo(
        intervention.id, intervention.uuid, intervention.planned_start, intervention.planned_end,
        name.lower() if lang == "it" else name.lower(), operator.full_name if operator else "",
        req.number, party.id, party.name, party.address, party.postal_code, party.city,
        party.province_id or "", party.email, units,
        (plan.instructions or "").strip() or name)


def compose(visit: VisitInfo, recipient_name: str, sender: SenderInfo) -> tuple[str, str]:
    """(subject, body) of the notice for one recipient."""
    lang = sender.language if sender.language in TEXTS else "it"
    t = TEXTS[lang]
    date_text = long_date(visit.start.date(), lang)
    window = dt.timedelta(minutes=int(sender.window_minutes))
    start = (visit.start - window) if window else visit.start
    end = visit.end
    subject = t["subject"].format(activity=visit.activity, date=date_text,
                                  company=sender.company or visit.customer).strip(" –")
    place = ", ".join(p for p in (visit.address, " ".join(
        p for p in (visit.postal_code, visit.city) if p) + (f" ({visit.province})"
                                                           if visit.province else "")) if p.strip())
    lines = [t["greeting"].format(name=recipient_name or visit.customer), "",
             t["intro"].format(activity=visit.activity), "",
             f"  {t['date']}: {date_text}",
             f"  {t['window']}: " + t["window_value"].format(start=start.strftime("%H:%M"),
                                                             end=end.strftime("%H:%M")),
             f"  {t['technician']}: {visit.technician or t['technician_tbd']}"]
    if place:
        lines.append(f"  {t['where']}: {visit.customer}, {place}")
    if visit.units:
        lines.append(f"  {t['units']}: " + "; ".join(visit.units))
    lines.append(f"  {t['reference']}: {visit.request_number}")
    lines += ["", f"{t['what']}:", visit.what, ""]
    contacts = []
    if sender.phone:
        contacts.append(t["by_phone"].format(phone=sender.phone))
    if sender.email:
        contacts.append(t["by_mail"].format(email=sender.email))
    lines.append(t["reschedule"].format(contacts=t["or"].join(contacts),
                                        reference=visit.request_number))
    lines += ["", t["ics"], "", t["closing"], sender.company]
    return subject[:300], "\n".join(lines).rstrip() + "\n"


def invitation(visit: VisitInfo, lang: str) -> bytes:
    """The .ics for the customer (built by the board's calendar export)."""
    from ..export.ics import intervention_calendar

    return intervention_calendar(visit.intervention_id, lang, customer_view=True)


@dataclass
class NoticeResult:
    queued: list[int] = field(default_factory=list)  # OutboxMessage ids
    letters: int = 0
    emails: int = 0
    already: int = 0  # notices that were queued before


def due_visits(today: dt.date) -> list[tuple[Intervention, MaintenancePlan]]:
    """Planned maintenance visits whose notice date has come and which have not begun."""
    now = clock.now()
    last_day = today + dt.timedelta(days=MAX_NOTICE_DAYS)
    rows = (Intervention.select(Intervention, MaintenancePlan)
            .join(MaintenancePlan, on=(Intervention.maintenance_plan == MaintenancePlan.id))
            .where(Intervention.status == "planned", Intervention.planned_start > now,
                   Intervention.planned_start < dt.datetime.combine(
                       last_day + dt.timedelta(days=1), dt.time(0)))
            .order_by(Intervention.planned_start))
    out = []
    for i in rows:
        plan = i.maintenance_plan
        if i.planned_start.date() - dt.timedelta(days=plan.notice_days) <= today:
            out.append((i, plan))
    return out


def build_notices(today: dt.date | None = None) -> NoticeResult:
    """Queue the notices due today (idempotent: never the same notice twice)."""
    context.require(Permission.MAINTENANCE_EDIT)
    today = today or clock.today()
    sender = load_sender()
    lang = sender.language if sender.language in TEXTS else "it"
    result = NoticeResult()
    db = OutboxMessage._meta.database
    with db.atomic():
        for intervention, plan in due_visits(today):
            visit = _visit(intervention, plan, lang)
            stamp = intervention.planned_start.strftime("%Y%m%d%H%M")
            recipients = _recipients(visit)
            keys = {f"notice:{visit.uuid}:{stamp}:{key}" for key, *_ in recipients}
            have = {k for (k,) in OutboxMessage.select(OutboxMessage.dedup_key)
                    .where(OutboxMessage.dedup_key.in_(list(keys))).tuples()}
            ics: bytes | None = None
            for key, channel, name, address in recipients:
                dedup = f"notice:{visit.uuid}:{stamp}:{key}"
                if dedup in have:
                    result.already += 1
                    continue
                subject, body = compose(visit, name, sender)
                attachment = None
                if channel == "email":
                    if ics is None:
                        ics = invitation(visit, lang)
                    attachment = ics
                message = OutboxMessage.create(
                    dedup_key=dedup, channel=channel, to_address=address, to_name=name,
                    subject=subject, body=body,
                    attachment_name="invito.ics" if lang == "it" else "invitation.ics",
                    attachment=attachment, status="queued", intervention=intervention.id)
                result.queued.append(message.id)
                if channel == "email":
                    result.emails += 1
                else:
                    result.letters += 1
    return result


def _recipients(visit: VisitInfo) -> list[tuple[str, str, str, str]]:
    """(key, channel, name, address) for each recipient of a visit's notice."""
    contacts = list(Contact.select().where(Contact.party == visit.customer_id,
                                           Contact.receives_notices == True,  # noqa: E712
                                           Contact.archived == False)  # noqa: E712
                    .order_by(Contact.id))
    out = []
    letter_needed = False
    for c in contacts:
        if c.email and valid_email(c.email):
            out.append((f"c{c.id}", "email", c.name, c.email))
        else:
            letter_needed = True
    if not contacts:
        if visit.customer_email and valid_email(visit.customer_email):
            out.append(("party", "email", visit.customer, visit.customer_email))
        else:
            letter_needed = True
    if letter_needed:
        names = [c.name for c in contacts if not (c.email and valid_email(c.email))]
        out.append(("letter", "letter", ", ".join(names) or visit.customer, _postal(visit)))
    return out


def _postal(visit: VisitInfo) -> str:
    city = " ".join(p for p in (visit.postal_code, visit.city) if p)
    if visit.province:
        city = f"{city} ({visit.province})".strip()
    return "\n".join(p for p in (visit.customer, visit.address, city) if p)


def letter_text(message: OutboxMessage) -> tuple[str, str, str]:
    """(address block, place and date line, body) of a printed letter."""
    sender = load_sender()
    lang = sender.language if sender.language in TEXTS else "it"
    day = long_date((message.created_at or clock.now()).date(), lang)
    place = TEXTS[lang]["place_date"].format(city=sender.city, date=day) if sender.city else day
    return message.to_address, place, message.body


__all__ = ["SenderInfo", "NoticeResult", "load_sender", "save_sender", "build_notices",
           "due_visits", "compose", "letter_text", "long_date", "TEXTS"]
