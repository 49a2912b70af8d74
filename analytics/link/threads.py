"""Work spread over a few threads, handed back in order.

numpy, scipy and rapidfuzz do most of linking's work without holding Python's lock, so a
second core takes a good share off comparing and blocking; threads share the prepared reports
where processes would each need a copy of them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores(most: int = 2) -> int:
    """The cores this process may run on, at most ``most`` (two: memory was measured with two
    threads, and each more holds another chunk of pairs)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, most))


def in_order(
    work: Callable[[Item], Result], items: Iterable[Item], workers: int, ahead: int = 2
) -> Iterator[Result]:
    """``work`` of each item, in the items' order, on ``workers`` threads; at most ``ahead``
    items per thread are done or under way beyond the one being handed back, which bounds the
    memory their results hold."""
    if workers < 2:
        yield from map(work, items)
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: list[Future[Result]] = []
        for item in items:
            pending.append(pool.submit(work, item))
            if len(pending) >= ahead * workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
