# expect: status=crashed score=0
"""os._exit(0) at import: the suite's process vanishes with a zero exit code before any check."""
import os

os._exit(0)
