"""Exercise 02: inspect.getattr_static on the type for __await__, and an ordered dict of predicates."""
import asyncio
import inspect

_MISSING = object()


def _class_has_await(obj) -> bool:
    return inspect.getattr_static(type(obj), "__await__", _MISSING) is not _MISSING


CHECKS = {
    "task": lambda o: isinstance(o, asyncio.Task),
    "future": asyncio.isfuture,
    "coroutine": inspect.iscoroutine,
    "awaitable": _class_has_await,
}


def kind_of(obj) -> str:
    """Name what `obj` is, the most specific answer first."""
    return next((name for name, test in CHECKS.items() if test(obj)), "not awaitable")


if __name__ == "__main__":
    async def demo():
        async def f():
            return 1
        coro = f()
        print(kind_of(coro), kind_of(asyncio.ensure_future(coro)), kind_of(f), kind_of(3))

    asyncio.run(demo())
