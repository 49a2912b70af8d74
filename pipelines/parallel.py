"""Spreading per-report work over the machine's cores, in order, with progress."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_CHUNK = 2_000
_PARALLEL_FROM = 20_000


def chunked(items: Iterable[Item], size: int = _CHUNK) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def map_chunks(
    work: Callable[[list[Item]], list[Result]],
    chunks: Iterable[list[Item]],
    expected_items: int,
    workers: int | None = None,
) -> Iterator[list[Result]]:
    """``work`` applied to each chunk, results in order; several processes for large inputs."""
    count = workers or os.cpu_count() or 1
    if expected_items < _PARALLEL_FROM or count < 2:
        for chunk in chunks:
            yield work(chunk)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        pending: list = []
        for chunk in chunks:
            pending.append(pool.submit(work, chunk))
            if len(pending) >= count * 3:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
