"""A write on a pooled connection that went stale because another worker restarted the embedded graph server
(issue 15.9, last part): the write never left this process, so it must go through, not answer 503.

The first two are guards (redis-py's pool notices a dead socket on checkout and reconnects once the other worker
restarted the server). The last two reproduce the 503: the server is gone or not yet back when the stale
connection reconnects, so the write fails to *connect* — it never left — and used to be given up on."""

from __future__ import annotations

from graph.store import connect


def _uri(path) -> str:
    return f"falkordb://{path}?graph=stale"


def test_write_after_another_worker_restarted_the_server(tmp_path):
    a = connect(_uri(tmp_path))  # this worker: its pool holds a connection to the old server
    b = connect(_uri(tmp_path))  # another worker
    try:
        a.write("CREATE (:Organisation {id: 'org-1'})")
        a.server.kill()  # the server crashes (SIGKILL, OOM killer)
        assert b.read("MATCH (o:Organisation) RETURN count(o) AS c")[0]["c"] == 1  # b revives it
        a.write("CREATE (:Organisation {id: 'org-2'})")  # a's pooled connection is stale now
        rows = b.read("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id")
        assert [r["id"] for r in rows] == ["org-1", "org-2"]  # written once, not twice
    finally:
        a.close()
        b.close()


def test_unit_of_work_after_another_worker_restarted_the_server(tmp_path):
    a = connect(_uri(tmp_path))
    b = connect(_uri(tmp_path))
    try:
        a.write_all([("CREATE (:Organisation {id: 'org-1'})", {}), ("CREATE (:Service {id: 'svc-1'})", {})])
        a.server.kill()
        assert b.read("MATCH (o:Organisation) RETURN count(o) AS c")[0]["c"] == 1
        a.write_all([("CREATE (:Organisation {id: 'org-2'})", {}), ("CREATE (:Service {id: 'svc-2'})", {})])
        rows = b.read("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id")
        assert [r["id"] for r in rows] == ["org-1", "org-2"]
    finally:
        a.close()
        b.close()


def test_write_that_never_reached_a_crashed_server_goes_through_after_the_restart(tmp_path):
    """The server crashed; the next write finds no server to connect to (it never left this process). The
    store starts the server again (or waits for the worker that does) and sends the write once: no 503."""
    a = connect(_uri(tmp_path))
    try:
        a.write("CREATE (:Organisation {id: 'org-1'})")
        a.server.kill()
        a.write("CREATE (:Organisation {id: 'org-2'})")
        rows = a.read("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id")
        assert [r["id"] for r in rows] == ["org-1", "org-2"]
    finally:
        a.close()


def test_unit_of_work_that_never_reached_a_crashed_server_goes_through_once(tmp_path):
    a = connect(_uri(tmp_path))
    try:
        a.write("CREATE (:Organisation {id: 'org-1'})")
        a.server.kill()
        a.write_all([("CREATE (:Organisation {id: 'org-2'})", {}), ("CREATE (:Service {id: 'svc-2'})", {})])
        assert [r["id"] for r in a.read("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id")] == [
            "org-1",
            "org-2",
        ]
        assert a.read("MATCH (s:Service) RETURN count(s) AS c")[0]["c"] == 1
    finally:
        a.close()
