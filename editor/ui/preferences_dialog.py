"""The Preferences dialog: text size, theme, rewind and skip lengths, and keyboard shortcuts.

It edits a copy of the values (``PreferenceValues``) and hands it back on OK; the window's
``Preferences`` controller applies and stores it. A shortcut another command already has, or
one the editor needs, is refused on the spot with the reason shown under the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.ui import keymap, theme
from editor.ui.actions import SPECS
from editor.ui.settings import FONT_RANGE_PT, REWIND_CHOICES_MS, SKIP_RANGE_MS


@dataclass(frozen=True)
class PreferenceValues:
    font_size: float
    theme: str
    rewind_ms: int
    skip_ms: int
    keys: keymap.KeyMap = field(default_factory=dict)


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


class PreferencesDialog(QDialog):
    def __init__(self, values: PreferenceValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self._values = values
        self.keys: keymap.KeyMap = keymap.with_changes(values.keys)
        tabs = QTabWidget()
        tabs.setAccessibleName("Preference pages")
        tabs.tabBar().setAccessibleName("Preference pages")
        tabs.addTab(self._general_page(values), "&General")
        tabs.addTab(self._keys_page(), "&Keyboard Shortcuts")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.table.selectRow(0)

    # -- pages ---------------------------------------------------------------------------------

    def _general_page(self, values: PreferenceValues) -> QWidget:
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(*FONT_RANGE_PT)
        self.font_size.setDecimals(0)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(values.font_size)
        self.font_size.setToolTip("The size of the transcript's text (Ctrl+0 returns to it)")
        self.theme = QComboBox()
        for name, shown in theme.LABELS.items():
            self.theme.addItem(shown, name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.theme)))
        self.rewind = QComboBox()
        for ms in REWIND_CHOICES_MS:
            self.rewind.addItem("Off" if ms == 0 else f"{ms / 1000:g} s", ms)
        self.rewind.setCurrentIndex(max(0, self.rewind.findData(values.rewind_ms)))
        self.rewind.setToolTip("Step back this far each time playback resumes")
        self.skip = QDoubleSpinBox()
        self.skip.setRange(SKIP_RANGE_MS[0] / 1000, SKIP_RANGE_MS[1] / 1000)
        self.skip.setSingleStep(0.5)
        self.skip.setDecimals(1)
        self.skip.setSuffix(" s")
        self.skip.setValue(values.skip_ms / 1000)
        self.skip.setToolTip("How far Back and Forward jump (Alt+Left / Alt+Right)")
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rows = (
            ("Transcript &text size:", self.font_size, "Transcript text size"),
            ("T&heme:", self.theme, "Theme"),
            ("&Rewind on resume:", self.rewind, "Rewind on resume"),
            ("&Skip back / forward:", self.skip, "Skip back and forward length"),
        )
        for text, widget, name in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, _named(widget, name))
        hint = QLabel(
            "Ctrl++ and Ctrl+- change the text size for now; Ctrl+0 returns to the size above."
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        return page

    def _keys_page(self) -> QWidget:
        self.table = QTableWidget(len(SPECS), 3)
        self.table.setAccessibleName("Commands and their shortcuts")
        self.table.setHorizontalHeaderLabels(["Command", "Menu", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, spec in enumerate(SPECS):
            name = spec.text.replace("&", "").rstrip("…")
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(spec.menu.replace("/", " › ")))
            self.table.setItem(row, 2, QTableWidgetItem(""))
            self._show_keys(row)
        self.primary = self._key_edit("Shortcut")
        self.alternative = self._key_edit("Alternative shortcut")
        self.clear = QPushButton("&Clear")
        self.clear.setToolTip("The selected command gets no shortcut")
        self.reset_one = QPushButton("Reset to &Default")
        self.reset_all = QPushButton("Reset &All")
        for button in (self.clear, self.reset_one, self.reset_all):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAutoDefault(False)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Shortcut message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        edits = QHBoxLayout()
        for text, edit in (("Shortcut:", self.primary), ("Alternative:", self.alternative)):
            label = QLabel(text)
            label.setBuddy(edit)
            edits.addWidget(label)
            edits.addWidget(edit, 1)
        edits.addWidget(self.clear)
        edits.addWidget(self.reset_one)
        edits.addWidget(self.reset_all)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addLayout(edits)
        layout.addWidget(self.message)
        self.table.currentCellChanged.connect(lambda *_: self._show_row())
        self.clear.clicked.connect(self._clear_row)
        self.reset_one.clicked.connect(self._reset_row)
        self.reset_all.clicked.connect(self._reset_everything)
        return page

    def _key_edit(self, name: str) -> QKeySequenceEdit:
        edit = QKeySequenceEdit()
        edit.setAccessibleName(name)
        edit.setMaximumSequenceLength(1)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("Ctrl+Shift+Space") + 24)
        edit.setToolTip("Click, then press the keys")
        for inner in edit.findChildren(QWidget):
            inner.setAccessibleName(name)
        edit.editingFinished.connect(self._edited)  # once a key combination is recorded
        return edit

    # -- the keys of the selected command -----------------------------------------------------

    def current_key(self) -> str:
        return SPECS[max(0, self.table.currentRow())].key

    def select(self, action_key: str) -> None:
        self.table.selectRow(next(i for i, s in enumerate(SPECS) if s.key == action_key))

    def _show_keys(self, row: int) -> None:
        keys = self.keys.get(SPECS[row].key, ())
        item = self.table.item(row, 2)
        assert item is not None
        item.setText(", ".join(keymap.native(k) for k in keys))

    def _show_row(self) -> None:
        keys = self.keys.get(self.current_key(), ())
        for edit, index in ((self.primary, 0), (self.alternative, 1)):
            edit.blockSignals(True)
            edit.setKeySequence(QKeySequence(keys[index]) if len(keys) > index else QKeySequence())
            edit.blockSignals(False)

    def _edited(self) -> None:
        action = self.current_key()
        wanted = [keymap.portable(e.keySequence()) for e in (self.primary, self.alternative)]
        for sequence in wanted:
            problem = keymap.check(self.keys, action, sequence)
            if problem is None and wanted.count(sequence) > 1 and sequence:
                problem = f"{keymap.native(sequence)} is given twice to this command."
            if problem is not None:
                self._refuse(problem)
                return
        self._set(action, tuple(k for k in wanted if k))

    def _set(self, action: str, keys: tuple[str, ...]) -> None:
        self.keys[action] = keys
        self._show_keys(self.table.currentRow())
        shown = ", ".join(keymap.native(k) for k in keys) or "no shortcut"
        self.message.setText(f"{keymap.command_name(action)}: {shown}.")
        self.message.setAccessibleDescription(self.message.text())

    def _refuse(self, problem: str) -> None:
        self.message.setText(problem)
        self.message.setAccessibleDescription(problem)
        self._show_row()  # back to the keys the command has
        QApplication.beep()

    def _clear_row(self) -> None:
        self._set(self.current_key(), ())
        self._show_row()

    def _reset_row(self) -> None:
        action = self.current_key()
        default = keymap.DEFAULTS[action]
        for sequence in default:
            other = keymap.owner(self.keys, sequence, but=action)
            if other is not None:
                self._refuse(
                    f"The default, {keymap.native(sequence)}, is now the shortcut of "
                    f"“{keymap.command_name(other)}”. Give that command another key first."
                )
                return
        self._set(action, default)
        self._show_row()

    def _reset_everything(self) -> None:
        self.keys = dict(keymap.DEFAULTS)
        for row in range(self.table.rowCount()):
            self._show_keys(row)
        self._show_row()
        self.message.setText("Every command has its default keys again.")

    # -- the result ----------------------------------------------------------------------------

    def values(self) -> PreferenceValues:
        return replace(
            self._values,
            font_size=self.font_size.value(),
            theme=str(self.theme.currentData()),
            rewind_ms=int(self.rewind.currentData()),
            skip_ms=round(self.skip.value() * 1000),
            keys=dict(self.keys),
        )
