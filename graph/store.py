"""Connections to the two graph backends behind one small interface.

`GraphStore.read` runs one query in a read transaction, `GraphStore.write` one query in a write transaction,
`GraphStore.write_all` several queries as one unit (Neo4j: one explicit transaction; FalkorDB: MULTI/EXEC,
which is atomic against crashes and concurrent readers, and every single query rolls back on its own error).
Rows come back as plain dicts; nodes and relationships as their property dicts.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from graph.dialect import FALKORDB, NEO4J, Dialect
from graph.embedded import EmbeddedServer
from graph.errors import ConstraintViolation, GraphError, GraphUnavailable

log = logging.getLogger(__name__)

Row = dict[str, Any]
Statement = tuple[str, dict[str, Any]]


class GraphStore(ABC):
    dialect: Dialect
    uri: str

    @abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]: ...

    def read_all(self, statements: Sequence[Statement]) -> list[list[Row]]:
        """Several reads in one read transaction (one round of session/transaction overhead on Neo4j)."""
        return [self.read(q, p) for q, p in statements]

    @abstractmethod
    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]: ...

    @abstractmethod
    def write_all(self, statements: Sequence[Statement]) -> list[list[Row]]: ...

    @abstractmethod
    def ensure_unique(self, label: str, prop: str) -> None: ...

    @abstractmethod
    def ensure_index(self, label: str, prop: str, *, point: bool = False) -> None: ...

    def ping(self) -> None:
        """A round trip to the server (health check); raises GraphError when it cannot be reached."""
        self.read("RETURN 1 AS ok")

    @abstractmethod
    def clear(self) -> None:
        """Delete everything (tests, `kaart restore`)."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- FalkorDB ------------------------------------------------------------------------------------------


_SCALARS = frozenset((str, int, float, bool, type(None)))  # returned as they are, without the imports below


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:  # most values: a worker's load of 100 000 candidates converts millions
        return value
    from falkordb.edge import Edge
    from falkordb.node import Node

    if isinstance(value, Node | Edge):
        return dict(value.properties)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class FalkorStore(GraphStore):
    dialect = FALKORDB

    def __init__(self, uri: str, *, graph_name: str = "kaart", server: Any = None, **conn: Any) -> None:
        import redis
        from falkordb import FalkorDB

        self.uri = uri
        self.graph_name = graph_name
        self._server = server
        try:
            self._db = FalkorDB(**conn)
            self._db.connection.ping()
        except (redis.ConnectionError, OSError) as exc:
            raise self._unavailable(exc) from exc
        self._graph = self._db.select_graph(graph_name)
        self._closed = False

    @property
    def server(self) -> Any:
        return self._server

    def _unavailable(self, exc: Exception) -> GraphUnavailable:
        """A connection error, with the embedded server's own reason when it left one (e.g. a full disk)."""
        reason = self._server.diagnose() if self._server is not None else None
        return GraphUnavailable(f"FalkorDB niet bereikbaar: {reason or exc}")

    def _revive(self) -> bool:
        """After a lost connection: restart a crashed embedded server (never a remote one)."""
        if self._server is None:
            return False
        try:
            return self._server.revive()
        except GraphUnavailable:
            return False

    def _run(
        self, query: str, params: dict[str, Any] | None, read_only: bool, retried: bool = False
    ) -> list[Row]:
        import redis

        try:
            if read_only:
                try:
                    res = self._graph.ro_query(query, params or {})
                except redis.ResponseError as exc:
                    if "empty key" not in str(exc):
                        raise
                    # No graph yet under this name: answer from an empty one instead of failing.
                    res = self._graph.query(query, params or {})
            else:
                res = self._graph.query(query, params or {})
        except redis.ResponseError as exc:
            raise _falkor_error(exc) from exc
        except redis.ConnectionError as exc:
            # A crashed server is started again (by us, or we wait for the worker that does). A read is
            # repeated once; a write only when it never reached the server (the stale pooled connection could
            # not connect or send): one that may have been applied before the crash is not, the caller gets
            # GraphUnavailable and the user tries again.
            if self._revive() and (read_only or _never_sent(exc)) and not retried:
                return self._run(query, params, read_only, retried=True)
            raise self._unavailable(exc) from exc
        except redis.TimeoutError as exc:  # alive but slow: never restart a server that may be writing
            raise self._unavailable(exc) from exc
        names = [h[1] if isinstance(h, list | tuple) else h for h in res.header]
        return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in res.result_set]

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, read_only=True)

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, read_only=False)

    def write_all(self, statements: Sequence[Statement]) -> list[list[Row]]:
        import redis

        if len(statements) == 1:
            return [self.write(*statements[0])]

        # MULTI/EXEC: all-or-nothing in the AOF and invisible to readers half-way. Results are not parsed:
        # callers of write_all use it for effects only.
        def execute() -> list[Any]:
            pipe = self._db.connection.pipeline(transaction=True)  # a pipeline is emptied by execute()
            for query, params in statements:
                pipe.execute_command("GRAPH.QUERY", self.graph_name, _with_params(query, params), "--compact")
            return pipe.execute(raise_on_error=False)

        try:
            replies = execute()
        except redis.ConnectionError as exc:
            if not (self._revive() and _never_sent(exc)):
                raise self._unavailable(exc) from exc
            try:  # the unit never reached the server: send it once more, to the restarted one
                replies = execute()
            except (redis.ConnectionError, redis.TimeoutError) as again:
                raise self._unavailable(again) from again
        except redis.TimeoutError as exc:
            raise self._unavailable(exc) from exc
        for reply in replies:
            if isinstance(reply, redis.ResponseError):
                raise _falkor_error(reply)
        return [[] for _ in statements]

    def ensure_unique(self, label: str, prop: str) -> None:
        import redis

        for stmt in self.dialect.unique_constraint(label, prop):
            try:
                self.write(stmt)
            except GraphError as exc:
                if "already indexed" not in str(exc):
                    raise
        try:
            self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label, "PROPERTIES", 1, prop
            )
        except redis.ResponseError as exc:
            if "already exists" not in str(exc):
                raise GraphError(str(exc)) from exc

    def ensure_index(self, label: str, prop: str, *, point: bool = False) -> None:
        stmt = self.dialect.point_index(label, prop) if point else self.dialect.index(label, prop)
        try:
            self.write(stmt)
        except GraphError as exc:
            if "already indexed" not in str(exc):
                raise

    def constraints_ready(self) -> bool:
        rows = self.read("CALL db.constraints() YIELD status RETURN collect(status) AS s")
        return all(s == "OPERATIONAL" for s in (rows[0]["s"] if rows else []))

    def clear(self) -> None:
        import redis

        try:
            self._graph.delete()
        except redis.ResponseError as exc:
            if "empty key" not in str(exc) and "Invalid graph" not in str(exc):
                raise
        self._graph = self._db.select_graph(self.graph_name)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):  # closing is best effort
            self._db.connection.close()
        if self._server is not None:
            self._server.release()


def _with_params(query: str, params: dict[str, Any] | None) -> str:
    if not params:
        return query
    from falkordb.helpers import stringify_param_value

    prefix = " ".join(f"{k}={stringify_param_value(v)}" for k, v in params.items())
    return f"CYPHER {prefix} {query}"


def _never_sent(exc: Exception) -> bool:
    """redis-py's message when the command did not leave this process: connecting or writing failed (a reply
    that could not be read is different: the server may have applied the command)."""
    msg = str(exc)
    return " connecting to " in msg or "while writing to socket" in msg


def _falkor_error(exc: Exception) -> GraphError:
    msg = str(exc)
    if msg.startswith("LOADING"):  # the server is reading its append-only file after a (re)start
        return GraphUnavailable(f"FalkorDB start nog op: {msg}")
    if "unique constraint violation" in msg or "constraint violation" in msg:
        return ConstraintViolation(msg)
    return GraphError(msg)


# --- Neo4j ---------------------------------------------------------------------------------------------


class Neo4jStore(GraphStore):
    dialect = NEO4J

    def __init__(
        self, uri: str, *, user: str | None = None, password: str | None = None, database: str | None = None
    ) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable

        self.uri = uri
        self.database = database
        auth = (user, password or "") if user else None
        try:
            # Server notifications ("label does not exist yet" on a young graph) are not errors: keep logs clean.
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                max_connection_pool_size=50,
                notifications_min_severity="OFF",
                # While Neo4j restarts, fail a request within seconds (the site answers 503) instead of
                # retrying for the driver's default 30 s; the pool reconnects by itself afterwards.
                max_transaction_retry_time=3.0,
                connection_timeout=5.0,
            )
            self._driver.verify_connectivity()
        except (ServiceUnavailable, AuthError, OSError, ValueError) as exc:
            raise GraphUnavailable(f"Neo4j niet bereikbaar op {uri}: {exc}") from exc

    def _session(self, read: bool):
        import neo4j

        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        # fetch_size -1: every row of a result in one PULL (we always read them all). The default, 1 000 rows
        # per round trip, made the hash read of a 5 000-record batch five round trips (ADR 0096).
        return self._driver.session(database=self.database, default_access_mode=mode, fetch_size=-1)

    def _call(self, fn, read: bool):
        from neo4j.exceptions import ClientError, ConstraintError, ServiceUnavailable, SessionExpired

        try:
            with self._session(read) as session:
                return session.execute_read(fn) if read else session.execute_write(fn)
        except ConstraintError as exc:
            raise ConstraintViolation(exc.message or str(exc)) from exc
        except ClientError as exc:
            if exc.code and "ConstraintValidationFailed" in exc.code:
                raise ConstraintViolation(exc.message or str(exc)) from exc
            raise GraphError(exc.message or str(exc)) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j niet bereikbaar: {exc}") from exc

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._call(lambda tx: [_neo_plain(r.data()) for r in tx.run(query, params or {})], read=True)

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._call(lambda tx: [_neo_plain(r.data()) for r in tx.run(query, params or {})], read=False)

    def read_all(self, statements: Sequence[Statement]) -> list[list[Row]]:
        def work(tx):
            return [[_neo_plain(r.data()) for r in tx.run(q, p or {})] for q, p in statements]

        return self._call(work, read=True)

    def write_all(self, statements: Sequence[Statement]) -> list[list[Row]]:
        def work(tx):
            return [[_neo_plain(r.data()) for r in tx.run(q, p or {})] for q, p in statements]

        return self._call(work, read=False)

    def _ddl(self, stmt: str) -> None:
        from neo4j.exceptions import ClientError

        try:
            with self._session(read=False) as session:
                session.run(stmt).consume()
        except ClientError as exc:
            if "EquivalentSchemaRule" not in (exc.code or "") and "already exists" not in (exc.message or ""):
                raise GraphError(exc.message or str(exc)) from exc

    def ensure_unique(self, label: str, prop: str) -> None:
        for stmt in self.dialect.unique_constraint(label, prop):
            self._ddl(stmt)

    def ensure_index(self, label: str, prop: str, *, point: bool = False) -> None:
        self._ddl(self.dialect.point_index(label, prop) if point else self.dialect.index(label, prop))

    def clear(self) -> None:
        # Relationships first, then nodes, in bounded batches: a DETACH DELETE of a theme with 20 000 services
        # needs all of them in one transaction and overruns the transaction memory (bench at 100 000 services).
        for stmt in (
            "MATCH ()-[r]->() WITH r LIMIT 5000 DELETE r RETURN count(*) AS c",
            "MATCH (n) WITH n LIMIT 5000 DELETE n RETURN count(*) AS c",
        ):
            while True:
                rows = self.write(stmt)
                if not rows or rows[0]["c"] == 0:
                    break

    def close(self) -> None:
        self._driver.close()


def _neo_plain(value: Any) -> Any:
    from neo4j.spatial import Point

    if isinstance(value, dict):
        return {k: _neo_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_neo_plain(v) for v in value]
    if isinstance(value, Point):
        return {"latitude": value.y, "longitude": value.x}
    if hasattr(value, "iso_format"):  # neo4j temporal types
        return value.iso_format()
    return value


# --- connect -------------------------------------------------------------------------------------------

_lock = threading.Lock()


def default_uri(data_dir: str | Path) -> str:
    return "falkordb://" + str(Path(data_dir).resolve() / "graph")


def connect(uri: str, *, user: str | None = None, password: str | None = None) -> GraphStore:
    """Open a store for `KAART_GRAPH_URI`.

    - `falkordb:///abs/dir[?graph=name]`: the embedded server for that dir (started when needed);
    - `falkordb://host:port[?graph=name]`: an external FalkorDB over TCP;
    - `bolt://…`, `neo4j://…` (+`s`) `[?database=name]`: Neo4j with the official driver.
    """
    parsed = urlparse(uri)
    query = parse_qs(parsed.query)
    if parsed.scheme == "falkordb":
        graph_name = query.get("graph", ["kaart"])[0]
        if parsed.netloc:
            return FalkorStore(uri, graph_name=graph_name, host=parsed.hostname, port=parsed.port or 6379)

        with _lock:
            server = EmbeddedServer(Path(unquote(parsed.path))).acquire()
        try:
            store = FalkorStore(
                uri, graph_name=graph_name, server=server, unix_socket_path=str(server.socket_path)
            )
        except GraphError:
            server.release()
            raise
        atexit.register(store.close)
        return store
    if parsed.scheme in {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}:
        database = query.get("database", [None])[0]
        clean = parsed._replace(query="").geturl()
        return Neo4jStore(clean, user=user, password=password, database=database)
    raise GraphUnavailable(
        f"onbekend soort KAART_GRAPH_URI: {uri!r} (gebruik falkordb:///map of bolt://host:7687)"
    )
