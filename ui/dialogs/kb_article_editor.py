"""Edit or create a knowledge-base article: problem, cause, solution, product, type (R-KB-1).

Reads the article as a snapshot (queries/kb.py), writes through ``ctx.ops`` with the version it
read (a change made meanwhile elsewhere is told by the op runner, then the article is shown as
stored), and follows change sets: an article changed elsewhere while this editor shows it
unedited is shown again.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from servicedesk import limits
from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission
from servicedesk.queries import kb as kbq
from servicedesk.services import kb
from servicedesk.uow import ChangeSet

from .. import fmt
from ..messages import show_error
from ..widgets.limited_text import limit_text
from ..interpreter import PaintsHoldingLock


class KbArticleEditor(PaintsHoldingLock, QDialog):
    """``article_id=None`` creates (optionally from ``draft``); ``saved(int)`` after each save."""

    saved = Signal(int)

    def __init__(self, *, ctx, article_id: int | None = None, draft: kb.ArticleData | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.article_id = article_id
        self.version: int | None = None
        self.setObjectName("kbArticleEditor")
        self.setMinimumSize(720, 640)
        self.can_edit = ctx.actor.can(Permission.KB_EDIT)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("kbTitle")
        limit_text(self.title_edit, limits.limit("kb", "title"))
        self.title_edit.setPlaceholderText(self.tr("The problem in a few words"))
        self.product_combo = QComboBox()
        self.product_combo.setObjectName("kbProduct")
        self.product_combo.addItem(self.tr("(any product)"), None)
        self._families = {}
        for product in kbq.product_choices():
            self.product_combo.addItem(f"{product.name} ({product.code})", product.id)
            self._families[product.id] = product.family
        self.family_combo = QComboBox()
        self.family_combo.setObjectName("kbFamily")
        self.family_combo.setEditable(True)
        self.family_combo.addItem("")
        self.family_combo.addItems(kbq.families())
        limit_text(self.family_combo.lineEdit(), limits.limit("kb", "product_family"))
        self.family_combo.lineEdit().setPlaceholderText(self.tr("e.g. Boilers"))
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("kbProblemType")
        self.type_combo.addItem(self.tr("(not set)"), None)
        for pt in ctx.lookups().open_problem_types():
            self.type_combo.addItem(pt.name(ctx.lang), pt.id)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("kbTags")
        limit_text(self.tags_edit, limits.limit("kb", "tags"))
        self.tags_edit.setPlaceholderText(self.tr("comma separated: pressure, valve"))
        self.symptoms_edit = self._text(self.tr("What the customer sees, error codes…"), "kbSymptoms")
        self.cause_edit = self._text(self.tr("Why it happens"), "kbCause")
        self.solution_edit = self._text(self.tr("What to do, step by step"), "kbSolution")
        for edit, name in ((self.symptoms_edit, "symptoms"), (self.cause_edit, "cause"),
                           (self.solution_edit, "solution")):
            limit_text(edit, limits.limit("kb", name))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title"), self.title_edit)
        row = QHBoxLayout()
        row.addWidget(self.product_combo, 3)
        row.addWidget(QLabel(self.tr("Family")))
        row.addWidget(self.family_combo, 2)
        form.addRow(self.tr("Product"), row)
        row2 = QHBoxLayout()
        row2.addWidget(self.type_combo, 2)
        row2.addWidget(QLabel(self.tr("Tags")))
        row2.addWidget(self.tags_edit, 3)
        form.addRow(self.tr("Problem type"), row2)
        form.addRow(self.tr("Symptoms"), self.symptoms_edit)
        form.addRow(self.tr("Cause"), self.cause_edit)
        form.addRow(self.tr("Solution"), self.solution_edit)

        self.info = QLabel()
        self.info.setObjectName("kbInfo")
        self.info.setProperty("role", "hint")
        self.info.setWordWrap(True)
        self.source_button = QPushButton(self.tr("Open source request"))
        self.source_button.setObjectName("kbOpenSource")
        self.source_button.hide()
        self.source_button.clicked.connect(self._open_source)
        self._source_request: int | None = None

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self._save_and_close)
        self.buttons.rejected.connect(self.reject)
        self.archive_button = self.buttons.addButton(self.tr("Archive"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.archive_button.setObjectName("kbArchive")
        self.archive_button.clicked.connect(self.toggle_archived)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info, 1)
        bottom.addWidget(self.source_button)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)

        self.product_combo.currentIndexChanged.connect(self._product_changed)
        self._shown: kb.ArticleData | None = None  # what load() showed: edited since?
        ctx.bus.changes.connect(self._on_changes)
        if article_id is not None:
            self.load()
        else:
            self.setWindowTitle(self.tr("New knowledge base article"))
            self.archive_button.hide()
            if draft is not None:
                self._fill(draft)
        self._apply_permissions()

    def _text(self, placeholder: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(90)
        return edit

    def _apply_permissions(self) -> None:
        if self.can_edit:
            return
        for w in (self.title_edit, self.tags_edit):
            w.setReadOnly(True)
        for w in (self.symptoms_edit, self.cause_edit, self.solution_edit):
            w.setReadOnly(True)
        for w in (self.product_combo, self.family_combo, self.type_combo):
            w.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.archive_button.hide()

    # -- data ---------------------------------------------------------------------------------
    def _product_changed(self) -> None:
        pid = self.product_combo.currentData()
        if pid is not None:
            self.family_combo.setCurrentText(self._families.get(pid, ""))

    def _select(self, combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def _fill(self, data: kb.ArticleData, source_number: str | None = None) -> None:
        self.title_edit.setText(data.title)
        self._select(self.product_combo, data.product_id)
        self.family_combo.setCurrentText(data.product_family)
        self._select(self.type_combo, data.problem_type_id)
        self.tags_edit.setText(data.tags)
        self.symptoms_edit.setPlainText(data.symptoms)
        self.cause_edit.setPlainText(data.cause)
        self.solution_edit.setPlainText(data.solution)
        self._source_request = data.source_request_id
        self._show_source(source_number)

    def _show_source(self, number: str | None = None) -> None:
        if self._source_request is None:
            self.source_button.hide()
            return
        if number is None:
            number = kbq.request_number(self._source_request)
        self.source_button.setText(self.tr("Open request %1").replace("%1", number or ""))
        self.source_button.show()

    def data(self) -> kb.ArticleData:
        return kb.ArticleData(
            title=self.title_edit.text(), symptoms=self.symptoms_edit.toPlainText(),
            cause=self.cause_edit.toPlainText(), solution=self.solution_edit.toPlainText(),
            product_id=self.product_combo.currentData(),
            product_family=self.family_combo.currentText(),
            problem_type_id=self.type_combo.currentData(), tags=self.tags_edit.text(),
            source_request_id=self._source_request)

    def load(self) -> None:
        article = kbq.article(self.article_id)
        if article is None:
            self.info.setText(self.tr("This article no longer exists."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        self.version = article.version
        data = kb.ArticleData(
            title=article.title, symptoms=article.symptoms, cause=article.cause,
            solution=article.solution, product_id=article.product_id,
            product_family=article.product_family, problem_type_id=article.problem_type_id,
            tags=article.tags, source_request_id=article.source_request_id)
        self._fill(data, article.source_request_number)
        self._shown = self.data()
        self.setWindowTitle(self.tr("KB article %1 – %2").replace("%1", str(article.id))
                            .replace("%2", article.title))
        parts = [self.tr("Author: %1").replace("%1", article.author or "—"),
                 self.tr("created %1").replace("%1", fmt.datetime(article.created_at)),
                 self.tr("updated %1").replace("%1", fmt.datetime(article.updated_at)),
                 self.tr("applied %1 times").replace("%1", str(article.applied_count))]
        if article.archived:
            parts.insert(0, self.tr("ARCHIVED"))
        self.info.setText(" · ".join(parts))
        self.archive_button.setText(self.tr("Restore") if article.archived else self.tr("Archive"))
        self._archived = article.archived

    def edited(self) -> bool:
        """True when the form differs from the article as last loaded (or is a new one)."""
        return self._shown is None or self.data() != self._shown

    # -- actions --------------------------------------------------------------------------------
    def save(self) -> bool:
        """Create or update; True when saved. Errors are shown and nothing typed is lost; a
        change made elsewhere meanwhile is told (what changed), then the article is shown as
        it is now."""
        if self.article_id is None:
            outcome = self.ctx.ops.run(self, kb.create_article, self.data(),
                                       on_failure=self._failed)
        else:
            outcome = self.ctx.ops.run(self, kb.update_article, self.article_id, self.version,
                                       self.data(), on_failure=self._failed,
                                       on_conflict=lambda _err: self.load())
        if outcome is None:
            return False
        created = self.article_id is None
        self.article_id = outcome.result.id
        if created:
            self.archive_button.show()
        self.saved.emit(self.article_id)
        self.load()
        return True

    def _failed(self, err: ServiceDeskError) -> bool:
        """Validation: the field labels in the editor's own message (the op runner does the
        rest: conflicts, busy database, permission)."""
        from servicedesk.errors import ValidationError

        if isinstance(err, ValidationError):
            show_error(self, err)
            return True
        return False

    def _save_and_close(self) -> None:
        if self.save():
            self.accept()

    def toggle_archived(self) -> None:
        if self.article_id is None:
            return
        archived = not getattr(self, "_archived", False)
        if archived and not self.confirm_archive():
            return
        self.ctx.ops.run(self, kb.set_archived, self.article_id, self.version, archived,
                         on_success=lambda _a: self.load(), on_conflict=lambda _err: self.load())

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.article_id is None or changes.origin is self:
            return
        if self.article_id in changes.ids("kb_article") and not self.edited():
            self.load()  # changed elsewhere, nothing typed here: show it as it is now

    def confirm_archive(self) -> bool:
        return QMessageBox.question(
            self, self.tr("Archive article"),
            self.tr("Archive this article? It will no longer be found by search and "
                    "suggestions; you can restore it later.")) == QMessageBox.StandardButton.Yes

    def _open_source(self) -> None:
        if self._source_request is not None:
            self.ctx.bus.open_request.emit(self._source_request)
