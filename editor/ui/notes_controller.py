"""Clips, chapters and show notes in the window: the panels' commands and the audio cuts.

The controller is given the window's parts, the player (a clip plays its range) and the glossary
controller (an episode page brings terms), not the window (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QProgressDialog

from editor.core import ops
from editor.core.audio_cut import cut_audio
from editor.core.chapter_suggest import Suggestion, left_out, suggest_chapters
from editor.core.chapters import chapter_at_turn
from editor.core.clips import AUDITION_MS, clip_from_span, clip_from_turns, nudge
from editor.core.episode_page import read_episode_page
from editor.core.errors import EditorError
from editor.core.filenames import safe_filename
from editor.core.model import Clip, EpisodeMeta
from editor.core.ops.chapters import (
    SUGGESTED_LABEL,
    SUGGESTED_RECORDS,
    Added,
    Existing,
    add_suggested_chapters,
)
from editor.core.ops.episode import PAGE_RECORDS
from editor.core.project.record_history import RecordKind
from editor.core.project.store import ProjectStore
from editor.core.shownotes import render_shownotes
from editor.core.textfile import read_text
from editor.core.words import reconcile
from editor.ui.chapters_panel import ChaptersPanel
from editor.ui.clip_video import ClipVideoController
from editor.ui.clips_panel import ClipsPanel
from editor.ui.shownotes_panel import ShowNotesPanel
from editor.ui.suggest_chapters_dialog import Basis, SuggestChaptersDialog

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators
    from editor.ui.glossary_controller import GlossaryController
    from editor.ui.player_controller import PlayerController

T = TypeVar("T")


class CutWorker(QThread):
    """Cuts clips in the background; the dialog's Cancel stops it between frames."""

    progressed = Signal(int)  # 0–1000 over all clips
    failed = Signal(str)

    def __init__(self, media: Path, jobs: list[tuple[Clip, Path]]) -> None:
        super().__init__()
        self.media, self.jobs = media, jobs
        self.cancelled = False

    def run(self) -> None:
        for number, (clip, target) in enumerate(self.jobs):

            def report(part: float, number: int = number) -> None:
                self.progressed.emit(round(1000 * (number + part) / len(self.jobs)))

            try:
                cut_audio(
                    self.media,
                    clip.start_ms,
                    clip.end_ms,
                    target,
                    progress=report,
                    cancelled=lambda: self.cancelled,
                )
            except EditorError as error:
                self.failed.emit(str(error))
                return


class NotesController(QObject):
    def __init__(
        self, parts: Collaborators, player: PlayerController, glossary: GlossaryController
    ) -> None:
        super().__init__(parts.parent)
        self.parts, self.player, self.glossary = parts, player, glossary
        self.clips_panel = ClipsPanel()
        self.chapters_panel = ChaptersPanel()
        self.notes_panel = ShowNotesPanel()
        self.worker: CutWorker | None = None
        c = self.clips_panel
        c.play.connect(lambda i: self._play(self._clip(i)))
        c.audition.connect(self.audition)
        c.nudge.connect(self.nudge)
        c.edited.connect(self._edit_clip)
        c.in_notes.connect(lambda i, on: self._update_clip(replace(self._clip(i), in_notes=on)))
        c.delete.connect(self.delete_clips)
        c.cut.connect(self.cut_dialog)
        self.video = ClipVideoController(parts)
        c.make_video.connect(self.video.ask)
        h = self.chapters_panel
        h.add_requested.connect(self.add_chapter_dialog)
        h.suggest_requested.connect(self.suggest_chapters)
        h.remove_requested.connect(self.remove_chapters)
        h.edited.connect(self._edit_chapter)
        h.go_to.connect(player.seek)
        n = self.notes_panel
        n.changed.connect(self.save_meta)
        n.preview_requested.connect(self.preview)

    def stop_workers(self) -> None:
        """On quitting: a cut or a video under way is cancelled, leaving no half file."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancelled = True
            self.worker.wait(10_000)
        self.video.stop()

    # -- refresh -------------------------------------------------------------------------------

    def reload(self) -> None:
        store = self.parts.model.store
        self.clips_panel.show_clips(store.clips.all() if store else [])
        self.chapters_panel.show_chapters(store.chapters.all() if store else [])
        self.notes_panel.load(store.episode() if store else EpisodeMeta())
        self.preview()

    def preview(self, kind: str | None = None) -> None:
        store = self.parts.model.store
        kind = kind or self.notes_panel.kind.currentData()
        if store is None:
            self.notes_panel.show_preview(kind, "", ())
            return
        exported = render_shownotes(store, kind, "show notes")
        assert isinstance(exported.content, str)
        self.notes_panel.show_preview(kind, exported.content, exported.warnings)

    def save_meta(self, meta: EpisodeMeta) -> None:
        """The form's metadata, as one step (its fields stay as typed; the preview follows);
        saves a minute apart or less while typing join one step."""
        if self.parts.model.store is not None:
            self.parts.runner.run_records(
                "episode",
                "Edit episode details",
                lambda s: s.set_episode(meta),
                self.preview,
                merge=True,
            )

    # -- clips ---------------------------------------------------------------------------------

    def new_clip(self) -> Clip | None:
        """A clip of the text selected in the open editor, or of the selected turns."""
        model, store = self.parts.model, self.parts.model.store
        if store is None:
            return None
        editor = self.parts.view.open_text_editor()
        try:
            if editor is not None and editor.textCursor().hasSelection():
                cursor = editor.textCursor()
                row = model.row_of(editor.turn_id)
                assert row is not None
                turn = store.turn(model.turn(row).id)  # with its word timings
                typed = editor.toPlainText()  # the selection is in the text as typed so far
                if typed != turn.text:
                    turn = replace(turn, text=typed, words=reconcile(turn.words, typed))
                clip = clip_from_span(
                    turn, cursor.selectionStart(), cursor.selectionEnd(), model.speaker_name(turn)
                )
            else:
                rows = self.parts.view.selected_rows()
                if not rows:
                    raise EditorError("select the turns (or the words) to clip")
                turns = [store.turn(model.turn(r).id) for r in range(rows[0], rows[-1] + 1)]
                clip = clip_from_turns(turns, model.speaker_name(turns[0]))
        except EditorError as error:
            self.parts.show_error(str(error))
            return None
        added = self._step("clips", "New clip", lambda s: s.clips.add(clip))
        if added is not None:
            self.parts.message(f"New clip: {added.title}", 5000)
        return added

    def _clip(self, clip_id: int) -> Clip:
        store = self.parts.model.store
        assert store is not None
        return store.clips.get(clip_id)

    def _step(self, kind: RecordKind, label: str, action: Callable[[ProjectStore], T]) -> T | None:
        """A clip or chapter change as one undoable step; ``None`` if it was refused."""
        return self.parts.runner.run_records(kind, label, action, self.reload)

    def _update_clip(self, clip: Clip, label: str = "Edit clip") -> None:
        self._step("clips", label, lambda s: s.clips.update(clip))

    def _edit_clip(self, clip_id: int, field: str, value: str) -> None:
        clip = self._clip(clip_id)
        text = value.strip()
        if field == "tags":
            changed = replace(clip, tags=tuple(t.strip() for t in value.split(",") if t.strip()))
        elif field == "title":
            changed = replace(clip, title=text)
        elif field == "note":
            changed = replace(clip, note=text)
        else:  # only text fields are edited in place: times go through their own commands
            raise ValueError(f"a clip's {field!r} is not edited as text")
        self._update_clip(changed)

    def _play(self, clip: Clip) -> None:
        self.player.play_range(clip.start_ms, clip.end_ms)

    def nudge(self, clip_id: int, edge: str, delta_ms: int) -> None:
        clip = nudge(self._clip(clip_id), edge, delta_ms)
        self._update_clip(clip, f"Nudge clip {edge}")
        self.audition(clip_id, edge)

    def audition(self, clip_id: int, edge: str) -> None:
        clip = self._clip(clip_id)
        if edge == "start":
            self.player.play_range(clip.start_ms, clip.start_ms + AUDITION_MS)
        else:
            self.player.play_range(max(0, clip.end_ms - AUDITION_MS), clip.end_ms)

    def delete_clips(self, clip_ids: list[int]) -> None:
        if self.parts.model.store is not None and clip_ids:
            label = "Delete clip" if len(clip_ids) == 1 else f"Delete {len(clip_ids)} clips"
            self._step("clips", label, lambda s: s.clips.remove(*clip_ids))

    def cut_dialog(self, clip_ids: list[int]) -> None:
        store = self.parts.model.store
        if store is None or not clip_ids:
            return
        clips = [self._clip(i) for i in clip_ids]
        if len(clips) == 1:
            path, _ = QFileDialog.getSaveFileName(
                self.parts.parent,
                "Save the Clip's Audio",
                str(
                    store.path.with_name(f"{safe_filename(clips[0].title) or store.path.stem}.mp3")
                ),
                "Audio (*.mp3 *.wav *.m4a *.ogg)",
            )
            jobs = [(clips[0], Path(path))] if path else []
        else:
            folder = QFileDialog.getExistingDirectory(self.parts.parent, "Folder for the Clips")
            jobs = [(c, Path(folder) / f"{c.id:03d} {safe_filename(c.title)}.mp3") for c in clips]
            jobs = jobs if folder else []
        if jobs:
            self.cut(jobs)

    def cut(self, jobs: list[tuple[Clip, Path]], show_progress: bool = True) -> CutWorker | None:
        """Cut in a worker thread, with a progress dialog that can cancel it."""
        store = self.parts.model.store
        media = store.media_path() if store else None
        if media is None:
            self.parts.show_error("The media file is missing; locate it first.")
            return None
        worker = self.worker = CutWorker(media, jobs)
        worker.failed.connect(self.parts.show_error)
        if show_progress:
            dialog = QProgressDialog("Cutting audio…", "Cancel", 0, 1000, self.parts.parent)
            dialog.setMinimumDuration(300)
            worker.progressed.connect(dialog.setValue)
            dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
            worker.finished.connect(dialog.reset)
        worker.finished.connect(lambda: self.parts.message(f"Cut {len(jobs)} clip(s)", 5000))
        worker.start()
        return worker

    # -- chapters ------------------------------------------------------------------------------

    def add_chapter(self, row: int, title: str) -> None:
        store = self.parts.model.store
        if store is None:
            return
        try:
            chapter = chapter_at_turn(self.parts.model.turn(row), title)
        except EditorError as error:
            self.parts.show_error(str(error))
            return
        self._step("chapters", "New chapter", lambda s: s.chapters.add(chapter))

    def add_chapter_dialog(self) -> None:
        row = self.parts.view.current_row()
        if row is None:
            self.parts.show_error("Select the turn where the chapter starts.")
            return
        title, ok = QInputDialog.getText(self.parts.parent, "New Chapter", "Chapter title:")
        if ok and title.strip():
            self.add_chapter(row, title)

    def suggest_chapters(self) -> None:
        """Suggest chapters, let the user review them, add the checked ones as one step."""
        store = self.parts.model.store
        if store is None:
            return
        self.notes_panel.flush()  # topics just typed count
        topics = store.episode().topics

        def suggest(basis: Basis) -> tuple[list[Suggestion], list[str]]:
            if basis == "subjects":
                return suggest_chapters(store, topics=False), []
            found = suggest_chapters(store, page_order=basis == "page order")
            return found, left_out(found, topics)

        try:
            suggestions, missing = suggest("spoken")
        except EditorError as error:
            self.parts.show_error(str(error))
            return
        if not suggestions:
            self.parts.show_error("The project has no turns to suggest chapters for.")
            return
        dialog = SuggestChaptersDialog(
            suggestions,
            len(store.chapters.all()),
            self.parts.parent,
            missing,
            suggest if topics else None,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_suggested(dialog.chosen(), dialog.existing())

    def add_suggested(self, chosen: list[Suggestion], existing: Existing) -> Added | None:
        added = self._step(
            SUGGESTED_RECORDS,
            SUGGESTED_LABEL,
            lambda s: add_suggested_chapters(s, chosen, existing),
        )
        if added is not None:
            left = f", {len(added.skipped)} left out (a kept chapter starts then)"
            self.parts.message(
                f"Added {len(added.chapters)} chapters{left if added.skipped else ''}", 5000
            )
        return added

    def remove_chapters(self, chapter_ids: list[int]) -> None:
        if self.parts.model.store is not None and chapter_ids:
            self._step(
                "chapters",
                "Delete chapter"
                if len(chapter_ids) == 1
                else f"Delete {len(chapter_ids)} chapters",
                lambda s: s.chapters.remove(*chapter_ids),
            )

    def _edit_chapter(self, chapter_id: int, field: str, value: str) -> None:
        store = self.parts.model.store
        if store is None:
            return
        chapter = next(c for c in store.chapters.all() if c.id == chapter_id)
        text = value.strip()
        if field == "title":
            changed = replace(chapter, title=text)
        elif field == "url":
            changed = replace(chapter, url=text)
        elif field == "img":
            changed = replace(chapter, img=text)
        else:  # only text fields are edited in place: the start follows its turn
            raise ValueError(f"a chapter's {field!r} is not edited as text")
        self._step("chapters", "Edit chapter", lambda s: s.chapters.update(changed))

    # -- the episode page ----------------------------------------------------------------------

    def import_page(self, path: Path) -> bool:
        store = self.parts.model.store
        if store is None:
            return False
        try:
            page = read_episode_page(read_text(path))
        except EditorError as error:
            self.parts.show_error(str(error))
            return False
        # The command line's use case: metadata, glossary and transcript, as one step.
        changes = self.parts.runner.run(
            lambda s: ops.import_episode_page(s, page), records=PAGE_RECORDS
        )
        if changes is None:
            return False
        self.glossary.reload()
        self.reload()
        self.parts.message(f"Imported the episode page {path.name}", 5000)
        return True

    def import_page_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parts.parent, "Import Episode Page", "", "Text (*.txt);;All files (*)"
        )
        if path:
            self.import_page(Path(path))
