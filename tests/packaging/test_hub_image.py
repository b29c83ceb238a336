"""The hub's container image (packaging/hub/Containerfile), built and run for real when a
Docker daemon answers; skipped, loudly, otherwise.

The base is python:3.11-slim when Docker Hub can be reached (or the image is already here);
where it cannot (this development VM reaches PyPI and Debian only), a Debian 12 root with
python3 made by debootstrap (tests/packaging/roots.py) is imported as a local base image, and
the same Containerfile builds on it (`--build-arg BASE=`). KASSA_HUB_BASE names another base.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from hub.testing import fresh_postgres
from tests.packaging import roots

ROOT = Path(__file__).resolve().parents[2]
IMAGE = "kassa-hub:test"
LOCAL_BASE = "kassa-test/hub-base:bookworm"
OFFICIAL_BASE = "python:3.11-slim"


def docker(*args: str, timeout: float = 120, check: bool = True,
           stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(["docker", *args], capture_output=True, timeout=timeout, input=stdin)
    if check and done.returncode != 0:
        raise AssertionError(f"docker {' '.join(args[:3])} failed: "
                             f"{(done.stdout + done.stderr).decode(errors='replace')[-3000:]}")
    return done


def daemon_problem() -> str | None:
    if shutil.which("docker") is None:
        return "no docker command"
    try:
        done = docker("info", "--format", "{{.ServerVersion}}", timeout=20, check=False)
    except subprocess.TimeoutExpired:
        return "the docker daemon did not answer in 20 s"
    if done.returncode != 0:
        return f"no docker daemon answers ({done.stderr.decode(errors='replace').strip()[:200]})"
    return None


def base_image() -> str:
    """The image to build on (see the module's docstring)."""
    if os.environ.get("KASSA_HUB_BASE"):
        return os.environ["KASSA_HUB_BASE"]
    for image in (OFFICIAL_BASE, LOCAL_BASE):
        if docker("image", "inspect", image, check=False).returncode == 0:
            return image
    if docker("pull", OFFICIAL_BASE, timeout=180, check=False).returncode == 0:
        return OFFICIAL_BASE
    try:  # Docker Hub is out of reach: Debian's own python3 in a debootstrap root
        root = roots.deps_root(["python3", "python3-venv", "ca-certificates"])
    except roots.Unavailable as why:
        pytest.skip(f"SKIPPED LOUDLY: {OFFICIAL_BASE} cannot be pulled and no local base can be "
                    f"made ({why}): the hub image is NOT built")
    tar = subprocess.run(["tar", "-C", str(root), "-c", "."], capture_output=True, check=True)
    docker("import", "-", LOCAL_BASE, stdin=tar.stdout, timeout=600)
    return LOCAL_BASE


@pytest.fixture(scope="module")
def image() -> str:
    problem = daemon_problem()
    if problem is not None:
        pytest.skip(f"SKIPPED LOUDLY: {problem} (start one: dockerd &): the hub's container "
                    "image is NOT built or run")
    base = base_image()
    args = ["build", "-f", "packaging/hub/Containerfile", "-t", IMAGE,
            "--build-arg", f"BASE={base}", "--network", "host"]
    if os.environ.get("PIP_INDEX_URL"):
        args += ["--build-arg", f"PIP_INDEX_URL={os.environ['PIP_INDEX_URL']}"]
    local_cas = sorted(Path("/usr/local/share/ca-certificates").glob("*.crt"))
    if local_cas:  # this machine's own CAs (a TLS-inspecting proxy on the way to PyPI)
        pem = "\n".join(ca.read_text() for ca in local_cas)
        args += ["--build-arg", f"EXTRA_CA_CERTS={pem}"]
    subprocess.run(["docker", *args, "."], cwd=ROOT, check=True, timeout=1800,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return IMAGE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


NO_POSTGRES = pytest.mark.skipif(not os.environ.get("KASSA_TEST_POSTGRES_URL"),
                                 reason="KASSA_TEST_POSTGRES_URL is not set")
BACKENDS = [pytest.param(("sqlite", 1), id="sqlite"),
            pytest.param(("postgres", 2), id="postgres-2-workers", marks=NO_POSTGRES)]


@pytest.fixture(params=BACKENDS)
def container(image: str, request: pytest.FixtureRequest) -> Iterator[tuple[str, str, str]]:
    """The hub running in the image (host network, a free port): (id, url, admin token). On
    SQLite in the image's volume; on PostgreSQL (a fresh database) with two workers."""
    backend, workers = request.param
    port, token = free_port(), secrets.token_urlsafe(16)
    env = ["-e", f"KASSA_HUB_ADMIN_TOKEN={token}", "-e", f"KASSA_HUB_PORT={port}"]
    with contextlib.ExitStack() as stack:
        if backend == "postgres":
            url = stack.enter_context(fresh_postgres(os.environ["KASSA_TEST_POSTGRES_URL"]))
            env += ["-e", f"KASSA_HUB_DB={url}"]
        cid = docker("run", "-d", "--network", "host", "--read-only", "--tmpfs", "/tmp",
                     "--cap-drop", "ALL", *env, image, "serve", "--host", "127.0.0.1",
                     "--workers", str(workers)).stdout.decode().strip()
        stack.callback(docker, "rm", "-f", "-v", cid, check=False)
        yield cid, f"http://127.0.0.1:{port}", token


def health(cid: str) -> str:
    state = json.loads(docker("inspect", cid).stdout)[0]["State"]
    return str(state.get("Health", {}).get("Status", state["Status"]))


def test_the_image_runs_the_hub_as_a_non_root_user(container: tuple[str, str, str]) -> None:
    cid, url, token = container
    deadline = time.monotonic() + 120
    while health(cid) != "healthy":  # the image's HEALTHCHECK asks /readyz
        assert time.monotonic() < deadline, docker("logs", cid).stderr.decode()[-3000:]
        time.sleep(1)
    assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{url}/readyz").json() == {"status": "ready"}
    assert docker("exec", cid, "id", "-un").stdout.decode().strip() == "kassa-hub"

    admin = {"authorization": f"Bearer {token}"}
    code = httpx.post(f"{url}/v1/admin/enrolment-codes", headers=admin,
                      json={"store_id": "S1", "register_id": "R1"}).json()["code"]
    credential = httpx.post(f"{url}/v1/enrol", json={"code": code}).json()["credential"]
    beat = httpx.post(f"{url}/v1/terminals/heartbeat",
                      headers={"authorization": f"Bearer {credential}"},
                      json={"kassa_version": "0.1.0", "clock": datetime.now(UTC).isoformat(),
                            "outbox_backlog": 4, "fiscal": "ok"})
    assert beat.status_code == 200, beat.text
    metrics = httpx.get(f"{url}/metrics").text
    assert 'kassa_hub_till_outbox_backlog{register="R1",store="S1"} 4.0' in metrics
    assert "kassa_hub_enrolments_total 1.0" in metrics
    assert "kassa_hub_heartbeats_total 1.0" in metrics  # summed over the workers
    assert httpx.get(f"{url}/fleet").status_code == 200  # the templates are in the image

    logs = docker("logs", cid).stderr.decode().splitlines()
    records = [json.loads(line) for line in logs if line.strip()]  # JSON, every line
    assert any(r.get("path") == "/v1/terminals/heartbeat" and r.get("status") == 200
               for r in records)


def compose_command() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if docker("compose", "version", check=False).returncode == 0:
        return ["docker", "compose"]
    return None


def test_the_compose_file_starts_the_hub(image: str, tmp_path: Path) -> None:
    """packaging/hub/compose.yaml with the image built above; PostgreSQL's image cannot be
    pulled here, so the hub runs on SQLite in its volume (an override file) without it."""
    compose = compose_command()
    if compose is None:
        pytest.skip("SKIPPED LOUDLY: neither docker-compose nor `docker compose`: the compose "
                    "file is NOT started")
    override = tmp_path / "override.yaml"
    override.write_text("services:\n  hub:\n"
                        '    command: ["serve", "--host", "0.0.0.0", "--workers", "1"]\n'
                        "    environment:\n      KASSA_HUB_DB: /var/lib/kassa-hub/hub.sqlite3\n")
    port = free_port()
    env = {**os.environ, "KASSA_HUB_IMAGE": image, "KASSA_HUB_BIND": "127.0.0.1",
           "KASSA_HUB_PORT": str(port), "KASSA_DB_PASSWORD": secrets.token_urlsafe(12),
           "KASSA_HUB_ADMIN_TOKEN": secrets.token_urlsafe(16)}
    project = f"kassahubtest{secrets.token_hex(3)}"
    files = [*compose, "-p", project, "-f", str(ROOT / "packaging/hub/compose.yaml"),
             "-f", str(override)]
    up = subprocess.run([*files, "up", "-d", "--no-deps", "--no-build", "hub"], env=env,
                        capture_output=True, text=True, timeout=180)
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        deadline = time.monotonic() + 90
        while True:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
                if ready.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the composed hub did not become ready"
            time.sleep(1)
        assert ready.json() == {"status": "ready"}
    finally:
        subprocess.run([*files, "down", "-v"], env=env, capture_output=True, timeout=120)
