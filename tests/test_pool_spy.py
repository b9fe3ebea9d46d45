"""Exercise 04's pool spy: a shutdown that does not wait is seen as such, whatever the workers do afterwards."""

from concurrent.futures import ProcessPoolExecutor

from grader.probes.processes import PoolSpy


def test_a_shutdown_without_waiting_is_recorded_and_a_waiting_one_is_not(monkeypatch):
    spy = PoolSpy(monkeypatch)
    try:
        with ProcessPoolExecutor(max_workers=1) as waited:
            waited.submit(abs, -1).result()
        hurried = ProcessPoolExecutor(max_workers=1)
        hurried.submit(abs, -1).result()
        hurried.shutdown(wait=False)
        never = ProcessPoolExecutor(max_workers=1)  # never shut down: the live workers tell that story
        assert spy.shut_down_without_waiting() == [hurried]
        never.shutdown()
        assert spy.shut_down_without_waiting() == [hurried]
        hurried.shutdown()  # a later shutdown that waits makes up for it
        assert spy.shut_down_without_waiting() == []
    finally:
        spy.clean_up()
