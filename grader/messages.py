"""Sentences the student reads that more than one module says, kept in one place so they never drift apart, and
the one way every output cuts a long one."""

TIMEOUT_FIX = (
    "Look for an endless loop (even one inside `except`), or for a blocking call (time.sleep, requests, a long "
    "computation) that holds up the event loop: await asyncio.sleep instead, or move the work to an executor."
)


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
