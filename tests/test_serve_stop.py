"""`kaart serve` stopped by SIGTERM (kill, systemd, a container stop) leaves no embedded FalkorDB behind."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


def test_sigterm_stops_the_site_and_its_embedded_graph(tmp_path):
    port = _free_port()
    env = {**os.environ, "KAART_DATA_DIR": str(tmp_path / "data"), "KAART_LOG_LEVEL": "WARNING"}
    env.pop("KAART_GRAPH_URI", None)
    kaart = str(Path(sys.executable).with_name("kaart"))
    proc = subprocess.Popen(
        [kaart, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "the site did not start"
                time.sleep(0.5)
        pids = [int(p.read_text()) for p in (tmp_path / "data").rglob("falkordb.pid")]
        assert pids and all(_alive(pid) for pid in pids)  # the site runs on its own embedded graph

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in pids), "redis-server of the embedded graph still runs"
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid_file in (tmp_path / "data").rglob("falkordb.pid"):
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
