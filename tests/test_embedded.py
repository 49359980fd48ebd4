"""The embedded FalkorDB server: persistence, crash recovery and sharing between processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from graph import ensure_schema
from graph.errors import GraphError
from graph.repositories import OrganisationRepository
from graph.store import connect

ROOT = Path(__file__).resolve().parent.parent


def _uri(path: Path) -> str:
    return f"falkordb://{path}"


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and "redis" in Path(f"/proc/{pid}/cmdline").read_text(
        errors="replace"
    )


def test_data_survives_stop_and_restart(tmp_path):
    store = connect(_uri(tmp_path))
    ensure_schema(store)
    OrganisationRepository(store).upsert([__import__("builders").organisation("org-1", "Figulus Welzijn")])
    pid = int((tmp_path / "falkordb.pid").read_text())
    store.close()  # last user: the server shuts down cleanly
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
    again = connect(_uri(tmp_path))
    try:
        assert OrganisationRepository(again).get("org-1").name == "Figulus Welzijn"
    finally:
        again.close()


def test_the_graph_files_are_readable_by_the_owner_only(tmp_path):
    """The append-only file holds argon2 hashes and encrypted TOTP seeds: 0600 files in 0700 folders (found by the
    security probe of issue 15: they were 0644 / 0755)."""
    data = tmp_path / "graph"
    store = connect(_uri(data))
    try:
        OrganisationRepository(store).upsert(
            [__import__("builders").organisation("org-1", "Figulus Welzijn")]
        )
        files = [p for p in data.rglob("*") if p.is_file() and "appendonly" in str(p)]
        assert files, sorted(str(p) for p in data.rglob("*"))
        assert (data.stat().st_mode & 0o077) == 0, oct(data.stat().st_mode)
        for path in files + [p for p in data.rglob("*") if p.is_dir()]:
            assert (path.stat().st_mode & 0o077) == 0, (path, oct(path.stat().st_mode))
    finally:
        store.close()


def test_sigkill_loses_no_acknowledged_write(tmp_path):
    store = connect(_uri(tmp_path))
    ensure_schema(store)
    acknowledged: list[int] = []
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set():
            try:
                store.write(
                    "CREATE (:Organisation {id: $id, name: $name})", {"id": f"org-{i}", "name": f"n{i}"}
                )
            except GraphError:
                return
            except Exception:  # noqa: BLE001 - the connection dies with the server
                return
            acknowledged.append(i)
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.7)
    store.server.kill()  # SIGKILL, mid-stream
    stop.set()
    thread.join(10)
    assert len(acknowledged) > 10
    server = store.server
    store._closed = True  # its server is gone; don't try to shut it down again
    server.release(stop_if_last=False)

    # The socket and pid file are stale now; the next start must cope with them.
    assert (tmp_path / "falkordb.pid").exists()
    again = connect(_uri(tmp_path))
    try:
        rows = again.read("MATCH (o:Organisation) RETURN o.id AS id")
        present = {r["id"] for r in rows}
        missing = [i for i in acknowledged if f"org-{i}" not in present]
        assert missing == []
        # No half-written record: every node that exists has its name.
        assert again.read("MATCH (o:Organisation) WHERE o.name IS NULL RETURN count(o) AS c")[0]["c"] == 0
    finally:
        again.close()


def test_stale_pid_and_socket_files_are_recovered(tmp_path):
    (tmp_path / "falkordb.pid").write_text("999999")
    (tmp_path / "falkordb.sock").write_text("not a socket")
    store = connect(_uri(tmp_path))
    try:
        assert store.read("RETURN 1 AS one") == [{"one": 1}]
    finally:
        store.close()


def test_two_processes_share_one_server_and_the_last_one_stops_it(tmp_path):
    first = connect(_uri(tmp_path))
    ensure_schema(first)
    pid = int((tmp_path / "falkordb.pid").read_text())
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from graph.store import connect
        s = connect({_uri(tmp_path)!r})
        s.write("CREATE (:Organisation {{id: 'from-child', name: 'x'}})")
        print(s.read("MATCH (o:Organisation) RETURN count(o) AS c")[0]["c"])
        s.close()
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "1"
    # The child was not the last user: the server still runs and sees the child's write.
    assert _alive(pid)
    assert first.read("MATCH (o:Organisation {id: 'from-child'}) RETURN o.name AS n") == [{"n": "x"}]
    first.close()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def test_concurrent_starts_give_one_server(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from graph.store import connect
        s = connect({_uri(tmp_path)!r})
        s.write("MERGE (:Organisation {{id: 'x', name: 'x'}})")
        time.sleep(1.0)
        s.close()
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script]) for _ in range(3)]
    for p in procs:
        assert p.wait(60) == 0
    servers = subprocess.run(["pgrep", "-f", f"unixsocket:{tmp_path}"], capture_output=True, text=True)
    assert servers.stdout.strip() == ""  # all stopped by the last one out


@pytest.mark.parametrize("broken", ["unknown"])
def test_unknown_uri_scheme_is_refused(broken):
    from graph.errors import GraphUnavailable

    with pytest.raises(GraphUnavailable):
        connect(f"{broken}://x")
