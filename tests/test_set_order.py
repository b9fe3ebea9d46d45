"""`grader.probes.set_order`: within `backwards_in_sets`, a set of the loop's futures or tasks lists them in the
reverse of the order they were made, on every run; afterwards the loop is as it was."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from grader.probes.set_order import backwards_in_sets


async def _call(loop, pool, n):
    return await loop.run_in_executor(pool, abs, -n)


def test_sets_of_futures_and_of_tasks_list_them_backwards_and_the_loop_is_left_as_it_was():
    async def main():
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(4) as pool:
            for count in (2, 4, 5, 9):
                with backwards_in_sets(loop):
                    futures = [loop.run_in_executor(pool, abs, -n) for n in range(count)]
                    done, _ = await asyncio.wait(futures)
                    assert [f.result() for f in done] == list(range(count))[::-1]
                    assert repr(loop.create_future()) == "<Future pending>"  # as a student's message may show it
                with backwards_in_sets(loop):
                    tasks = [asyncio.ensure_future(_call(loop, pool, n)) for n in range(count)]
                    done, _ = await asyncio.wait(tasks)
                    assert [t.result() for t in done] == list(range(count))[::-1]
                    assert await asyncio.gather(*(_call(loop, pool, n) for n in range(count))) == list(range(count))
        assert "create_future" not in vars(loop) and loop.get_task_factory() is None
        assert type(loop.create_future()) is asyncio.Future

    asyncio.run(main())
