import asyncio

CONFIG = {"delay": 1.0}
DELAY = CONFIG["dealy"]
