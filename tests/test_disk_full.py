"""A full disk under the embedded graph: a clear error, nothing acknowledged lost, recovery once there is room."""

from __future__ import annotations

import subprocess
import time
import uuid

import pytest

from graph import ensure_schema
from graph.errors import GraphError
from graph.store import connect


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB tmpfs as the data dir (needs root, as in CI); skipped where mounting is not allowed."""
    path = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(path)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield path
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@pytest.mark.slow
def test_full_disk_gives_a_clear_error_and_loses_nothing_acknowledged(small_disk):
    store = connect(f"falkordb://{small_disk}")
    ensure_schema(store)
    acknowledged = 0
    failure: Exception | None = None
    blob = "x" * 20_000
    started = time.monotonic()
    for i in range(2_000):
        try:
            store.write(
                "CREATE (:Organisation {id: $id, name: $name, description: $d})",
                {"id": f"o{i}", "name": f"n{i}", "d": blob},
            )
        except GraphError as exc:  # GraphUnavailable is a GraphError too
            failure = exc
            break
        acknowledged += 1
    assert failure is not None, "the disk never filled up"
    assert "schijf" in str(failure) and "vol" in str(failure), failure  # says what is wrong, in Dutch
    assert time.monotonic() - started < 120
    assert acknowledged > 10
    # Make room, start again: every acknowledged write is there, and no record is half-written.
    server = store.server
    store._closed = True
    server.kill()
    server.release(stop_if_last=False)
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = connect(f"falkordb://{small_disk}")
    try:
        rows = again.read("MATCH (o:Organisation) RETURN o.id AS id, o.name AS name")
        present = {r["id"] for r in rows}
        assert {f"o{i}" for i in range(acknowledged)} <= present
        assert all(r["name"] for r in rows)
        again.write("CREATE (:Organisation {id: 'after', name: 'ok'})")
    finally:
        again.close()
