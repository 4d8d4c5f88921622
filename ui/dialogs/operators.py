"""Operators and teams administration: create, edit, roles, reset passwords (R-X-1). Reads
through ``queries/operators.py``, writes through the op runner with the version shown (#13)."""
from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QColorDialog, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from servicedesk import limits
from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError
from servicedesk.permissions import Role
from servicedesk.queries import operators as oq
from servicedesk.services import auth, operators

from .. import fmt
from ..messages import error_text
from ..models.paged import Column
from ..widgets.limited_text import limit_text
from ..widgets.party_rows import RowList
from ..interpreter import PaintsHoldingLock


def role_name(code: str) -> str:
    names = {
        "technician": QCoreApplication.translate("Roles", "Technician"),
        "coordinator": QCoreApplication.translate("Roles", "Coordinator"),
        "manager": QCoreApplication.translate("Roles", "Manager"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return names.get(code, code)


class OperatorTableModel(RowList):
    """The operators list: name, user name, role, team, last sign-in; the deactivated greyed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column("name", lambda: QCoreApplication.translate("OperatorTableModel", "Name"), lambda o: o.full_name),
            Column("user", lambda: QCoreApplication.translate("OperatorTableModel", "User"), lambda o: o.username),
            Column("role", lambda: QCoreApplication.translate("OperatorTableModel", "Role"), lambda o: role_name(o.role)),
            Column("team", lambda: QCoreApplication.translate("OperatorTableModel", "Team"), lambda o: o.team_name),
            Column("last", lambda: QCoreApplication.translate("OperatorTableModel", "Last sign-in"),
                   lambda o: fmt.datetime(o.last_login_at))], parent)

    def reload(self) -> None:
        self.set_rows(oq.operators())

    def operator_id(self, row: int) -> int | None:
        return self.id_at(row)

    def role_data(self, rec: oq.OperatorDetail, key: str, role: int) -> Any:
        if rec.active:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#9ca3af"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("OperatorTableModel", "Deactivated")
        return None


class OperatorsDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("operatorsDialog")
        self.setWindowTitle(self.tr("Operators and teams"))
        self.resize(1040, 580)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_operators(), self.tr("Operators"))
        self.tabs.addTab(self._build_teams(), self.tr("Teams"))
        layout.addWidget(self.tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.current: oq.OperatorDetail | None = None
        self.current_team: oq.TeamDetail | None = None
        self.reload()
        ctx.bus.changes.connect(self._on_changes)

    def _on_changes(self, changes) -> None:
        """Another window of this workstation saved an operator or a team: show it."""
        if changes.origin is self or not changes.touches("operator", "team"):
            return
        self.reload(self.current.id if self.current else None)

    # -- operators tab ----------------------------------------------------------------------
    def _build_operators(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.model = OperatorTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("operatorsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        # a short list (an office's operators): fitting the columns to their text is cheap here
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._load_operator(cur.row()))
        left.addWidget(self.table)
        new = QPushButton(self.tr("New operator"))
        new.setObjectName("newOperator")
        new.clicked.connect(self.new_operator)
        left.addWidget(new, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(left, 5)

        box = QGroupBox(self.tr("Operator"))
        form = QFormLayout(box)
        self.f_username = QLineEdit()
        limit_text(self.f_username, limits.limit("operator", "username"))
        self.f_full_name = QLineEdit()
        limit_text(self.f_full_name, limits.limit("operator", "full_name"))
        self.f_email = QLineEdit()
        limit_text(self.f_email, limits.limit("operator", "email"))
        self.f_phone = QLineEdit()
        limit_text(self.f_phone, limits.limit("operator", "phone"))
        self.f_role = QComboBox()
        for role in Role:
            self.f_role.addItem(role_name(role.value), role.value)
        self.f_team = QComboBox()
        self.f_active = QCheckBox(self.tr("Active (can sign in)"))
        self.f_password = QLineEdit()
        self.f_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.f_again = QLineEdit()
        self.f_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.f_password.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(auth.MIN_PASSWORD)))
        self.password_label = QLabel(self.tr("Password:"))
        self.again_label = QLabel(self.tr("Repeat password:"))
        form.addRow(self.tr("User name:"), self.f_username)
        form.addRow(self.tr("Full name:"), self.f_full_name)
        form.addRow(self.tr("E-mail:"), self.f_email)
        form.addRow(self.tr("Phone:"), self.f_phone)
        form.addRow(self.tr("Role:"), self.f_role)
        form.addRow(self.tr("Team:"), self.f_team)
        form.addRow("", self.f_active)
        form.addRow(self.password_label, self.f_password)
        form.addRow(self.again_label, self.f_again)
        self.op_error = QLabel()
        self.op_error.setObjectName("operatorError")
        self.op_error.setProperty("role", "error")
        self.op_error.setWordWrap(True)
        self.op_error.hide()
        form.addRow(self.op_error)
        self.role_hint = QLabel(self.tr("Technician: own interventions and work logs, reads requests and adds notes. "
                                        "Coordinator: requests, team board, maintenance. Manager: also contracts "
                                        "and amounts. Administrator: everything, operators and backups."))
        self.role_hint.setWordWrap(True)
        self.role_hint.setProperty("role", "hint")
        form.addRow(self.role_hint)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveOperator")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_operator)
        self.reset_button = QPushButton(self.tr("Set new password…"))
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        self.revoke_button = QPushButton(self.tr("Revoke remembered sign-ins"))
        self.revoke_button.clicked.connect(self.revoke_tokens)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        row.addWidget(box, 4)
        return page

    def reload(self, select_id: int | None = None) -> None:
        self.f_team.clear()
        self.f_team.addItem(self.tr("(no team)"), None)
        for team in oq.teams(include_archived=False):
            self.f_team.addItem(team.name, team.id)
        self.model.reload()
        self._reload_teams()
        row = self.model.row_of(select_id) if select_id else 0
        if self.model.rowCount() and row >= 0:
            self.table.selectRow(row)
            self._load_operator(row)
        else:
            self.new_operator()

    def _load_operator(self, row: int) -> None:
        op_id = self.model.operator_id(row)
        if op_id is None:
            return
        self.current = oq.operator(op_id)
        if self.current is None:
            self.reload()
            return
        op = self.current
        self.f_username.setText(op.username)
        self.f_username.setReadOnly(True)
        self.f_full_name.setText(op.full_name)
        self.f_email.setText(op.email)
        self.f_phone.setText(op.phone)
        self.f_role.setCurrentIndex(max(0, self.f_role.findData(op.role)))
        team_index = self.f_team.findData(op.team_id)
        if team_index < 0 and op.team_id:  # an archived team still shown for who is in it
            self.f_team.addItem(op.team_name, op.team_id)
            team_index = self.f_team.count() - 1
        self.f_team.setCurrentIndex(max(0, team_index))
        self.f_active.setChecked(op.active)
        for w in (self.f_password, self.f_again, self.password_label, self.again_label):
            w.setVisible(False)
        self.reset_button.setEnabled(True)
        self.revoke_button.setEnabled(oq.active_token_count(op.id) > 0)
        self.op_error.clear()
        self.op_error.hide()

    def new_operator(self) -> None:
        self.current = None
        self.table.clearSelection()
        for w in (self.f_username, self.f_full_name, self.f_email, self.f_phone, self.f_password, self.f_again):
            w.clear()
        self.f_username.setReadOnly(False)
        self.f_role.setCurrentIndex(self.f_role.findData(Role.TECHNICIAN.value))
        self.f_team.setCurrentIndex(0)
        self.f_active.setChecked(True)
        for w in (self.f_password, self.f_again, self.password_label, self.again_label):
            w.setVisible(True)
        self.reset_button.setEnabled(False)
        self.revoke_button.setEnabled(False)
        self.op_error.clear()
        self.op_error.hide()
        self.f_username.setFocus()

    def _labels(self) -> dict[str, str]:
        return {"username": self.tr("User name"), "full_name": self.tr("Full name"),
                "email": self.tr("E-mail"), "phone": self.tr("Phone"), "role": self.tr("Role"),
                "team": self.tr("Team"), "password": self.tr("Password"),
                "password_again": self.tr("Repeat password"), "color": self.tr("Colour"),
                "name": self.tr("Name")}

    def _show(self, label: QLabel, err: ServiceDeskError) -> bool:
        """The op runner's failure hook: a refusal is shown in the form (True); a conflict
        goes to the runner, which says what changed and reloads."""
        if isinstance(err, ConflictError):
            return False
        if isinstance(err, ValidationError):
            labels = self._labels()
            for fe in err.errors:
                fe.params.setdefault("label", labels.get(fe.field, fe.field))
        label.setText(error_text(err))
        label.show()
        return True

    def save_operator(self) -> None:
        values = dict(full_name=self.f_full_name.text(), email=self.f_email.text(),
                      phone=self.f_phone.text(), role=self.f_role.currentData(),
                      team=self.f_team.currentData(), active=self.f_active.isChecked())
        current = self.current
        if current is None:
            fn = functools.partial(operators.create_operator, username=self.f_username.text(),
                                   password=self.f_password.text(),
                                   password_again=self.f_again.text(), **values)
            outcome = self.ctx.ops.run(self, fn, on_failure=lambda e: self._show(self.op_error, e))
        else:
            outcome = self.ctx.ops.run(self, operators.change_operator, current.id, current.version,
                                       values, on_failure=lambda e: self._show(self.op_error, e),
                                       on_conflict=lambda _e: self.reload(current.id))
        if outcome is None:
            return
        op_id = outcome.result.id
        self.reload(op_id)
        self._refresh_actor(op_id)

    def _refresh_actor(self, op_id: int) -> None:
        """Editing oneself (name, role) changes who is acting right now."""
        if op_id == self.ctx.actor.operator_id:
            actor = auth.actor_of(op_id)
            if actor is not None:
                self.ctx.set_actor(actor)

    def reset_password(self) -> None:
        if self.current is None:
            return
        op = self.current
        first, ok = QInputDialog.getText(self, self.tr("Set new password"),
                                         self.tr("New password for %1 (at least %2 characters):")
                                         .replace("%1", op.full_name).replace("%2", str(auth.MIN_PASSWORD)),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return
        again, ok = QInputDialog.getText(self, self.tr("Set new password"), self.tr("Repeat the new password:"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return
        if self.ctx.ops.run(self, operators.reset_password, op.id, first, again,
                            on_failure=lambda e: self._show(self.op_error, e)) is None:
            return
        self.op_error.clear()
        self.op_error.hide()
        QMessageBox.information(self, self.tr("Password set"),
                                self.tr("The new password of %1 is set; a lock after wrong passwords is lifted "
                                        "and remembered sign-ins are revoked.").replace("%1", op.full_name))
        self.reload(op.id)

    def revoke_tokens(self) -> None:
        if self.current is None:
            return
        outcome = self.ctx.ops.run(self, auth.revoke_tokens, self.current.id)
        if outcome is None:
            return
        count = outcome.result
        self.ctx.bus.status_message.emit(self.tr("%1 remembered sign-ins revoked").replace("%1", str(count)))
        self.revoke_button.setEnabled(False)

    # -- teams tab --------------------------------------------------------------------------
    def _build_teams(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.team_list = QListWidget()
        self.team_list.setObjectName("teamsList")
        self.team_list.currentRowChanged.connect(self._load_team)
        left.addWidget(self.team_list)
        new = QPushButton(self.tr("New team"))
        new.setObjectName("newTeam")
        new.clicked.connect(self.new_team)
        left.addWidget(new, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(left, 2)
        box = QGroupBox(self.tr("Team"))
        form = QFormLayout(box)
        self.t_name = QLineEdit()
        limit_text(self.t_name, limits.limit("team", "name"))
        self.t_name.setObjectName("teamName")
        color_row = QHBoxLayout()
        self.t_color = QLineEdit("#4a90d9")
        self.t_color.setMaxLength(7)
        self.t_color.setFixedWidth(90)
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._pick_color)
        color_row.addWidget(self.t_color)
        color_row.addWidget(pick)
        color_row.addStretch(1)
        self.t_archived = QCheckBox(self.tr("Archived (no longer offered)"))
        form.addRow(self.tr("Name:"), self.t_name)
        form.addRow(self.tr("Colour:"), color_row)
        form.addRow("", self.t_archived)
        self.team_error = QLabel()
        self.team_error.setProperty("role", "error")
        self.team_error.setWordWrap(True)
        form.addRow(self.team_error)
        save = QPushButton(self.tr("Save team"))
        save.setObjectName("saveTeam")
        save.setProperty("primary", True)
        save.clicked.connect(self.save_team)
        form.addRow(save)
        row.addWidget(box, 3)
        return page

    def _reload_teams(self, select_id: int | None = None) -> None:
        self._teams = oq.teams(include_archived=True)
        self.team_list.blockSignals(True)
        self.team_list.clear()
        for team in self._teams:
            archived = self.tr("archived")
            item = QListWidgetItem(team.name + (f"  ({archived})" if team.archived else ""))
            item.setForeground(QBrush(QColor("#9ca3af" if team.archived else team.color)))
            self.team_list.addItem(item)
        self.team_list.blockSignals(False)
        index = next((i for i, t in enumerate(self._teams) if t.id == select_id), -1)
        if index >= 0:
            self.team_list.setCurrentRow(index)
        else:
            self.new_team()

    def _load_team(self, row: int) -> None:
        if not 0 <= row < len(self._teams):
            return
        self.current_team = oq.team(self._teams[row].id)
        if self.current_team is None:
            self._reload_teams()
            return
        self.t_name.setText(self.current_team.name)
        self.t_color.setText(self.current_team.color)
        self.t_archived.setChecked(self.current_team.archived)
        self.team_error.clear()

    def new_team(self) -> None:
        self.current_team = None
        self.team_list.clearSelection()
        self.t_name.clear()
        self.t_color.setText("#4a90d9")
        self.t_archived.setChecked(False)
        self.team_error.clear()

    def _pick_color(self) -> None:
        color = QColorDialog.getColor(QColor(self.t_color.text()), self, self.tr("Team colour"))
        if color.isValid():
            self.t_color.setText(color.name())

    def save_team(self) -> None:
        current = self.current_team
        values = dict(name=self.t_name.text(), color=self.t_color.text(),
                      archived=self.t_archived.isChecked())
        if current is None:
            fn = functools.partial(operators.create_team, self.t_name.text(), self.t_color.text(),
                                   archived=self.t_archived.isChecked())
            outcome = self.ctx.ops.run(self, fn, on_failure=lambda e: self._show(self.team_error, e))
        else:
            outcome = self.ctx.ops.run(self, operators.change_team, current.id, current.version,
                                       values, on_failure=lambda e: self._show(self.team_error, e),
                                       on_conflict=lambda _e: self._reload_teams(current.id))
        if outcome is None:
            return
        self.reload(self.current.id if self.current else None)
        self._reload_teams(outcome.result.id)
