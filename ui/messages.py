"""User-facing text for the core's error codes, in the UI language.

Each feature registers the codes it raises with :func:`register`; :func:`error_text` turns any
:class:`ServiceDeskError` into a sentence. Unknown codes fall back to the English message.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError

from . import field_labels as labels_registry

Formatter = Callable[[dict[str, Any]], str]
_REGISTRY: dict[str, Formatter] = {}




def register(code: str, formatter: Formatter) -> None:
    _REGISTRY[code] = formatter


def _too_long(p: dict[str, Any]) -> str:
    from . import fmt

    numbers = {k: fmt.number(p[k]) if isinstance(p.get(k), int) else p.get(k) for k in ("max", "length")}
    if p.get("length") is not None:
        return QCoreApplication.translate("Messages", "Too long: {length} characters, at most {max}. Nothing was cut: shorten the text.").format(**numbers)
    return QCoreApplication.translate("Messages", "Too long: at most {max} characters.").format(**numbers)


def field_label(field: str, default: str | None = None) -> str:
    """The label of a field the core names in an error (the one registry in
    ``ui/field_labels.py``); ``default`` — or "" — for a field without one, never the raw code."""
    label = labels_registry.field_label(field) if field else None
    if label is not None:
        return label
    return "" if default is None else default


def _builtin() -> None:
    register("db.is_directory", lambda p: QCoreApplication.translate("Messages", "“{path}” is a folder, not a database file.").format(**p))
    register("db.missing", lambda p: QCoreApplication.translate("Messages", "The database “{path}” does not exist.").format(**p))
    register("db.no_folder", lambda p: QCoreApplication.translate("Messages", "The folder for “{path}” does not exist.").format(**p))
    register("db.not_a_database", lambda p: QCoreApplication.translate("Messages", "“{path}” is not a ServiceDesk database (it is not an SQLite file).").format(**p))
    register("db.foreign", lambda p: QCoreApplication.translate("Messages", "“{path}” is a database of another program, not of ServiceDesk.").format(**p))
    register("db.corrupt", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is damaged or truncated and cannot be opened. Restore it from a backup.").format(**p))
    register("db.read_only", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is read-only: ServiceDesk needs to write to the file and to its folder.").format(**p))
    register("db.unreadable", lambda p: QCoreApplication.translate("Messages", "The database “{path}” cannot be read.").format(**p))
    register("db.locked", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is locked by another program or workstation. Try again in a moment.").format(**p))
    register("db.newer_schema", lambda p: QCoreApplication.translate("Messages", "The database “{path}” was written by a newer version of ServiceDesk (schema {found}; this version reads up to {supported}). Update ServiceDesk on this workstation.").format(**p))
    register("db.empty_file", lambda p: QCoreApplication.translate("Messages", "“{path}” is an empty file: it was left as it is. Give the name of a file that does not exist yet to create a new database.").format(**p))
    register("db.damaged", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is damaged: ServiceDesk no longer writes to it, and nothing was saved. Restore the latest good backup (Tools › Restore from backup).").format(**p))
    register("db.wal_on_share", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is in single-workstation mode but lies on a network share, where that mode damages files. On the computer that holds the file, an administrator switches it to shared mode (Tools › Database mode).").format(**p))
    register("db.mode_in_use", lambda p: QCoreApplication.translate("Messages", "The mode of “{path}” can be changed only while no other workstation has it open. Ask the others to close ServiceDesk, then try again.").format(**p))
    # a database on a PostgreSQL server (issue 17); {path} is user@host/database
    register("db.pg_unreachable", lambda p: QCoreApplication.translate("Messages", "Cannot reach the database server {host} ({detail}). Check the network or the VPN and that the server is running. Nothing was changed.").format(**p))
    register("db.pg_auth", lambda p: QCoreApplication.translate("Messages", "The database server refused user “{user}”: the password is wrong or missing. Store it with “servicedesk-admin password”, in .pgpass or ask IT. Nothing was changed.").format(**p))
    register("db.pg_no_database", lambda p: QCoreApplication.translate("Messages", "The database “{dbname}” does not exist on the server {host}. Ask IT to create it (see “A bigger office: PostgreSQL” in the README). Nothing was changed.").format(**p))
    register("db.pg_no_rights", lambda p: QCoreApplication.translate("Messages", "User “{user}” lacks the rights ServiceDesk needs on “{path}” ({detail}). Ask IT to grant them. Nothing was changed.").format(**p))
    register("db.pg_tls", lambda p: QCoreApplication.translate("Messages", "The secure connection to the database server {host} failed ({detail}). Nothing was changed.").format(**p))
    register("db.pg_error", lambda p: QCoreApplication.translate("Messages", "The database server reported an error: {detail}. Nothing was changed.").format(**p))
    register("db.busy", lambda p: QCoreApplication.translate("Messages", "The database is busy: another workstation is writing. Try again in a moment."))
    register("permission", lambda p: QCoreApplication.translate("Messages", "Your role does not allow this action."))
    register("not_found", lambda p: QCoreApplication.translate("Messages", "The record no longer exists."))
    register("required", lambda p: QCoreApplication.translate("Messages", "This field is required."))
    register("too_long", _too_long)
    register("negative", lambda p: QCoreApplication.translate("Messages", "The value cannot be negative."))
    register("end_before_start", lambda p: QCoreApplication.translate("Messages", "The end is before the start."))
    register("invalid_date", lambda p: QCoreApplication.translate("Messages", "Not a valid date."))
    register("invalid_choice", lambda p: QCoreApplication.translate("Messages", "Not one of the allowed values."))
    register("tickets.exhausted", lambda p: QCoreApplication.translate("Messages", "Contract {contract} has no tickets left ({remaining} remaining, {needed} needed).").format(**p))
    register("tickets.quantity_positive", lambda p: QCoreApplication.translate("Messages", "The number of tickets must be greater than zero."))
    register("invalid_number", lambda p: QCoreApplication.translate("Messages", "Not a valid number."))


def error_text(err: ServiceDeskError) -> str:
    if isinstance(err, ValidationError) and err.errors:
        lines = []
        for fe in err.errors:
            fmt = _REGISTRY.get(fe.code)
            text = fmt(fe.params) if fmt else fe.code
            label = fe.params.get("label") or field_label(fe.field)
            lines.append(f"{label}: {text}" if label else text)  # never the raw field code (#12)
        return "\n".join(lines)
    if isinstance(err, ConflictError):
        return conflict_text(err)
    fmt = _REGISTRY.get(err.code)
    if fmt:
        try:
            return fmt(err.params)
        except (KeyError, IndexError):
            pass
    return str(err)


def conflict_text(err: ConflictError) -> str:
    if err.deleted:
        return QCoreApplication.translate("Messages", "Another workstation deleted this record while you were editing it.")
    head = QCoreApplication.translate("Messages", "Another workstation changed this record while you were editing it. "
              "Nothing was saved. Changed fields:")
    yours = QCoreApplication.translate("Messages", "yours")
    rows = [f"• {field_label(c.field, c.field)}: {_short(c.theirs)}  ({yours}: {_short(c.mine)})"
            for c in err.changes[:12]]
    return "\n".join([head, *rows])


def _short(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def show_error(parent: QWidget | None, err: ServiceDeskError, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "ServiceDesk"), error_text(err))


_builtin()
