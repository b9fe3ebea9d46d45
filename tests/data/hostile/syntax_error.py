# expect: status=syntax_error score=0
"""A file that does not parse: a missing closing parenthesis."""
import asyncio


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future(
    return future
