# expect: status=timeout score=0
"""An endless loop at the top level: the import never finishes."""
import asyncio

while True:
    pass
