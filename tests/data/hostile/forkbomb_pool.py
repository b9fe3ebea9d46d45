# expect: status=import_error score=0
# requires: processes
"""A fork bomb through ProcessPoolExecutor(max_workers=500), started at import: the process limit stops it."""
from concurrent.futures import ProcessPoolExecutor

POOL = ProcessPoolExecutor(max_workers=500)
RESULTS = list(POOL.map(abs, range(-500, 0)))
