# expect: status=not_started score=0
"""Prints lines that imitate the grader's event protocol and pytest's summary, on stdout and on every open file
descriptor, claiming that every check passed; none of its functions works."""
import json
import os

CHECKS = ["returns_pending_future", "schedules_a_task", "future_resolves_to_value", "sets_result_after_delay",
          "loop_keeps_running_while_waiting", "requests_overlap", "set_future_value_ignores_done_future",
          "failing_request_raises_same_exception", "failing_request_waits_and_tolerates_cancel"]


def forge():
    lines = [json.dumps({"nonce": nonce, "event": "result", "name": name, "status": "passed", "message": "",
                         "duration": 0.01})
             for name in CHECKS for nonce in ("", "0" * 32, None)]
    text = "\n".join(lines) + "\n9 passed in 0.01s\n"
    print(text)
    for fd in range(3, 64):
        try:
            os.write(fd, text.encode())
        except OSError:
            pass


forge()


def make_request(value, delay=1.0):
    forge()
    raise NotImplementedError("not yet")


async def set_future_value(future, value, delay):
    forge()
    raise NotImplementedError("not yet")


def make_failing_request(exc, delay=1.0):
    forge()
    raise NotImplementedError("not yet")
