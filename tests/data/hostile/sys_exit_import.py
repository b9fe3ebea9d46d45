# expect: status=import_error score=0
"""sys.exit(0) at import: must not end the grading as a success."""
import sys

sys.exit(0)
