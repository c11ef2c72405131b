"""The main window: the transcript beside the player, menus, status bar, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from editor import APP_NAME
from editor.core.errors import EditorError
from editor.core.formats import export_choices
from editor.core.playback import PlaybackState, Player
from editor.core.project.media_link import MEDIA_SUFFIXES
from editor.core.project.store import ProjectStore
from editor.ui import file_commands
from editor.ui.actions import SPECS, build_actions
from editor.ui.dialogs import about_text, show_shortcuts
from editor.ui.follow import FollowController
from editor.ui.media_banner import MediaBanner
from editor.ui.player_controller import SKIP_MS, PlayerController
from editor.ui.settings import REWIND_CHOICES_MS, Settings
from editor.ui.transport import TransportBar
from editor.ui.turn_model import TurnListModel
from editor.ui.turn_view import TurnListView

PROJECT_SUFFIXES = (".tep",)


class MainWindow(QMainWindow):
    def __init__(self, player: Player, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.store: ProjectStore | None = None
        self.player = PlayerController(player, self)
        self.model = TurnListModel()
        self.view = TurnListView()
        self.view.setModel(self.model)
        self.follow = FollowController(self.model, self.view, self.settings.follow())
        self.transport = TransportBar()
        self.banner = MediaBanner()
        self.actions_by_key = build_actions(self)
        self._build_layout()
        self._build_menus()
        self._build_status_bar()
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
        player_area = QWidget()  # the transport now, the waveform later
        player_layout = QVBoxLayout(player_area)
        player_layout.setContentsMargins(0, 0, 0, 0)
        player_layout.addWidget(self.transport)
        transcript_area = QWidget()
        transcript_layout = QVBoxLayout(transcript_area)
        transcript_layout.setContentsMargins(0, 0, 0, 0)
        transcript_layout.setSpacing(0)
        transcript_layout.addWidget(self.banner)
        transcript_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("playerSplitter")
        self.splitter.addWidget(player_area)
        self.splitter.addWidget(transcript_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for spec in SPECS:
            menu = menus.get(spec.menu)
            if menu is None:
                menu = menus[spec.menu] = self.menuBar().addMenu(f"&{spec.menu}")
            if spec.key == "quit":
                menu.addMenu(self._recent_menu())
                menu.addMenu(self._export_menu())
                menu.addSeparator()
            menu.addAction(self.actions_by_key[spec.key])
            if spec.key == "seek_selected":
                menu.addSeparator()
                menu.addMenu(self._rewind_menu())
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _recent_menu(self) -> QMenu:
        self.recent_menu = QMenu("Open &Recent", self)
        return self.recent_menu

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [Path(p) for p in self.settings.recent_files()]
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _export_menu(self) -> QMenu:
        menu = QMenu("&Export", self)
        for name, description in export_choices():
            action = menu.addAction(f"{description} (.{name})…")
            action.triggered.connect(lambda _=False, n=name: file_commands.export(self, n))
        self.export_menu = menu
        return menu

    def _rewind_menu(self) -> QMenu:
        menu = QMenu("Rewind on &Resume", self)
        group = QActionGroup(menu)
        current = self.settings.rewind_on_resume_ms()
        for value in REWIND_CHOICES_MS:
            label = "Off" if value == 0 else f"{value / 1000:g} s"
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, v=value: self._set_rewind(v))
        self.player.rewind_on_resume_ms = current
        return menu

    def _build_status_bar(self) -> None:
        self.player_label = QLabel(self.player.backend.name)
        self.player_label.setToolTip(f"Media player: {self.player.backend.name}")
        self.follow_label = QLabel("")
        self.statusBar().addPermanentWidget(self.follow_label)
        self.statusBar().addPermanentWidget(self.player_label)

    def _connect(self) -> None:
        a = self.actions_by_key
        a["new"].triggered.connect(lambda: file_commands.new_project(self))
        a["open"].triggered.connect(lambda: file_commands.open_dialog(self))
        a["import"].triggered.connect(lambda: file_commands.import_dialog(self))
        a["locate_media"].triggered.connect(lambda: file_commands.locate_media(self))
        a["quit"].triggered.connect(self.close)
        a["copy"].triggered.connect(self.copy_selected_turns)
        a["select_all"].triggered.connect(self.view.selectAll)
        a["follow"].setChecked(self.follow.enabled)
        a["follow"].toggled.connect(self._set_follow)
        a["jump_current"].triggered.connect(self.follow.resume)
        a["zoom_in"].triggered.connect(lambda: self._zoom(1))
        a["zoom_out"].triggered.connect(lambda: self._zoom(-1))
        a["zoom_reset"].triggered.connect(lambda: self._zoom(0))
        a["play_pause"].triggered.connect(self.player.toggle)
        a["back"].triggered.connect(lambda: self.player.skip(-SKIP_MS))
        a["forward"].triggered.connect(lambda: self.player.skip(SKIP_MS))
        a["slower"].triggered.connect(self.player.slower)
        a["faster"].triggered.connect(self.player.faster)
        a["normal_speed"].triggered.connect(lambda: self.player.set_rate(1.0))
        a["replay_turn"].triggered.connect(self.replay_current_turn)
        a["seek_selected"].triggered.connect(self.play_selected_turn)
        a["shortcuts"].triggered.connect(lambda: show_shortcuts(self))
        a["about"].triggered.connect(self.show_about)
        t = self.transport
        t.toggle_requested.connect(self.player.toggle)
        t.skip_requested.connect(self.player.skip)
        t.seek_requested.connect(self.player.seek)
        t.rate_requested.connect(self.player.set_rate)
        p = self.player
        p.position_changed.connect(t.set_position)
        p.position_changed.connect(self.follow.on_position)
        p.state_changed.connect(self._on_state)
        p.duration_changed.connect(t.set_duration)
        p.rate_changed.connect(t.set_rate)
        p.rate_changed.connect(self.settings.set_rate)
        p.error.connect(lambda message: self.statusBar().showMessage(f"Player: {message}", 8000))
        self.view.turn_clicked.connect(self.seek_to_turn)
        self.follow.suspended_changed.connect(self._on_follow_suspended)
        self.banner.locate_file.connect(lambda: file_commands.locate_media(self))
        self.banner.search_folder.connect(lambda: file_commands.search_media_folder(self))

    # -- project lifecycle ---------------------------------------------------------------------

    def open_project(self, path: Path) -> bool:
        """Open a project file; on failure explain why and keep the current one."""
        try:
            store = ProjectStore.open(path)
        except EditorError as error:
            QMessageBox.critical(self, "Cannot Open Project", str(error))
            return False
        self.close_project()
        self.store = store
        self.model.set_store(store)
        self.stack.setCurrentWidget(self.view)
        self.settings.add_recent_file(path)
        self.load_media()
        self._update_title()
        if self.model.rowCount():
            self.view.select_row(0)
        self.view.setFocus()
        self.statusBar().showMessage(f"Opened {path.name}: {self.model.rowCount()} turns", 5000)
        return True

    def close_project(self) -> None:
        if self.store is None:
            return
        self.player.pause()
        self.player.load(None)
        self.model.set_store(None)
        self.store.close()
        self.store = None
        self.banner.hide()
        self.stack.setCurrentWidget(self.placeholder)
        self.transport.set_enabled(False)
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
            if link is not None:
                self.banner.show_missing(link.relative_path or link.absolute_path)
            return
        self.player.load(media, link.duration_ms if link else None)
        self.player.set_rate(self.settings.rate())
        self.transport.set_enabled(True)

    def _update_title(self) -> None:
        name = self.store.path.stem if self.store is not None else None
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)

    # -- commands ------------------------------------------------------------------------------

    def seek_to_turn(self, row: int) -> None:
        start = self.model.turn(row).start_ms
        if start is None or not self.player.has_media:
            return
        self.player.seek(start)
        self.follow.resume()

    def play_selected_turn(self) -> None:
        row = self.view.current_row()
        if row is not None and self.model.turn(row).start_ms is not None:
            self.player.play_from(self.model.turn(row).start_ms or 0)
            self.follow.resume()

    def replay_current_turn(self) -> None:
        row = self.model.current_row()
        if row is None:
            row = self.view.current_row()
        if row is not None and self.model.turn(row).start_ms is not None:
            self.player.play_from(self.model.turn(row).start_ms or 0)

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

    def _set_follow(self, enabled: bool) -> None:
        self.follow.set_enabled(enabled)
        self.settings.set_follow(enabled)

    def _set_rewind(self, value: int) -> None:
        self.player.rewind_on_resume_ms = value
        self.settings.set_rewind_on_resume_ms(value)

    def _on_state(self, state: PlaybackState) -> None:
        self.transport.set_state(state)

    def _on_follow_suspended(self, suspended: bool) -> None:
        self.follow_label.setText("Following paused — Ctrl+L to jump back" if suspended else "")

    def _zoom(self, step: int) -> None:
        font = self.view.font()
        size = font.pointSizeF() if step else QGuiApplication.font().pointSizeF()
        font.setPointSizeF(max(7.0, min(32.0, size + step)))
        self.view.setFont(font)
        self.view.scheduleDelayedItemsLayout()

    # -- settings, drag and drop, closing -------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 760)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.sync()
        self.close_project()
        self.player.close()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for path in _local_files(event.mimeData()):
            self.open_path(path)
        event.acceptProposedAction()

    def open_path(self, path: Path) -> None:
        """Open whatever the user dropped: a project, media for it, or a transcript."""
        suffix = path.suffix.lower()
        if suffix in PROJECT_SUFFIXES:
            self.open_project(path)
        elif suffix in MEDIA_SUFFIXES:
            file_commands.use_media(self, path)
        else:
            file_commands.take_transcript(self, path)

    def action(self, key: str) -> QAction:
        return self.actions_by_key[key]


def _local_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
