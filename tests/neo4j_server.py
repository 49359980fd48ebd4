"""Start a real Neo4j Community 5.26 server for the test suite.

No Docker needed: ``tools/neo4j`` is a tiny Maven project that pulls Neo4j
Community from Maven Central and adds a launcher class
(``kaart.Neo4jTestServer``) that runs Neo4j in-process with only Bolt enabled
on 127.0.0.1, auth off, HTTP off and a 64 MiB page cache.

Typical use (e.g. in a session-scoped pytest fixture)::

    from tests.neo4j_server import Neo4jUnavailable, start

    try:
        server = start()
    except Neo4jUnavailable as exc:
        pytest.skip(str(exc))
    yield server.uri          # bolt://127.0.0.1:PORT, no auth
    server.stop()

Requirements: ``java`` 17+ and ``mvn`` on PATH (or ``KAART_NEO4J_JAVA`` /
``JAVA_HOME`` and ``KAART_NEO4J_MVN``); Maven Central reachable for the first
build (later builds only need ``~/.m2``).

Environment:
    KAART_NEO4J_CACHE          build output (default <repo>/.cache/neo4j)
    KAART_NEO4J_JAVA           java executable (default $JAVA_HOME/bin/java, then PATH)
    KAART_NEO4J_MVN            mvn executable (default PATH)
    KAART_NEO4J_MVN_ARGS       extra maven arguments, e.g. "-o" for offline
    KAART_NEO4J_BUILD_TIMEOUT  seconds for the maven build (default 900)
    KAART_NEO4J_JAVA_OPTS      extra JVM options, appended after the defaults
    KAART_NEO4J_KEEP           "1": keep the server's temp dir (data + logs) on stop

Smoke test::

    python tests/neo4j_server.py
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["Neo4jUnavailable", "Neo4jServer", "build", "start", "default_cache_dir"]

REPO_ROOT = Path(__file__).resolve().parents[1]
TOOL_DIR = REPO_ROOT / "tools" / "neo4j"
POM = TOOL_DIR / "pom.xml"
MAIN_CLASS = "kaart.Neo4jTestServer"
LAUNCHER_JAR = "kaart-neo4j-test-server.jar"

# Java 17 flags: the same opens Neo4j's own start script passes. Without them
# Neo4j logs "Reflection access to java.nio.DirectByteBuffer is not available"
# and "Incorrect file descriptor" warnings and runs in slower fallback modes.
DEFAULT_JVM_OPTS = (
    "-Xms128m",
    "-Xmx512m",
    "-XX:+UseSerialGC",
    "-XX:-UsePerfData",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)

STARTUP_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0
_READY_RE = re.compile(r"^READY (bolt://\S+) (\S+)\s*$", re.MULTILINE)


class Neo4jUnavailable(RuntimeError):
    """Neo4j cannot be built or started here; the message says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- build


def default_cache_dir() -> Path:
    env = os.environ.get("KAART_NEO4J_CACHE")
    return Path(env).expanduser().resolve() if env else REPO_ROOT / ".cache" / "neo4j"


def _java_exe() -> str:
    env = os.environ.get("KAART_NEO4J_JAVA")
    if env:
        return env
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise Neo4jUnavailable("java not found (install a JDK 17+ or set KAART_NEO4J_JAVA)")
    return found


def _check_java(java: str) -> None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Neo4jUnavailable(f"java not usable ({java}): {exc}") from exc
    text = out.stderr + out.stdout
    m = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if out.returncode != 0 or not m:
        raise Neo4jUnavailable(f"java not usable ({java}): {_tail(text, 5)}")
    major = int(m.group(1))
    if major == 1 and m.group(2):  # "1.8.0_..."
        major = int(m.group(2))
    if major < 17:
        raise Neo4jUnavailable(f"Neo4j 5.26 needs java 17 or 21, found java {major} ({java})")


def _source_hash() -> str:
    h = hashlib.sha256()
    files = [POM, *sorted(p for p in (TOOL_DIR / "src").rglob("*") if p.is_file())]
    for f in files:
        h.update(str(f.relative_to(TOOL_DIR)).encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _tail(text: str, n: int = 30) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return "\n".join(lines[-n:])


class _FileLock:
    """Exclusive lock so parallel test workers build only once."""

    def __init__(self, path: Path):
        self.path = path
        self._fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "a+")
        try:
            import fcntl

            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX)
        except ImportError:  # non-POSIX: best effort, no lock
            pass
        return self

    def __exit__(self, *exc):
        try:
            import fcntl

            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
        except ImportError:
            pass
        self._fh.close()


def build(cache_dir: Path | None = None) -> Path:
    """Build the launcher once; return the directory holding every jar.

    Idempotent: skipped when ``<cache>/lib`` already holds a build of the
    current ``tools/neo4j`` sources (pom + Java), as recorded by a stamp.
    The classpath is ``<returned dir>/*``.
    """
    cache = Path(cache_dir).resolve() if cache_dir else default_cache_dir()
    lib = cache / "lib"
    stamp = cache / "build.stamp"
    if not POM.is_file():
        raise Neo4jUnavailable(f"{POM} missing")
    digest = _source_hash()

    def up_to_date() -> bool:
        return stamp.is_file() and stamp.read_text().strip() == digest and (lib / LAUNCHER_JAR).is_file()

    if up_to_date():
        return lib
    with _FileLock(cache / ".build.lock"):
        if up_to_date():  # another worker built it while we waited
            return lib
        _check_java(_java_exe())
        mvn = os.environ.get("KAART_NEO4J_MVN") or shutil.which("mvn")
        if not mvn:
            raise Neo4jUnavailable("mvn not found (install maven or set KAART_NEO4J_MVN)")
        for d in (lib, cache / "build"):
            shutil.rmtree(d, ignore_errors=True)
        stamp.unlink(missing_ok=True)
        cmd = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(POM),
            f"-Dkaart.cache={cache}",
            *shlex.split(os.environ.get("KAART_NEO4J_MVN_ARGS", "")),
            "package",
        ]
        timeout = float(os.environ.get("KAART_NEO4J_BUILD_TIMEOUT", "900"))
        env = dict(os.environ)
        jexe = _java_exe()
        if "JAVA_HOME" not in env and os.path.isabs(jexe):
            # make maven use the same JDK as the server
            env["JAVA_HOME"] = str(Path(os.path.realpath(jexe)).parent.parent)
        try:
            proc = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout or ""
            if isinstance(out, bytes):  # TimeoutExpired may carry bytes even with text=True
                out = out.decode(errors="replace")
            raise Neo4jUnavailable(f"mvn timed out after {timeout:.0f}s: {_tail(out, 10)}") from exc
        except OSError as exc:
            raise Neo4jUnavailable(f"mvn could not run: {exc}") from exc
        if proc.returncode != 0:
            raise Neo4jUnavailable(
                f"mvn failed (exit {proc.returncode}): "
                f"{_tail(proc.stdout + proc.stderr, 30)}\ncommand: {shlex.join(cmd)}"
            )
        if not (lib / LAUNCHER_JAR).is_file():
            raise Neo4jUnavailable(f"mvn succeeded but {lib / LAUNCHER_JAR} is missing")
        stamp.write_text(digest + "\n")
    return lib


# -------------------------------------------------------------------------- server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


class Neo4jServer:
    """A real Neo4j server in a child JVM. Use ``start()`` or ``with Neo4jServer():``.

    Attributes (after start): ``uri`` (``bolt://127.0.0.1:PORT``), ``port``,
    ``version`` (e.g. ``5.26.30``), ``pid``, ``startup_seconds``, ``workdir``
    (temp dir with ``home/`` = Neo4j data + logs, ``stdout.log``, ``stderr.log``).
    Connect without auth: ``GraphDatabase.driver(server.uri, auth=None)``.
    """

    def __init__(
        self,
        port: int | None = None,
        *,
        cache_dir: Path | None = None,
        jvm_opts: list[str] | None = None,
        startup_timeout: float = STARTUP_TIMEOUT,
        keep_data: bool | None = None,
    ):
        self.requested_port = port
        self.cache_dir = cache_dir
        self.jvm_opts = list(DEFAULT_JVM_OPTS if jvm_opts is None else jvm_opts)
        self.jvm_opts += shlex.split(os.environ.get("KAART_NEO4J_JAVA_OPTS", ""))
        self.startup_timeout = startup_timeout
        self.keep_data = os.environ.get("KAART_NEO4J_KEEP") == "1" if keep_data is None else keep_data
        self.port: int | None = None
        self.uri: str | None = None
        self.version: str | None = None
        self.pid: int | None = None
        self.startup_seconds: float | None = None
        self.workdir: Path | None = None
        self._proc: subprocess.Popen | None = None

    # context manager ---------------------------------------------------------
    def __enter__(self) -> Neo4jServer:
        if self._proc is None:
            self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> Neo4jServer:
        if self._proc is not None:
            raise RuntimeError("already started")
        lib = build(self.cache_dir)
        java = _java_exe()
        # An auto-picked port can be taken between picking and binding: retry.
        attempts = 1 if self.requested_port else 3
        for attempt in range(attempts):
            port = self.requested_port or _free_port()
            try:
                self._launch(java, lib, port)
                return self
            except Neo4jUnavailable as exc:
                if attempt + 1 < attempts and "already in use" in str(exc).lower():
                    continue
                raise
        raise AssertionError("unreachable")

    def _launch(self, java: str, lib: Path, port: int) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="kaart-neo4j-"))
        home = self.workdir / "home"
        out_path, err_path = self.workdir / "stdout.log", self.workdir / "stderr.log"
        cmd = [java, *self.jvm_opts, "-cp", f"{lib}{os.sep}*", MAIN_CLASS, str(port), str(home)]
        t0 = time.monotonic()
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            try:
                # stdin stays an open pipe: the server exits when it closes,
                # i.e. also when this Python process dies without stop().
                self._proc = subprocess.Popen(
                    cmd, stdin=subprocess.PIPE, stdout=out, stderr=err, close_fds=True
                )
            except OSError as exc:
                self._cleanup_dir()
                raise Neo4jUnavailable(f"could not launch java: {exc}") from exc
        self.pid = self._proc.pid
        atexit.register(self.stop)
        deadline = t0 + self.startup_timeout
        while True:
            m = _READY_RE.search(_read(out_path))
            if m:
                self.uri, self.version, self.port = m.group(1), m.group(2), port
                self.startup_seconds = time.monotonic() - t0
                return
            rc = self._proc.poll()
            if rc is not None or time.monotonic() > deadline:
                why = (
                    f"exited with code {rc}"
                    if rc is not None
                    else f"not ready after {self.startup_timeout:.0f}s"
                )
                detail = self._failure_detail(err_path, home)
                self.stop()
                raise Neo4jUnavailable(f"neo4j test server {why}\n{detail}")
            time.sleep(0.1)

    def _failure_detail(self, err_path: Path, home: Path) -> str:
        parts = []
        err = _tail(_read(err_path), 30)
        if err:
            parts.append("stderr:\n" + err)
        debug = [
            ln
            for ln in _read(home / "logs" / "debug.log").splitlines()
            if " ERROR " in ln or " WARN " in ln or "Exception" in ln
        ]
        if debug:
            parts.append("debug.log (warnings/errors):\n" + "\n".join(debug[-15:]))
        return "\n".join(parts) or "(no output)"

    def stop(self) -> None:
        """SIGTERM, wait up to 20 s, then SIGKILL; remove the temp dir. Idempotent."""
        proc, self._proc = self._proc, None
        if proc is not None:
            with contextlib.suppress(Exception):
                atexit.unregister(self.stop)
            if proc.poll() is None:
                try:
                    proc.send_signal(signal.SIGTERM)
                    proc.wait(timeout=STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=STOP_TIMEOUT)
                except ProcessLookupError:
                    pass
            if proc.stdin:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
        self._cleanup_dir()

    def _cleanup_dir(self) -> None:
        if self.workdir is not None and not self.keep_data:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<Neo4jServer {self.uri or '-'} {self.version or ''} {state}>"


def start(port: int | None = None, **kwargs) -> Neo4jServer:
    """Build if needed, start a server, return it once Bolt accepts queries."""
    return Neo4jServer(port, **kwargs).start()


# ---------------------------------------------------------------------- smoke test


def _rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _main() -> int:
    t0 = time.monotonic()
    try:
        lib = build()
    except Neo4jUnavailable as exc:
        print(f"UNAVAILABLE: {exc}", file=sys.stderr)
        return 2
    jars = list(lib.glob("*.jar"))
    size = sum(j.stat().st_size for j in jars) / 2**20
    print(f"build: {time.monotonic() - t0:.1f}s  {lib}  ({len(jars)} jars, {size:.0f} MiB)")
    try:
        server = start()
    except Neo4jUnavailable as exc:
        print(f"UNAVAILABLE: {exc}", file=sys.stderr)
        return 2
    with server:
        print(
            f"started: {server.uri} Neo4j {server.version} in {server.startup_seconds:.1f}s"
            f" (pid {server.pid}, RSS {(_rss_kb(server.pid) or 0) // 1024} MiB)"
        )
        try:
            from neo4j import GraphDatabase
        except ImportError:
            print("neo4j driver not installed: skipped the query check")
            return 0
        with GraphDatabase.driver(server.uri, auth=None) as driver, driver.session() as s:
            assert s.run("RETURN 1 AS one").single()["one"] == 1
            comp = s.run(
                "CALL dbms.components() YIELD name, versions, edition "
                "RETURN name, versions[0] AS version, edition"
            ).single()
            print(f"dbms.components(): {comp['name']} {comp['version']} {comp['edition']}")
            s.run("CREATE CONSTRAINT smoke_id IF NOT EXISTS FOR (n:Smoke) REQUIRE n.id IS UNIQUE").consume()
            s.run("CREATE CONSTRAINT smoke_id IF NOT EXISTS FOR (n:Smoke) REQUIRE n.id IS UNIQUE").consume()
            s.run("CREATE POINT INDEX smoke_loc IF NOT EXISTS FOR (n:Smoke) ON (n.loc)").consume()
            s.run("CALL db.awaitIndexes(60)").consume()
            s.run(
                "UNWIND $rows AS r CREATE (:Smoke {id: r.id, "
                "loc: point({latitude: r.lat, longitude: r.lon})})",
                rows=[
                    {"id": "utrecht", "lat": 52.0907, "lon": 5.1214},
                    {"id": "amsterdam", "lat": 52.3676, "lon": 4.9041},
                ],
            ).consume()
            km = s.run(
                "MATCH (a:Smoke {id:'utrecht'}), (b:Smoke {id:'amsterdam'}) "
                "RETURN point.distance(a.loc, b.loc) / 1000.0 AS km"
            ).single()["km"]
            near = s.run(
                "MATCH (n:Smoke) WHERE point.distance(n.loc, "
                "point({latitude: 52.09, longitude: 5.12})) < 5000 RETURN n.id AS id"
            ).value("id")
            kinds = s.run(
                "SHOW INDEXES YIELD name, type WHERE name STARTS WITH 'smoke' "
                "RETURN name + ':' + type AS k ORDER BY k"
            ).value("k")
            print(f"constraint + point index ok {kinds}; Utrecht-Amsterdam {km:.1f} km; within 5 km: {near}")
            assert 33 < km < 36 and near == ["utrecht"], (km, near)
    print(f"stopped; total {time.monotonic() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
