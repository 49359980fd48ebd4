"""The site as in production, for the whole-app tests: `kaart serve --workers 2` (gunicorn) on its own data dir,
reached over real HTTP by a cookie- and CSRF-aware client."""

from __future__ import annotations

import contextlib
import http.client
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from site_data import PASSWORD, add_account, fresh_code

ROOT = Path(__file__).resolve().parent.parent


class FormParser(HTMLParser):
    """The fields of the first POST form on a page whose action is `action`, as a browser would send them."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside, self.done = action, False, False
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and a.get("action") == self.action and a.get("method") == "post":
            self.inside = True
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input":
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.setdefault(a["name"], []).append(
                a.get("value") or ("1" if a.get("type") == "checkbox" else "")
            )
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data.setdefault(a["name"], []).append("")
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data.setdefault(self._select, []).append(a.get("value") or "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, action: str) -> dict:
    """What a browser would submit from the form posting to `action` on this page."""
    parser = FormParser(action)
    parser.feed(html)
    return {k: (v[0] if len(v) == 1 else v) for k, v in parser.data.items()}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - keep 302s visible to the test
        return None


class Browser:
    """Cookies and CSRF tokens like a browser, over real HTTP."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )
        self.seen: list[tuple[str, str, int, dict]] = []  # (method, path, status, headers) of every answer

    def request(self, method: str, path: str, data: dict | bytes | None = None, headers: dict | None = None):
        """(status, headers, text); connection errors are raised as OSError."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        if isinstance(data, dict):
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=60) as resp:
                status, headers, text = resp.status, dict(resp.headers), resp.read().decode()
        except urllib.error.HTTPError as err:
            try:
                text = err.read().decode()
            except http.client.HTTPException as exc:  # the server died while sending a redirect's body
                raise ConnectionError(f"{method} {path}: {exc!r}") from exc
            status, headers = err.code, dict(err.headers)
        except http.client.HTTPException as err:  # e.g. IncompleteRead: the server died mid-answer
            raise ConnectionError(f"{method} {path}: {err!r}") from err
        self.seen.append((method, path.split("?")[0], status, headers))
        return status, headers, text

    def csrf(self, path: str) -> str:
        status, _, html = self.request("GET", path)
        assert status == 200, (path, status)
        found = re.search(r'name="csrf_token" value="([^"]+)"', html)
        assert found, path
        return found.group(1)

    def login(self, account: dict) -> None:
        """Password and TOTP code through the real pages."""
        token = self.csrf("/inloggen")
        status, headers, _ = self.request(
            "POST", "/inloggen", {"email": account["email"], "password": PASSWORD, "csrf_token": token}
        )
        assert status == 302 and headers["Location"].endswith("/inloggen/code"), status
        token = self.csrf("/inloggen/code")
        status, _, _ = self.request(
            "POST", "/inloggen/code", {"code": fresh_code(account["secret"]), "csrf_token": token}
        )
        assert status == 302


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_site(data_dir: Path, uri: str, roles: tuple[str, ...] = ()) -> list[dict]:
    """The Aalten demo with its index on a fresh graph, and one account (with a second factor) per role."""
    from graph import ensure_schema
    from ingest.demo import load_demo
    from match.index import rebuild_index
    from webapp import create_app
    from webapp.db import close_store, get_store

    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "GRAPH_URI": uri, "TILE_URL": ""})
    try:
        with app.app_context():
            store = get_store()
            ensure_schema(store)
            load_demo(store, None)
            rebuild_index(store, Path(app.config["INDEX_DIR"]))
        return [add_account(app, role) for role in roles]
    finally:
        close_store(app)


class LiveSite:
    """`kaart serve --workers N` in its own process group, logging to `log_path`."""

    def __init__(self, data_dir: Path, uri: str, log_path: Path, workers: int = 2, **env: str) -> None:
        self.workers = workers  # 0: the built-in server of `make run`
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {
            **os.environ,
            "KAART_DATA_DIR": str(data_dir),
            "KAART_GRAPH_URI": uri,
            "KAART_SESSION_COOKIE_SECURE": "0",
            "KAART_TILE_URL": "",
            "PYTHONPATH": str(ROOT),
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> LiveSite:
        with self.log_path.open("ab") as log_file:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "webapp.cli", "serve", "--workers", str(self.workers), "--port", str(self.port)],
                env=self.env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.base + "/api/v1/health", timeout=5) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                pass
            assert self.process.poll() is None, self.log_path.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "de site startte niet"
            time.sleep(0.3)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """SIGTERM: gunicorn stops its workers, the last user stops the graph. SIGKILL: a crash."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        self.process.wait(60)
        if sig == signal.SIGKILL:  # workers are in the group too; wait until they are gone
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.killpg(self.process.pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        self.process = None
