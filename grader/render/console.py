"""The terminal's primitives that every text output shares (the text format, `grader watch`, the live line, the
status overview, hints): a console on a stream, symbols with an ASCII fallback, and text folded to the width.
"""

from __future__ import annotations

from functools import cache
from typing import TextIO

from rich.console import Console
from rich.text import Text

from grader.messages import clip

MAX_MESSAGE = 400
"""Characters of one message shown at most: beyond that it is cut, never a wall of text."""
DETAIL_INDENT = 6

_UNICODE = {"passed": "✓", "failed": "✗", "skipped": "-", "timeout": "⧗", "dot": "·", "full": "█", "empty": "░",
            "note": "!"}  # fmt: skip
_ASCII = {"passed": "+", "failed": "x", "skipped": "-", "timeout": "!", "dot": "|", "full": "#", "empty": ".",
          "note": "!"}  # fmt: skip


def make_console(stream: TextIO) -> Console:
    """A console on `stream`: colours on a terminal unless `NO_COLOR` is set, plain text anywhere else."""
    return Console(file=stream, highlight=False, emoji=False)


@cache
def _symbols(encoding: str) -> dict[str, str]:
    # A terminal that cannot show ✓ gets + rather than a crash or mojibake.
    return _UNICODE if can_encode(encoding, "".join(_UNICODE.values())) else _ASCII


def can_encode(encoding: str, text: str) -> bool:
    """Whether a terminal of `encoding` can show `text`."""
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def symbol(console: Console, name: str) -> str:
    return _symbols(console.encoding)[name]


def on_one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """`text` on one line, cut to `limit` characters; rich then wraps it to the terminal's width."""
    return clip(" ".join(text.split()), limit)


def progress_bar(console: Console, done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return symbol(console, "full") * filled + symbol(console, "empty") * (width - filled)


def forget_interrupted_write(console: Console) -> None:
    """Drop what Rich still holds after a write that Ctrl-C interrupted: Rich empties its buffer only once it has
    written it, so the next print would write that text a second time. A capture takes it out unwritten."""
    console.begin_capture()
    console.end_capture()


def print_wrapped(console: Console, text: Text, indent: int, first: Text | None = None) -> None:
    """`text` folded to the console's width, every line indented by `indent`; `first` replaces the first indent."""
    if first is not None and first.cell_len > indent:
        # A label wider than the indent ("  hint 2 of 5: ") is folded with the text: printed in front of a line
        # folded to the indent alone, it would push that line past the edge and the terminal would cut a word.
        text, first = first[indent:] + text, first[:indent]
    width = max(20, console.width - indent)
    for number, line in enumerate(text.wrap(console, width)):
        line.rstrip()
        prefix = first if number == 0 and first is not None else Text(" " * indent)
        console.print(prefix + line, soft_wrap=True)
