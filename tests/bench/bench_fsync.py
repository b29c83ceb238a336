"""The floor under every durable sale: a bare fsync'd SQLite insert (WAL, synchronous=FULL).

A sale commit can never be faster than one durable SQLite transaction, and that can never be
faster than one fsync of a file on the same disk. This bench measures both in the same run and
reports the SQLite commit as a ratio to the raw fsync, so a slow disk shows up as a slow
baseline rather than as a slow till. bench_store compares the real sale commit against
`common.sqlite_insert_commit_ns` the same way.
"""

from __future__ import annotations

import shutil

from common import (
    Result,
    bench_dir,
    benchmark,
    file_fsync_ns,
    filesystem_of,
    ns_to_ms,
    percentile,
    result,
    sqlite_insert_commit_ns,
)


@benchmark("sqlite_fsync_insert", goal="<= 3x", unit="ms")
def sqlite_fsync_insert(quick: bool) -> list[Result]:
    n = 200 if quick else 2000
    directory = bench_dir()
    try:
        raw = file_fsync_ns(directory, n)
        sqlite = sqlite_insert_commit_ns(directory, n)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    sizes = {"commits": n, "row_bytes": 200}
    notes = f"scratch dir {directory.parent} on {filesystem_of(directory.parent)}"
    if filesystem_of(directory.parent) in ("tmpfs", "ramfs", "overlay"):
        notes += "; fsync may not reach a disk here, set KASSA_BENCH_DIR"
    out = []
    for p in (50, 99):
        out.append(
            result(
                f"sqlite_fsync_insert_p{p}_ms",
                ns_to_ms(percentile(p, sqlite)),
                n=n,
                baseline=ns_to_ms(percentile(p, raw)),
                baseline_name=f"bare 256-byte write+fsync p{p}",
                goal="<= 3x" if p == 50 else "<= 5x",
                sizes=sizes,
                notes=notes,
            )
        )
    return out
