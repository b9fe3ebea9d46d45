# expect: status=import_error score=0
# requires: signals
"""Kills the grader that runs it (its parent) and that one's process group, at import."""
import os
import signal

os.kill(os.getppid(), signal.SIGKILL)
os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)
