"""The main window: the transcript under the player, panels, status bar, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor import APP_NAME
from editor.core.playback import PlaybackState, Player
from editor.core.project.store import ProjectStore
from editor.ui import drafts, file_commands, preferences, safety, save_status
from editor.ui.actions import build_actions
from editor.ui.collaborators import Collaborators
from editor.ui.dialogs import about_text
from editor.ui.dock_tabs import keep_tab_titles_whole
from editor.ui.editing import EditController
from editor.ui.find_bar import FindBar
from editor.ui.follow import FollowController
from editor.ui.glossary_controller import GlossaryController
from editor.ui.history_panel import HistoryPanel
from editor.ui.media_banner import MediaBanner
from editor.ui.notes_controller import NotesController
from editor.ui.panel_focus import edit_in_focused_panel
from editor.ui.player_controller import PlayerController
from editor.ui.publishing import Publisher
from editor.ui.settings import Settings
from editor.ui.shared_folder import SharedFolderController
from editor.ui.speaker_editor import SpeakerLineEdit
from editor.ui.speakers_panel import SpeakersPanel
from editor.ui.spelling_controller import SpellingController
from editor.ui.status_labels import StatusLabels
from editor.ui.timing_controller import TimingController
from editor.ui.transport import TransportBar
from editor.ui.turn_delegate import GUTTER, PAD
from editor.ui.turn_model import TurnListModel
from editor.ui.turn_playback import TurnPlayback
from editor.ui.turn_view import TurnListView
from editor.ui.undo import OperationRunner
from editor.ui.window_menus import build_menus, connect_actions
from editor.ui.word_controller import WordController


class MainWindow(QMainWindow):
    def __init__(self, player: Player, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.player = PlayerController(player, self)
        self.model = TurnListModel()
        self.view = TurnListView()
        self.view.setModel(self.model)
        self.follow = FollowController(self.model, self.view, self.settings.follow())
        self.transport = TransportBar()
        self.banner = MediaBanner()
        self.find_bar = FindBar(self.model)
        self.speaker_editor = SpeakerLineEdit(self.view.viewport())
        self.speaker_editor.hide()
        self.actions_by_key = build_actions(self)
        runner = OperationRunner(self.model, self.show_error)  # every write, through the session
        self.parts = Collaborators(  # what narrow controllers are given instead of the window
            self, self.model, self.view, runner, self.statusBar(), self.show_error
        )
        self.edits = EditController(self.parts, self.player)
        self.turn_playback = TurnPlayback(self.parts, self.player, self.follow)
        self.glossary = GlossaryController(self.parts)
        self.notes = NotesController(self.parts, self.player, self.glossary)
        self.timing = TimingController(self.parts, self.player, self.follow)
        self.words = WordController(
            self.parts, self.player, self.follow
        )  # word under the playhead, Alt+click, F7
        self.spelling = SpellingController(  # red wavy underlines, suggestions, dictionary
            self.parts, self.settings, self.glossary, self.action("check_spelling")
        )
        self.publisher = Publisher(self.parts, self.settings, self.notes.notes_panel.flush)
        self.edits.runner.refreshers.update(  # what an undo of each kind of record redraws
            glossary=self.glossary.reload,
            clips=self.notes.reload,
            chapters=self.notes.reload,
            episode=self.notes.reload,
            dictionary=self.spelling.refresh_known,
            media=self.load_media,
        )
        self._build_layout()
        self._build_docks()
        self.preferences = preferences.Preferences(  # text size, theme, skip, keys
            self.parts, self.settings, self.player, self.transport, self.actions_by_key
        )
        build_menus(self)
        connect_actions(self)
        self.labels = StatusLabels(  # reviewed count, paused following, the player
            self.parts, self.player.backend.name, self.follow, self.speakers_panel, self.find_bar
        )
        self.shared = SharedFolderController(self.parts, self.banner)  # network note, conflicts
        self.save_status = save_status.SaveStatus(self.parts, self.edits.drafts)  # "Saved", …
        self._connect()
        self.setAcceptDrops(True)
        self._restore_settings()
        self._update_title()

    # -- construction --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.placeholder = QLabel(
            "Open a project (Ctrl+O), start one from media and a transcript (Ctrl+N),\n"
            "or drop a project, a media file or a transcript here."
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        player_area = QWidget()
        player_layout = QVBoxLayout(player_area)
        player_layout.setContentsMargins(0, 0, 0, 0)
        player_layout.addWidget(self.transport)
        player_layout.addWidget(self.timing.waveform, 1)
        transcript_area = QWidget()
        layout = QVBoxLayout(transcript_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("playerSplitter")
        self.splitter.addWidget(player_area)
        self.splitter.addWidget(transcript_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

    def _build_docks(self) -> None:
        self.speakers_panel = SpeakersPanel()
        self.speakers_dock = self._dock("Speakers", "speakersDock", self.speakers_panel)
        self.glossary_dock = self._dock("Glossary", "glossaryDock", self.glossary.panel)
        self.clips_dock = self._dock("Clips", "clipsDock", self.notes.clips_panel)
        self.chapters_dock = self._dock("Chapters", "chaptersDock", self.notes.chapters_panel)
        self.notes_dock = self._dock("Show Notes", "showNotesDock", self.notes.notes_panel)
        for dock in (self.glossary_dock, self.clips_dock, self.chapters_dock, self.notes_dock):
            self.tabifyDockWidget(self.speakers_dock, dock)
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)
        keep_tab_titles_whole(self)
        self.speakers_dock.raise_()
        self.history_panel = HistoryPanel(self.edits.runner)
        self.history_view = self.history_panel.list
        self.history_dock = self._dock("History", "historyDock", self.history_panel)
        self.tabifyDockWidget(self.speakers_dock, self.history_dock)  # a tab, not a split
        self.history_dock.hide()
        self.speakers_dock.raise_()  # the first tab in front, as before History was added
        # View → History shows its tab in front, not behind the panel that was.
        self.history_dock.toggleViewAction().triggered.connect(
            lambda shown: self.history_dock.raise_() if shown else None
        )

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _connect(self) -> None:
        t, p = self.transport, self.player
        t.toggle_requested.connect(p.toggle)
        t.skip_requested.connect(p.skip)
        t.seek_requested.connect(p.seek)
        t.rate_requested.connect(p.set_rate)
        p.position_changed.connect(t.set_position)
        p.position_changed.connect(self.follow.on_position)
        p.state_changed.connect(self._on_state)
        p.duration_changed.connect(t.set_duration)
        p.rate_changed.connect(t.set_rate)
        p.stalled_changed.connect(t.set_stalled)
        p.rate_changed.connect(self.settings.set_rate)
        p.error.connect(lambda message: self.show_error(f"Player: {message}"))
        self.view.turn_clicked.connect(self.turn_playback.play_clicked_turn)
        self.banner.locate_file.connect(lambda: file_commands.locate_media(self))
        self.banner.search_folder.connect(lambda: file_commands.search_media_folder(self))
        self.speaker_editor.accepted.connect(self._apply_speaker)
        self.speaker_editor.cancelled.connect(self.view.setFocus)
        self.speakers_panel.rename_requested.connect(self.edits.rename_speaker)
        self.speakers_panel.merge_requested.connect(self.edits.merge_speakers)
        self.speakers_panel.assign_requested.connect(
            lambda name: self.edits.set_speaker(self.view.selected_rows(), name)
        )
        self.view.turn_delegate.providers.append(self.find_bar.provider())
        self.find_bar.highlights_changed.connect(self.view.viewport().update)
        self.find_bar.go_to_row.connect(lambda row: self.view.show_row(row, select=True))
        self.find_bar.replace_one.connect(self.edits.replace_match)
        self.find_bar.replace_every.connect(self._replace_all)

    # -- project lifecycle ---------------------------------------------------------------------

    @property
    def store(self) -> ProjectStore | None:
        """The open project (the turn model's: it is held in one place)."""
        return self.model.store

    def open_project(self, path: Path) -> bool:
        """Open a project file; on failure explain why and keep the current one."""
        store = safety.open_store(self.parts, path)
        if store is None:
            return False
        self.close_project()
        self.settings.add_recent_file(path)
        self.show_store(store)
        message = f"Opened {path.name}: {self.model.rowCount()} turns"
        if store.readonly:
            message += " — read-only: changes cannot be saved"
        if store.snapshot_problem:
            message += f" — warning: {store.snapshot_problem}"
        self.statusBar().showMessage(message, 10_000)
        drafts.offer_restore(self.parts)
        return True

    def show_store(self, store: ProjectStore) -> None:
        """(Re)load everything the window shows from ``store``: on opening and on a restore."""
        self.model.set_store(store)
        self.edits.runner.attach(store)
        self.stack.setCurrentWidget(self.view)
        self.load_media()
        self._update_title()
        self.labels.recount(None)
        self.glossary.reload()
        self.notes.reload()
        if self.model.rowCount():
            self.view.select_row(0)
        self.view.setFocus()

    def settle(self) -> None:
        """Finish what is under way: the open editor's text, show-notes typing, workers."""
        self.view.commit_open_editor()
        self.notes.notes_panel.flush()
        self.timing.stop_workers()  # an alignment must not land on another project
        self.publisher.wait()  # a publication in progress finishes writing its files

    def close_project(self) -> None:
        store = self.store
        if store is None:
            return
        self.settle()
        self.player.pause()
        self.player.load(None)
        self.edits.runner.attach(None)
        self.find_bar.close_bar()
        self.model.set_store(None)
        store.close()
        self.banner.hide()
        self.stack.setCurrentWidget(self.placeholder)
        self.transport.set_enabled(False)
        self.speakers_panel.refresh([], [])
        self.glossary.reload()
        self.notes.reload()
        self.labels.reviewed_label.setText("")
        self._update_title()

    def load_media(self) -> None:
        """Point the player at the project's media, or say it is missing."""
        assert self.store is not None
        link = self.store.media_link()
        media = self.store.media_path() if link else None
        self.banner.hide()
        if media is None:
            self.player.load(None)
            self.transport.set_enabled(False)
            self.timing.load_waveform(None)
            if link is not None:
                self.banner.show_missing(link.relative_path or link.absolute_path)
            return
        self.player.load(media, link.duration_ms if link else None)
        self.player.set_rate(self.settings.rate())
        self.transport.set_enabled(True)
        self.timing.load_waveform(media)

    def _update_title(self) -> None:
        name = self.store.path.stem if self.store is not None else None
        if self.store is not None and self.store.readonly:
            name = f"{name} [read-only]"
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)

    # -- commands ------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        QApplication.beep()

    def edit_current_text(self) -> None:
        """F2: edit what has the focus; the selected turn unless another list or table has it."""
        if edit_in_focused_panel(self, self.view):
            return
        row = self.view.current_row()
        if row is not None:
            self.view.open_editor(row)

    def edit_current_speaker(self) -> None:
        row = self.view.current_row()
        if row is None:
            return
        self.view.show_row(row, select=False)
        rect = self.view.visualRect(self.model.index(row))
        area = QRect(
            rect.left() + GUTTER - 2,
            rect.top() + 2,
            min(360, rect.width() - GUTTER),
            self.view.fontMetrics().height() + PAD,
        )
        names = [s.name for s in self.model.speakers()]
        self.speaker_editor.start(names, self.model.speaker_name(self.model.turn(row)), area)

    def _apply_speaker(self, name: str) -> None:
        current = self.view.current_row()
        rows = self.view.selected_rows() or ([current] if current is not None else [])
        self.edits.set_speaker(rows, name)
        self.view.setFocus()

    def _replace_all(self, query: object, replacement: str, speaker_id: object) -> None:
        count = self.edits.replace_all(query, replacement, speaker_id)  # type: ignore[arg-type]
        self.find_bar.report_replaced(count)
        self.statusBar().showMessage(f"Replaced {count} occurrence(s)", 5000)

    def copy_selected_turns(self) -> None:
        rows = self.view.selected_rows()
        text = "\n\n".join(
            f"{self.model.speaker_name(self.model.turn(r)) or 'Unknown Speaker'}:\n\n"
            f"{self.model.turn(r).text}"
            for r in rows
        )
        if text:
            QGuiApplication.clipboard().setText(text + "\n")

    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", about_text(self.player.backend.name))

    def set_follow(self, enabled: bool) -> None:
        self.follow.set_enabled(enabled)
        self.settings.set_follow(enabled)

    def set_rewind(self, value: int) -> None:
        self.player.rewind_on_resume_ms = value
        self.settings.set_rewind_on_resume_ms(value)

    def _on_state(self, state: PlaybackState) -> None:
        self.transport.set_state(state)

    def zoom(self, step: int) -> None:
        font = self.view.font()
        size = font.pointSizeF() if step else QGuiApplication.font().pointSizeF()
        font.setPointSizeF(max(7.0, min(32.0, size + step)))
        self.view.change_font(font)

    # -- settings, drag and drop, closing -------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 760)
        state = self.settings.window_state()
        if state is None or not self.restoreState(state):
            self.resizeDocks([self.speakers_dock], [420], Qt.Orientation.Horizontal)
        splitter = self.settings.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.sync()
        self.close_project()
        self.notes.stop_workers()  # a cut or video under way: cancelled, no half file left
        self.player.close()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if file_commands.local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for path in file_commands.local_files(event.mimeData()):
            file_commands.open_dropped(self, path)
        event.acceptProposedAction()

    def action(self, key: str) -> QAction:
        return self.actions_by_key[key]
