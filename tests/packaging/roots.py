"""Clean Debian 12 roots for the package tests, cached outside the repository.

debootstrap takes half a minute and the libraries the package depends on as long again, so
both are kept under KASSA_TEST_ROOTS (default /var/cache/kassa-test-roots, created on demand):

    bookworm-minbase/              debootstrap --variant=minbase, made once
    bookworm-deps-<hash>/          that plus the package's Depends, one per Depends list

Each test then runs in a throw-away overlay (or, where overlayfs cannot be mounted, a copy) of
the second, so a test can install, upgrade and purge freely and the cache stays clean. The deps
layer is keyed by the Depends field itself: a library added to or dropped from the package
builds a new layer, and dpkg -i (which does not fetch anything) fails if the field is short.

Everything here needs root (chroot, mount); the callers skip with the reason otherwise.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

CACHE = Path(os.environ.get("KASSA_TEST_ROOTS", "/var/cache/kassa-test-roots"))
MIRROR = os.environ.get("KASSA_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SUITE = "bookworm"
CHROOT_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG": "C.UTF-8",
    "DEBIAN_FRONTEND": "noninteractive",
    "HOME": "/root",
}


class Unavailable(Exception):
    """A root cannot be made here (not root, no debootstrap, no network): skip, with this."""


def _run(cmd: list[str], what: str, timeout: float = 900) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"{what}: {exc}") from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-8:])
        raise Unavailable(f"{what} failed (exit {done.returncode}):\n{tail}")


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    """One maker at a time (pytest-xdist workers, parallel CI jobs on one runner)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def base_root() -> Path:
    if os.geteuid() != 0:
        raise Unavailable("needs root (debootstrap, chroot)")
    target = CACHE / f"{SUITE}-minbase"
    with _locked():
        if target.is_dir():
            return target
        if shutil.which("debootstrap") is None:
            raise Unavailable("debootstrap is not installed (apt-get install debootstrap)")
        tmp = CACHE / f"{SUITE}-minbase.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        _run(["debootstrap", "--variant=minbase", SUITE, str(tmp), MIRROR],
             f"debootstrap {SUITE} from {MIRROR}")
        tmp.rename(target)  # only a finished root ever has the final name
        return target


def deps_root(depends: list[str]) -> Path:
    """The base root with `depends` installed from the mirror (cached per list)."""
    base = base_root()
    key = hashlib.sha256(" ".join(sorted(depends)).encode()).hexdigest()[:12]
    target = CACHE / f"{SUITE}-deps-{key}"
    with _locked():
        if target.is_dir():
            return target
        tmp = CACHE / f"{SUITE}-deps-{key}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        _run(["cp", "-a", "--reflink=auto", str(base), str(tmp)], "copying the base root")
        chroot = ["chroot", str(tmp), "env", "-i", *(f"{k}={v}" for k, v in CHROOT_ENV.items())]
        _run([*chroot, "apt-get", "update", "-q"], f"apt-get update from {MIRROR}")
        _run([*chroot, "apt-get", "install", "-y", "-q", "--no-install-recommends", *depends],
             "installing the package's dependencies")
        _run([*chroot, "apt-get", "clean"], "apt-get clean")
        (tmp / "etc/kassa-test-depends").write_text("\n".join(depends) + "\n")
        tmp.rename(target)
        return target


@contextlib.contextmanager
def scratch_root(lower: Path, work: Path) -> Iterator[Path]:
    """A writable root over `lower` that vanishes afterwards: overlayfs, else a copy."""
    upper, scratch, merged = work / "upper", work / "work", work / "root"
    for d in (upper, scratch, merged):
        d.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "overlay", "overlay", "-o",
         f"lowerdir={lower},upperdir={upper},workdir={scratch}", str(merged)],
        capture_output=True,
    ).returncode == 0
    if not mounted:
        merged.rmdir()
        _run(["cp", "-a", "--reflink=auto", str(lower), str(merged)], "copying the root")
    try:
        yield merged
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(merged)], check=False)
        shutil.rmtree(work, ignore_errors=True)


def in_root(root: Path, script: str, *, user: str | None = None,
            env: dict[str, str] | None = None, timeout: float = 120,
            ) -> subprocess.CompletedProcess[str]:
    """Run a shell script in the chroot, as root or (with `user`) as that user, through
    runuser so the user's supplementary groups come from the root's /etc/group."""
    environment = {**CHROOT_ENV, **(env or {})}
    # env -i: nothing of the host's environment leaks in (the test process's own settings,
    # such as a cache directory under /root, are not the till's).
    cmd = ["chroot", str(root), "env", "-i", *(f"{k}={v}" for k, v in environment.items())]
    if user is None:
        cmd += ["sh", "-c", script]
    else:
        cmd += ["runuser", "-u", user, "--", "env", f"HOME=/home/{user}", "sh", "-c", script]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
