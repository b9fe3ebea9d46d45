# expect: status=ok score=0
"""Failure messages full of markup: a script tag, an image with onerror, a Markdown link. The report and the
feedback must show them as text."""


PAYLOAD = '<script>document.body.dataset.errors="injected"</script><img src=x onerror="alert(1)"> [click](http://example.invalid) `code` | cell |'


def make_request(value, delay=1.0):
    raise ValueError(PAYLOAD)


async def set_future_value(future, value, delay):
    raise ValueError(PAYLOAD)


def make_failing_request(exc, delay=1.0):
    raise ValueError(PAYLOAD)
