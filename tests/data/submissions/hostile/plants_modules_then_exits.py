"""Leaves a `pytest.py` and a `json.py` in the workspace root at import, then ends the process in a check, so that
the checks left are run again by a new process in the same workspace: were that folder on its import path, the
planted pytest would run before the sandbox and the nonce, and report every check passed. set_future_value is
right, so its own checks must pass on the re-run, from the real pytest."""

import asyncio
import os
from pathlib import Path

PLANTED = "import os; os._exit(0)"  # were it imported, the re-run would end at once: no check of it would pass
_root = Path(__file__).resolve().parent.parent
for _name in ("pytest.py", "json.py", "importlib.py"):
    (_root / _name).write_text(PLANTED)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    os._exit(0)


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
