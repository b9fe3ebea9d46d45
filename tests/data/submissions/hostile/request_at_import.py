"""A demo left at the end of the file sends a real request when the grader imports it: the network is blocked
during the import too, and the student is told which line of theirs ran it."""

import requests


def fetch_example() -> int:
    return requests.get("https://example.com", timeout=5).status_code


def make_request(value, delay: float = 1.0):
    raise NotImplementedError


print(fetch_example())
