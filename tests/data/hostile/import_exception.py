# expect: status=import_error score=0
"""An exception while the module is imported."""
import asyncio

SETTINGS = {"delay": 1.0}
DELAY = SETTINGS["timeout"]


def make_request(value, delay=DELAY) -> asyncio.Future:
    raise NotImplementedError
