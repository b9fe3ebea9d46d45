"""Sentences the student reads that more than one module says, kept in one place so they never drift apart, and
the one way every output cuts a long one."""

TIMEOUT_FIX = (
    "Look for an endless loop (even one inside `except`), or for a blocking call (time.sleep, requests, a long "
    "computation) that holds up the event loop: await asyncio.sleep instead, or move the work to an executor."
)


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
