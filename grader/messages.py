"""Sentences the student reads that more than one module says, kept in one place so they never drift apart, and
the one way every output cuts a long one."""

from __future__ import annotations

import re

TIMEOUT_FIX = (
    "Look for an endless loop (even one inside `except`), or for a blocking call (time.sleep, requests, a long "
    "computation) that holds up the event loop: await asyncio.sleep instead, or move the work to an executor."
)
RUN_FOREVER_FIX = (
    "loop.run_forever() returns only once something calls loop.stop(), and nothing did. To run the loop until some"
    " work is done, hand that work to loop.run_until_complete(...): a coroutine, or asyncio.wait(tasks) for tasks"
    " already running; it stops the loop when they are done."
)


def timeout_fix(stuck_at: str) -> str:
    """The fix for a check stopped at its time limit while the student's code ran the line `stuck_at`: the generic
    one, unless that line names the wait that never ends."""
    return RUN_FOREVER_FIX if ".run_forever(" in stuck_at else TIMEOUT_FIX


SYMBOLIC_LINK = "is a symbolic link"
"""How a message says that a student's file or folder is a link, which the grader never follows (a link could lend
someone else's work): the gradebook's problems column reads it back."""


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the cut marked with an ellipsis: after a whole word when one ends in the
    last third ("the loop is closed…", not "the loop is closed a…")."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= (limit * 2) // 3:
        cut = cut[:space].rstrip(",;:")
    return cut + "…"


_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Unicode's bidirectional controls: an override shows `exe.txt` for `txt.exe`, and lines out of their order."""
_NOT_SHOWN = f"\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff"
"""What a terminal, an editor or a browser would obey rather than show: the C0 and C1 control characters (ESC
starts the sequences that clear a screen, set a window's title or make a hyperlink; NUL makes GitHub take a file
for binary), DEL, the bidi controls, Unicode's line and paragraph separators, and lone surrogates."""
_UNSAFE_TEXT = re.compile(f"[{_NOT_SHOWN}]")
_UNSAFE_LINE = re.compile(f"[\t\n{_NOT_SHOWN}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python holds it (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe_text(text: str) -> str:
    """`text` from a student (what their code printed or raised, a file's name) made safe to show anywhere: every
    control character but newline and tab becomes the escape Python would write for it (`\\x1b[2J`, `\\x00`,
    `\\u202e`), which a student can read and nothing obeys; a Windows line end (`\\r\\n`) becomes a newline."""
    return _UNSAFE_TEXT.sub(_escape, text.replace("\r\n", "\n"))


def safe_line(text: str) -> str:
    """`text` as `safe_text` makes it, and on one line: newlines and tabs are escaped too. For names (a student's
    id, which is their folder's name; a file's path), which must never start a line of their own in a log."""
    return _UNSAFE_LINE.sub(_escape, text)


_ASYNCIO_REPR = re.compile(r"<(\w*(?:Future|Task)) (pending|finished|cancelled|cancelling)\b")


_C_CLASS = re.compile(r"'_asyncio\.(Future|Task)'")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+(?=>| \[)")
"""The memory address in a default repr, `<coroutine object fetch_status at 0x7f71953397b0>`, or before the state
that asyncio's locks show, `<asyncio.locks.Event object at 0x7fa393f79b90 [unset]>`: it tells a student nothing, and
differs from check to check, so that two checks failing alike would read as failing differently."""


def plain_reprs(text: str) -> str:
    """`text` with asyncio's long reprs of futures and tasks cut to their class and state: `<Future pending>`, not
    `<Future pending cb=[_chain_future.<locals>._call_check_cancel() at /usr/lib/python3.11/asyncio/...]>`, which
    tells a student nothing and shows the machine's paths; and the C classes named as the lesson does:
    `'Future' object has no attribute ...`, not `'_asyncio.Future' object ...`; and no memory addresses."""
    text = _ADDRESS.sub("", _C_CLASS.sub(r"'\1'", text))
    parts, position = [], 0
    while (found := _ASYNCIO_REPR.search(text, position)) is not None:
        depth, end = 1, found.end()
        while end < len(text) and depth:
            depth += {"<": 1, ">": -1}.get(text[end], 0)
            end += 1
        if depth:  # cut short (a clipped message): leave the rest as it is
            break
        parts += [text[position : found.start()], f"<{found[1]} {found[2]}>"]
        position = end
    return "".join(parts) + text[position:]


_RETURNED_NONE = re.compile(r"\breturned None\b(?! instead of raising)")


_AN_EXCEPTION = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b")


def printed_not_returned(message: str, printed: str, expected: str | None = None) -> str | None:
    """The first sentence of the fix when a check's `message` says the student's function returned None and the
    check's `printed` output is not empty: a beginner's `print(...)` where `return ...` was meant, the likeliest
    cause, whatever else the check suspects. The same words for every check, so that the output folds the repeats
    ("the same as above"); what was printed is shown under the failure anyway. Not where the check `expected` an
    exception: no value returned instead of printed would have been right there."""
    if not printed.strip() or not _RETURNED_NONE.search(message) or _AN_EXCEPTION.search(expected or ""):
        return None
    return (
        "Your code printed (see below) but returned None: print only shows a value on the screen, `return` hands it"
        " back to the caller, so write `return ...` where you print."
    )
