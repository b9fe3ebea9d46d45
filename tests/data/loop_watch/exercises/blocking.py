"""Fake student code for tests/test_loop_watch.py: each coroutine blocks the event loop, or not, its own way."""

import asyncio
import time

import requests


def given_helper(seconds: float) -> None:
    time.sleep(seconds)


def burn_cpu(seconds: float) -> int:
    deadline = time.perf_counter() + seconds
    spins = 0
    while time.perf_counter() < deadline:
        spins += 1
    return spins


async def sleeps(seconds: float) -> None:
    time.sleep(seconds)


async def fetches(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def crunches(seconds: float) -> int:
    return burn_cpu(seconds)


async def runs_work(work) -> object:
    return work(0)


async def calls_given_helper(seconds: float) -> None:
    given_helper(seconds)


async def sleeps_in_comprehension(seconds: float) -> list:
    return [time.sleep(s) for s in (seconds,)]


async def waits_on_result(pool, seconds: float) -> None:
    pool.submit(time.sleep, seconds).result()


async def awaits(seconds: float) -> None:
    await asyncio.sleep(seconds)


async def awaits_executor(seconds: float) -> None:
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, seconds)


async def sleeps_twice(first: float, second: float) -> None:
    time.sleep(first)
    time.sleep(second)


async def sleeps_then_waits_on_results(pool, work, seconds: float) -> list:
    futures = [pool.submit(work, n) for n in (0, 1)]
    await asyncio.sleep(seconds)
    return [future.result() for future in futures]
