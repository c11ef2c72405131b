"""The turn list: a virtualised view with keyboard navigation, click to seek (Alt+click: from
the word clicked), and signals that tell the follow logic when the user has taken over scrolling."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate, QToolTip, QWidget

from editor.ui.turn_delegate import TurnDelegate
from editor.ui.turn_editor import TurnTextEditor
from editor.ui.turn_model import TurnListModel, TurnRole

WORD_CLICK = Qt.KeyboardModifier.AltModifier  # Ctrl and Shift+click extend the selection


NAVIGATION_KEYS = (
    Qt.Key.Key_End,
    Qt.Key.Key_Home,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
)


class TurnListView(QListView):
    turn_clicked = Signal(int)  # row: the user clicked a turn (play from it)
    word_clicked = Signal(int, int)  # row, character offset (-1: none): Alt+click, play from it
    user_scrolled = Signal()  # the user moved the view themselves
    user_moved_selection = Signal(int)  # keyboard navigation to a row
    text_tooltip = Signal(int, int, QPoint)  # row, character offset, global position
    text_context_menu = Signal(int, int, QPoint)  # row, character offset (-1: none), global

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn_delegate = TurnDelegate(self)
        self.setItemDelegate(self.turn_delegate)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setAccessibleName("Transcript turns")
        self._programmatic = 0
        self.turn_delegate.sizeHintChanged.connect(self._keep_open_editor_in_view)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)

    # -- programmatic moves (do not count as the user's) ---------------------------------------

    def show_row(self, row: int, select: bool) -> None:
        index = self.model().index(row, 0)
        if not index.isValid():
            return
        self.ensure_laid_out(row)
        self._programmatic += 1
        try:
            if select:
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._programmatic -= 1

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelAboutToBeReset.connect(self.relayout_in_batches)
        if isinstance(model, TurnListModel):
            model.current_changed.connect(self.repaint_rows)

    def repaint_rows(self, *rows: int | None) -> None:
        """Paint these rows again (their looks changed, not their heights): no relayout."""
        model = self.model()
        for row in rows:
            index = model.index(row, 0) if row is not None and model is not None else None
            if index is not None and index.isValid():
                self.viewport().update(self.visualRect(index))

    # A long episode is first laid out in batches (200 turns per round of the event loop), so
    # it opens fast. Once whole, the list switches to single-pass layout: in batched mode every
    # later relayout (an editor growing by a line) starts again from the top, and a turn past
    # the first batch vanished under its open editor, which failed ("edit: editing failed")
    # and left the keyboard nowhere. A jump past the laid-out rows before that (End, F2, find,
    # follow) finishes the layout at once (a few tenths of a second at 12,000 turns).

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.layoutMode() == QListView.LayoutMode.Batched and self._laid_out(-1):
            self.setLayoutMode(QListView.LayoutMode.SinglePass)  # takes effect at the next one

    def _laid_out(self, row: int) -> bool:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return True
        index = model.index(row % model.rowCount(), 0)
        return self.visualRect(index).isValid()

    def ensure_laid_out(self, row: int) -> None:
        """Finish the list's layout now if ``row`` is not laid out yet."""
        if self.layoutMode() == QListView.LayoutMode.Batched and not self._laid_out(row):
            self.setLayoutMode(QListView.LayoutMode.SinglePass)
            self.doItemsLayout()

    def change_font(self, font: QFont) -> None:
        """A new text size (Ctrl++), keeping the turn at the top of the view where it was."""
        top = self.indexAt(QPoint(4, 4))
        self.setFont(font)
        self.turn_delegate.invalidate()
        self.setLayoutMode(QListView.LayoutMode.SinglePass)  # laid out now, whole
        self.doItemsLayout()
        if top.isValid():
            self._programmatic += 1
            try:
                self.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)
            finally:
                self._programmatic -= 1

    def relayout_in_batches(self) -> None:
        """A new project: lay the list out in batches again (its first screen shows at once)."""
        self.setLayoutMode(QListView.LayoutMode.Batched)

    def select_row(self, row: int) -> None:
        self.show_row(row, select=True)

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.selectionModel().selectedIndexes())

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    # -- editing -------------------------------------------------------------------------------

    def open_editor(self, row: int) -> None:
        open_editor = self.open_text_editor()
        if open_editor is not None:  # F2 while typing: stay in the editor (Qt would warn)
            open_editor.setFocus()
            return
        index = self.model().index(row, 0)
        if index.isValid():
            self.show_row(row, select=True)
            self.edit(index)

    def _keep_open_editor_in_view(self, index: QModelIndex) -> None:
        # The editor grew (a new line): once the list has been laid out again, scroll so the
        # whole editor stays visible, as a text field would.
        editor = self.open_text_editor()
        if editor is not None and index.isValid():
            row = index.row()
            QTimer.singleShot(0, lambda: self._scroll_to_editor(row))

    def _scroll_to_editor(self, row: int) -> None:
        if self.open_text_editor() is not None and self.currentIndex().row() == row:
            self.scrollTo(self.model().index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def open_text_editor(self) -> TurnTextEditor | None:
        editors = [e for e in self.viewport().findChildren(TurnTextEditor) if not e.finished]
        return editors[0] if editors else None

    def commit_open_editor(self) -> None:
        """Save what is being typed (before closing a project or the window)."""
        editor = self.open_text_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in NAVIGATION_KEYS and not editing:
            self.ensure_laid_out(self.model().rowCount() - 1)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and plain and not editing and self.currentIndex().isValid():
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

    # -- pointing at text ----------------------------------------------------------------------

    def offset_at(self, point: QPoint) -> tuple[int, int | None] | None:
        """(row, character offset or None) under a viewport point."""
        index = self.indexAt(point)
        if not index.isValid():
            return None
        turn = index.data(TurnRole)
        rect = self.visualRect(index)
        return index.row(), self.turn_delegate.offset_at(rect, point, turn, self.font())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.offset_at(event.pos())
            if found is not None and found[1] is not None:
                self.text_tooltip.emit(found[0], found[1], event.globalPos())
                return True
            QToolTip.hideText()
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        found = self.offset_at(self.viewport().mapFrom(self, event.pos()))
        if found is not None:
            self.select_row(found[0])
            offset = found[1] if found[1] is not None else -1
            self.text_context_menu.emit(found[0], offset, event.globalPos())

    # -- user input ----------------------------------------------------------------------------

    def _on_scroll(self, _value: int) -> None:
        if not self._programmatic:
            self.user_scrolled.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        super().wheelEvent(event)
        self.user_scrolled.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        extending = event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        )
        if event.button() != Qt.MouseButton.LeftButton or not index.isValid() or extending:
            return
        if event.modifiers() & WORD_CLICK:
            found = self.offset_at(event.position().toPoint())
            offset = found[1] if found is not None and found[1] is not None else -1
            self.word_clicked.emit(index.row(), offset)
        else:
            self.turn_clicked.emit(index.row())

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and not self._programmatic:
            self.user_moved_selection.emit(current.row())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.turn_delegate.set_width(self.viewport().width())
        super().resizeEvent(event)
