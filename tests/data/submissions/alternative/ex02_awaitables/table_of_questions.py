"""kind_of that looks __await__ up on the class itself, with a table of questions."""
import asyncio
import inspect

_QUESTIONS = (
    ("task", lambda o: isinstance(o, asyncio.Task)),
    ("future", asyncio.isfuture),
    ("coroutine", inspect.iscoroutine),
    ("awaitable", lambda o: callable(getattr(type(o), "__await__", None))),
)


def kind_of(obj):
    for name, question in _QUESTIONS:
        if question(obj):
            return name
    return "not awaitable"
