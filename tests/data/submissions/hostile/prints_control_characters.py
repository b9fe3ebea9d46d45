"""Prints and raises text full of terminal control: a screen clear, a window title, a hyperlink to another site
(OSC 8), a bell, a NUL, a carriage return that overwrites the line, Unicode bidi overrides, a C1 control. None
of it may reach a terminal, a feedback file, a gradebook or a report as it is: each is shown as an escape."""

import asyncio

HOSTILE = (
    "clear\x1b[2J\x1b[H title\x1b]0;PWNED\x07 link\x1b]8;;http://evil.invalid\x1b\\click\x1b]8;;\x1b\\"
    " nul\x00 bell\x07 cr\rFAKE c1\x9b31m bidi\u202etxt.exe\u202c isolate\u2066x\u2069 mark\u200f"
)


class Hostile:
    def __repr__(self) -> str:
        return "Hostile(" + HOSTILE + ")"


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    print("printed", HOSTILE)
    raise ValueError("raised " + HOSTILE)


async def set_future_value(future, value, delay):
    print("printed", HOSTILE)
    future.set_result(Hostile())


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    return Hostile()
