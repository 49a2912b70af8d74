"""Resident memory of a running command and its workers, read from /proc (Linux)."""

from __future__ import annotations


def resident_kb(pid: int) -> int:
    """Resident memory of ``pid`` in kB (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, children first, then theirs."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            direct = [int(value) for value in handle.read().split()]
    except OSError:
        return []
    return direct + [grandchild for child in direct for grandchild in descendants(child)]
