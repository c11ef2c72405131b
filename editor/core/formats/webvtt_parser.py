"""The W3C WebVTT file parsing algorithm, step by step (https://www.w3.org/TR/webvtt1/#file-parsing).

``parse`` checks the signature (``WEBVTT`` then a space, a tab, a line break or the end), turns
NUL into U+FFFD, skips the header block, and collects blocks: a cue (an optional identifier, a
timing line, text up to a blank line, or up to the next line holding ``-->``), a ``STYLE`` or
``REGION`` block (only before the first cue), or nothing. What the spec drops is returned too, in
``dropped``, so that a reader can say so (or keep its text) with the line it was on.
Timestamps follow "collect a WebVTT timestamp": ``[h…:]mm:ss.ttt``, exactly three fraction
digits, minutes and seconds under 60. Cue settings are kept as the raw text after the end time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.errors import InputError
from editor.core.timecode import MAX_MS

ASCII_WHITESPACE = " \t\n\f\r"
SIGNATURE = "WEBVTT"


@dataclass(frozen=True)
class VttCue:
    """A parsed cue: its timing line number, identifier, times, raw settings and raw text."""

    line: int
    identifier: str
    start_ms: int
    end_ms: int
    settings: str
    text: str


@dataclass(frozen=True)
class DroppedBlock:
    """A block the algorithm returns nothing for; ``timing`` is its unreadable timing line."""

    line: int
    text: str
    timing: str | None = None
    before_first_cue: bool = False


@dataclass
class VttFile:
    header: str = ""
    cues: list[VttCue] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    dropped: list[DroppedBlock] = field(default_factory=list)


# "Collect a WebVTT timestamp": each field takes every digit there is, so a field of the wrong
# length fails instead of matching a shorter prefix.
_TIMESTAMP = re.compile(
    r"([0-9]+):([0-9]{2})(?![0-9])(?::([0-9]{2})(?![0-9]))?\.([0-9]{3})(?![0-9])"
)


def collect_timestamp(text: str, position: int) -> tuple[int, int] | None:
    """(milliseconds, position after it) for a WebVTT timestamp at ``position``, else None."""
    match = _TIMESTAMP.match(text, position)
    if match is None:
        return None
    first, second, third, millis = match.groups()
    if third is None:
        if len(first) != 2 or int(first) > 59:  # hours, which need minutes and seconds
            return None
        hours, minutes, seconds = 0, int(first), int(second)
    else:
        hours, minutes, seconds = int(first), int(second), int(third)
    if minutes > 59 or seconds > 59:
        return None
    total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(millis)
    if total > MAX_MS:  # a time no recording reaches: the project could not store it
        return None
    return total, match.end()


def _skip_whitespace(text: str, position: int) -> int:
    while position < len(text) and text[position] in ASCII_WHITESPACE:
        position += 1
    return position


def parse_timing(line: str) -> tuple[int, int, str] | None:
    """ "Collect WebVTT cue timings and settings": (start, end, settings) or None."""
    start = collect_timestamp(line, _skip_whitespace(line, 0))
    if start is None:
        return None
    position = _skip_whitespace(line, start[1])
    if line[position : position + 3] != "-->":
        return None
    end = collect_timestamp(line, _skip_whitespace(line, position + 3))
    if end is None:
        return None
    return start[0], end[0], line[end[1] :]


def check_signature(text: str, path: str) -> None:
    """Refuse, naming the file, anything that does not open with the WebVTT signature."""
    if text == SIGNATURE or (text.startswith(SIGNATURE) and len(text) > 6 and text[6] in " \t\n"):
        return
    found = text.split("\n", 1)[0][:40]
    raise InputError(
        path,
        "not a WebVTT file: the first line must be 'WEBVTT' (optionally followed by a space "
        f"and a title), but it is {found!r}",
        1,
    )


def parse(text: str, path: str) -> VttFile:
    """Run the parser algorithm over decoded text; ``InputError`` when the signature is wrong."""
    text = text.removeprefix("\ufeff").replace("\x00", "\ufffd")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_signature(text, path)
    return _Parser(text.split("\n")).run()


class _Parser:
    """The algorithm's position is a line index; a block is collected line by line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.position = 0
        self.seen_cue = False
        self.result = VttFile()

    def past_end(self) -> bool:
        last = len(self.lines) - 1
        return self.position > last or (self.position == last and not self.lines[last])

    def skip_blank_lines(self) -> None:
        while not self.past_end() and not self.lines[self.position]:
            self.position += 1

    def run(self) -> VttFile:
        self.position = 1  # the signature line
        if self.past_end():
            return self.result
        if self.lines[1]:
            self.collect_block(in_header=True)
        else:
            self.position = 2
        self.skip_blank_lines()
        while not self.past_end():
            self.collect_block(in_header=False)
            self.skip_blank_lines()
        return self.result

    def collect_block(self, in_header: bool) -> None:
        block = _Block(self.position + 1, in_header)
        line_count = 0
        previous = self.position
        seen_arrow = False
        last = len(self.lines) - 1
        while True:
            line = self.lines[self.position] if self.position <= last else ""
            line_count += 1
            seen_eof = self.position >= last
            self.position += 1
            if "-->" in line:
                if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    seen_arrow = True
                    previous = self.position
                    self._start_cue(block, line)
                else:
                    self.position = previous
                    break
            elif not line:
                break
            else:
                if not in_header and line_count == 2 and not self.seen_cue:
                    block.kind = _style_or_region(block.buffer)
                    if block.kind:
                        block.buffer = []
                block.buffer.append(line)
                previous = self.position
            if seen_eof:
                break
        self._finish(block)

    def _start_cue(self, block: _Block, line: str) -> None:
        """ "Cue creation", then its timings; on failure the block will come to nothing."""
        timing = parse_timing(line)
        if timing is None:
            block.cue, block.bad_timing, block.text_from = None, line, len(block.buffer)
            return
        block.cue = (self.position, *timing)
        block.identifier, block.buffer, block.bad_timing = "\n".join(block.buffer), [], None
        self.seen_cue = True

    def _finish(self, block: _Block) -> None:
        buffer = block.buffer[block.text_from :] if block.bad_timing is not None else block.buffer
        text = "\n".join(buffer)
        if block.in_header:
            self.result.header = text
        elif block.cue is not None:
            line, start, end, settings = block.cue
            self.result.cues.append(VttCue(line, block.identifier, start, end, settings, text))
        elif block.kind == "style":
            self.result.stylesheets.append(text)
        elif block.kind == "region":
            self.result.regions.append(text)
        else:
            before = not self.result.cues
            self.result.dropped.append(
                DroppedBlock(block.first_line, text, block.bad_timing, before)
            )


@dataclass
class _Block:
    """The variables of "collect a WebVTT block" that outlive one line."""

    first_line: int
    in_header: bool
    buffer: list[str] = field(default_factory=list)
    cue: tuple[int, int, int, str] | None = None  # timing line, start, end, settings
    identifier: str = ""
    bad_timing: str | None = None  # an arrow line whose times could not be collected
    text_from: int = 0  # after such a line, where the cue text starts in the buffer
    kind: str = ""  # "style" or "region"


def _style_or_region(buffer: list[str]) -> str:
    """The block type its first line announces (nothing else may follow the keyword)."""
    if len(buffer) != 1:
        return ""
    first = buffer[0]
    for keyword in ("STYLE", "REGION"):
        if first.startswith(keyword) and not first[len(keyword) :].strip(ASCII_WHITESPACE):
            return keyword.lower()
    return ""
