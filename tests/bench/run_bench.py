"""Throughput benchmark for the portal, run by ``make bench``.

Starts the app under gunicorn with production settings on 127.0.0.1, finds a few representative
URLs by crawling the running server (home, a content page, the catalogue, a product, a static
file), loads each one for a fixed time and prints requests/s and latency. Static is measured
first so every page can be expressed as a fraction of the fastest thing the stack can serve.

Uses ``wrk`` when available (installing it with apt when running as root) and otherwise a small
built-in load generator. Exits non-zero when any URL produced socket errors or 4xx/5xx answers.

``--url http://127.0.0.1:PORT`` benchmarks a server that is already running instead.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from types import FrameType
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

from checkout_load import run_checkouts

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
RESULTS_FILE = ROOT / "var" / "bench" / "latest.json"
PAIRS_FILE = ROOT / "var" / "bench" / "checkout_pairs.json"

LOAD_HOST = "127.0.0.1"
CONNECTIONS = 8
THREADS = 2
WARMUP_REQUESTS = 20
REQUEST_TIMEOUT_S = 2.0  # same as wrk's default, so both tools count timeouts alike
FETCH_TIMEOUT_S = 15.0
SERVER_START_TIMEOUT_S = 60.0
DEFAULT_CONTENT_PATH = "/o-portalu/"
CATALOGUE_PATH = "/sklep/catalogue/"
DIRECTORY_PATH = "/baza-pes/"
SEARCH_PATH = "/szukaj/"
PRODUCT_RE = re.compile(r"/sklep/catalogue/[\w-]+_\d+/")
STATIC_FALLBACK = "/static/css/portal.css"
USER_AGENT = "portal-bench/1"
LOGGED_IN_MARK = b'href="/sklep/accounts/"'  # the header's "My account" link


def log(message: str) -> None:
    """Progress goes to stderr so stdout holds only the results table."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- load tool


def _apt_has_candidate(package: str) -> bool:
    """Tell whether apt already knows the package, so ``apt-get update`` can be skipped."""
    if not shutil.which("apt-cache"):
        return False
    try:
        out = subprocess.run(
            ["apt-cache", "policy", package],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    match = re.search(r"Candidate:\s*(\S+)", out)
    return bool(match) and match.group(1) != "(none)"


def _apt(args: list[str]) -> bool:
    """Run one bounded, non-interactive apt-get command; True when it succeeded."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        result = subprocess.run(
            ["apt-get", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log(f"apt-get {' '.join(args)} failed: {exc}")
        return False
    if result.returncode != 0:  # dpkg chatter only matters when something went wrong
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-10:])
        log(f"apt-get {' '.join(args)} exited {result.returncode}:\n{tail}")
    return result.returncode == 0


def ensure_wrk() -> str | None:
    """Return the path of wrk, installing it with apt when we are root; None if unavailable."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        log("wrk not found and cannot install it (needs root and apt-get)")
        return None
    updated = False
    if not _apt_has_candidate("wrk"):
        log("apt-get update (wrk not in the package lists yet)")
        updated = _apt(["update", "-qq"])
    log("installing wrk with apt-get")
    ok = _apt(["install", "-y", "-qq", "wrk"])
    if not ok and not updated:
        # Stale lists make the download 404; refresh once and retry.
        log("apt-get install failed; refreshing package lists and retrying")
        ok = _apt(["update", "-qq"]) and _apt(["install", "-y", "-qq", "wrk"])
    return shutil.which("wrk") if ok else None


# --------------------------------------------------------------------------- measuring


@dataclass
class LoadResult:
    """The figures we keep from one timed load run, whichever tool produced them."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """All failed requests: bad statuses plus connect/read/write/timeout errors."""
        return self.non_2xx_3xx + sum(self.socket_errors.values())


_WRK_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _wrk_ms(value: str, unit: str) -> float:
    return float(value) * _WRK_UNITS_MS[unit]


def parse_wrk(output: str) -> LoadResult:
    """Pull the figures out of ``wrk --latency`` text output (it has no machine format)."""

    def percentile(pct: str) -> float:
        match = re.search(rf"^\s*{pct}(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M)
        if not match:
            raise ValueError(f"no {pct}% latency in wrk output")
        return _wrk_ms(match.group(1), match.group(2))

    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output, re.M)
    if not rps or not total:
        raise ValueError("no Requests/sec line in wrk output")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sock = re.search(
        r"Socket errors:\s+connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    if sock:
        socket_errors = dict(zip(socket_errors, map(int, sock.groups()), strict=True))
    return LoadResult(
        requests=int(total.group(1)),
        seconds=_wrk_ms(total.group(2), total.group(3)) / 1000.0,
        rps=float(rps.group(1)),
        p50_ms=percentile("50"),
        p99_ms=percentile("99"),
        non_2xx_3xx=int(non2xx.group(1)) if non2xx else 0,
        socket_errors=socket_errors,
    )


def run_wrk(wrk: str, url: str, seconds: int, cookie: str = "") -> LoadResult:
    """Run wrk for a fixed time; the subprocess timeout keeps a wedged run bounded too."""
    cmd = [
        wrk,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        f"--timeout={int(REQUEST_TIMEOUT_S)}s",
        "--latency",
        *(["-H", f"Cookie: {cookie}"] if cookie else []),
        url,
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"wrk exited {result.returncode}: {result.stderr.strip()}")
    try:
        return parse_wrk(result.stdout)
    except ValueError as exc:
        raise RuntimeError(f"{exc}:\n{result.stdout}") from exc


@dataclass
class _WorkerStats:
    latencies: list[float] = field(default_factory=list)
    non_2xx_3xx: int = 0
    socket_errors: dict[str, int] = field(
        default_factory=lambda: {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    )


def _load_worker(
    host: str, port: int, path: str, deadline: float, stats: _WorkerStats, cookie: str = ""
) -> None:
    """One keep-alive connection issuing GETs back to back until the deadline, like wrk."""
    conn: http.client.HTTPConnection | None = None
    headers = {"User-Agent": USER_AGENT, **({"Cookie": cookie} if cookie else {})}
    while time.monotonic() < deadline:
        started = time.perf_counter()
        if conn is None:
            conn = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT_S)
            try:
                conn.connect()
            except OSError as exc:
                kind = "timeout" if isinstance(exc, TimeoutError) else "connect"
                stats.socket_errors[kind] += 1
                conn.close()
                conn = None
                time.sleep(0.01)  # do not spin on a refused port
                continue
        try:
            conn.request("GET", path, headers=headers)
        except OSError as exc:
            stats.socket_errors["timeout" if isinstance(exc, TimeoutError) else "write"] += 1
            conn.close()
            conn = None
            continue
        try:
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            stats.socket_errors["timeout" if isinstance(exc, TimeoutError) else "read"] += 1
            conn.close()
            conn = None
            continue
        stats.latencies.append(time.perf_counter() - started)
        if response.status > 399:  # wrk's rule for "Non-2xx or 3xx responses"
            stats.non_2xx_3xx += 1
        if response.will_close:  # e.g. gunicorn sync workers: reconnect, as wrk does
            conn.close()
            conn = None
    if conn is not None:
        conn.close()


def _percentile_ms(sorted_seconds: list[float], pct: float) -> float:
    if not sorted_seconds:
        return 0.0
    index = min(len(sorted_seconds) - 1, max(0, round(pct / 100 * len(sorted_seconds)) - 1))
    return sorted_seconds[index] * 1000.0


def run_python_load(host: str, port: int, path: str, seconds: int, cookie: str = "") -> LoadResult:
    """Fallback when wrk is unavailable: one thread per connection, same duration and figures.

    The GIL caps it well below wrk, so absolute req/s for fast URLs are lower-bound numbers;
    the ratios between URLs stay meaningful.
    """
    workers = [_WorkerStats() for _ in range(CONNECTIONS)]
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(
            target=_load_worker, args=(host, port, path, deadline, stats, cookie), daemon=True
        )
        for stats in workers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + REQUEST_TIMEOUT_S * 3 + 5)
    elapsed = time.monotonic() - started
    latencies = sorted(lat for stats in workers for lat in stats.latencies)
    socket_errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    for stats in workers:
        for kind, count in stats.socket_errors.items():
            socket_errors[kind] += count
    return LoadResult(
        requests=len(latencies),
        seconds=round(elapsed, 2),
        rps=round(len(latencies) / elapsed, 2) if elapsed else 0.0,
        p50_ms=round(_percentile_ms(latencies, 50), 2),
        p99_ms=round(_percentile_ms(latencies, 99), 2),
        non_2xx_3xx=sum(stats.non_2xx_3xx for stats in workers),
        socket_errors=socket_errors,
    )


# --------------------------------------------------------------------------- fetching


@dataclass
class Fetched:
    """One plain GET, used for URL discovery, the size column and warm-up."""

    status: int
    body: bytes
    location: str


def fetch(
    host: str, port: int, path: str, timeout: float = FETCH_TIMEOUT_S, cookie: str = ""
) -> Fetched:
    """GET without following redirects, so we see exactly what the load tool will see."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    headers = {"User-Agent": USER_AGENT, **({"Cookie": cookie} if cookie else {})}
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return Fetched(response.status, response.read(), response.getheader("Location") or "")
    finally:
        conn.close()


class _LinkCollector(HTMLParser):
    """Collects href/src attribute values in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value.strip())


def local_paths(html: bytes, base_url: str) -> list[str]:
    """Paths (with query) of the links in a page that point back at our own server."""
    collector = _LinkCollector()
    collector.feed(html.decode("utf-8", errors="replace"))
    base = urlsplit(base_url)
    own_hosts = {base.netloc, base.hostname, "localhost", "127.0.0.1"}
    paths: list[str] = []
    for link in collector.links:
        parts = urlsplit(urljoin(base_url, link))
        if parts.scheme in ("http", "https") and (parts.netloc in own_hosts):
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def _norm(path: str) -> str:
    path = path.split("?", 1)[0]
    return path if path.endswith("/") else path + "/"


@dataclass
class Target:
    """A URL to benchmark and why it was chosen (or why it was skipped)."""

    name: str
    path: str
    skip_reason: str = ""
    cookie: str = ""  # sent with every request (a logged-in customer's session)


def discover(
    host: str, port: int, base_url: str, session_cookie: str = ""
) -> tuple[list[Target], list[str]]:
    """Find the URLs to measure from the live HTML, so the bench follows the real templates."""
    notes: list[str] = []
    home = fetch(host, port, "/")
    if home.status != 200:
        notes.append(f"home / answered {home.status} {home.location}".rstrip())
    home_links = local_paths(home.body, base_url)

    # A small static file (the favicon), as the figure every page is compared with.
    static_path = next(
        (p for p in home_links if p.startswith("/static/") and "favicon" in p),
        None,
    ) or next(
        (p for p in home_links if p.startswith("/static/") and p.split("?")[0].endswith(".css")),
        None,
    )
    if static_path is None:
        notes.append(f"no /static/*.css link on the home page; using {STATIC_FALLBACK}")
        static_path = STATIC_FALLBACK
    targets = [Target("static", static_path), Target("home", "/")]

    wanted = [
        p.strip()
        for p in os.environ.get("BENCH_CONTENT_PATH", DEFAULT_CONTENT_PATH).split(",")
        if p.strip()
    ] or [DEFAULT_CONTENT_PATH]
    wanted_norm = {_norm(p) for p in wanted}
    content_path = next((p for p in home_links if _norm(p) in wanted_norm), None)
    if content_path is None:
        notes.append(f"no link to {', '.join(wanted)} on the home page; trying {wanted[0]}")
        content_path = wanted[0]
    content = fetch(host, port, content_path)
    if content.status != 200:
        reason = f"answered {content.status}"
        notes.append(f"content page {content_path} {reason}; skipped")
        targets.append(Target("content", content_path, skip_reason=reason))
    else:
        targets.append(Target("content", content_path))

    targets.append(Target("catalogue", CATALOGUE_PATH))
    # An unknown query parameter bypasses the anonymous page cache: the catalogue as rendered.
    targets.append(Target("catalogue-uncached", CATALOGUE_PATH + "?nocache=1"))
    # A logged-in customer's catalogue: the copy customers share, and as rendered per request.
    if session_cookie:
        targets.append(Target("catalogue-user", CATALOGUE_PATH, cookie=session_cookie))
        targets.append(
            Target("catalogue-user-uncached", CATALOGUE_PATH + "?nocache=1", cookie=session_cookie)
        )
    else:
        reason = "no customer session (only with the bench's own server and database)"
        targets.append(Target("catalogue-user", CATALOGUE_PATH, skip_reason=reason))
    # The PES database: the cached listing, and a filtered one (filters are not page-cached).
    targets.append(Target("directory", DIRECTORY_PATH))
    targets.append(Target("directory-filtered", DIRECTORY_PATH + "?certified=1&art94=1"))
    # The site search is never page-cached: every request asks the search engine.
    targets.append(Target("site-search", SEARCH_PATH + "?q=miod"))
    catalogue = fetch(host, port, CATALOGUE_PATH)
    if catalogue.status != 200:
        notes.append(f"catalogue {CATALOGUE_PATH} answered {catalogue.status}")
    product_path = next(
        (p for p in local_paths(catalogue.body, base_url) if PRODUCT_RE.search(p)), None
    )
    if product_path is None:
        reason = "no product link in the catalogue"
        notes.append(f"{reason}; product skipped")
        targets.append(Target("product", "-", skip_reason=reason))
    else:
        targets.append(Target("product", product_path))  # anonymous
    return targets, notes


# --------------------------------------------------------------------------- server


def server_env() -> dict[str, str]:
    """Production settings made reachable over plain HTTP on loopback.

    The caller's environment (DATABASE_URL, REDIS_URL, VAR_DIR...) is passed through; only the
    settings that would stop plain-HTTP loopback requests are overridden.
    """
    alphabet = string.ascii_letters + string.digits + "-_"  # no "$": some env readers expand it
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(50)),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DEBUG": "false",
        # Every checkout journey comes from loopback: the per-address limits would refuse most.
        "RATE_LIMIT_ENABLED": "false",
        "EMAIL_BACKEND": os.environ.get(
            "EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend"
        ),
        # Its own database: the checkout journeys place orders, which must not land in `make run`'s.
        "DATABASE_URL": os.environ.get("DATABASE_URL")
        or f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}",
    }


def prepare(env: dict[str, str]) -> str:
    """Bring the database, demo content and static files to the state the bench expects;
    returns the Cookie header of a logged-in demo customer."""
    python = str(VENV_BIN / "python")
    for args in (
        ["migrate", "--noinput"],
        ["load_demo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        log(f"manage.py {' '.join(args)}")
        result = subprocess.run(
            [python, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=sys.stderr,  # keep stdout for the results table
            timeout=1800,
            check=False,
        )
        if result.returncode != 0:
            raise SystemExit(f"bench: manage.py {' '.join(args)} failed ({result.returncode})")
    log("manage.py shell: plenty of stock and the product pairs for the checkout journeys")
    pairs = _shell_last_line(python, env, CHECKOUT_SETUP, "checkout setup")
    PAIRS_FILE.parent.mkdir(parents=True, exist_ok=True)
    PAIRS_FILE.write_text(pairs, encoding="utf-8")
    log("manage.py shell: a session of the demo customer for the logged-in catalogue")
    return _shell_last_line(python, env, SESSION_SETUP, "session setup")


def _shell_last_line(python: str, env: dict[str, str], code: str, what: str) -> str:
    """Run `code` in `manage.py shell` with the bench's environment; its last printed line is
    the result (Django's startup may print before it). A failure stops the bench."""
    result = subprocess.run(
        [python, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: {what} failed: {result.stderr[-2000:]}")
    return result.stdout.strip().splitlines()[-1]


# Run inside `manage.py shell` on the bench database only: stock that cannot run out during the
# run, and pairs of in-stock products of two different PES (printed as JSON on the last line).
CHECKOUT_SETUP = """
import json
from oscar.core.loading import get_model
StockRecord = get_model("partner", "StockRecord")
records = StockRecord.objects.filter(product__product_class__track_stock=True)
records.update(num_in_stock=1_000_000)
by_partner = {}
for record in records.select_related("product").order_by("partner_id", "pk"):
    by_partner.setdefault(record.partner_id, record.product.get_absolute_url())
urls = list(by_partner.values())
print(json.dumps([[a, b] for a, b in zip(urls, urls[1:] + urls[:1])]))
"""


# Run inside `manage.py shell` with the server's own settings (the session hash depends on its
# SECRET_KEY): a session of the demo customer, as the login form would create it.
SESSION_SETUP = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth import load_backend
user = get_user_model().objects.get(email="kupujacy@example.org")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = user._meta.pk.value_to_string(user)
# the backend that logs people in (a throttling backend listed first only checks attempts)
backend = next(
    path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
)
session[BACKEND_SESSION_KEY] = backend
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.set_expiry(24 * 3600)
session.create()
print(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
"""


def free_port() -> int:
    """Ask the kernel for an unused loopback port (tiny race, fine for a bench)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOAD_HOST, 0))
        return int(sock.getsockname()[1])


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """Start gunicorn in its own process group so stopping it also reaps its workers."""
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "portal.wsgi:application",
        "--workers",
        "2",
        "--bind",
        f"{LOAD_HOST}:{port}",
        "--log-level",
        "warning",
    ]
    log(f"starting gunicorn on {LOAD_HOST}:{port}")
    return subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)


def wait_until_up(proc: subprocess.Popen[bytes] | None, port: int) -> None:
    """Poll until the server answers any HTTP response, for at most 60 s."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"bench: gunicorn exited early with code {proc.returncode}")
        try:
            fetch(LOAD_HOST, port, "/", timeout=5)
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
    raise SystemExit(f"bench: server did not answer within {SERVER_START_TIMEOUT_S:.0f} s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Graceful SIGTERM first, then SIGKILL for the whole (our own) process group."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        log("gunicorn did not stop in 15 s; killing it")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


# --------------------------------------------------------------------------- reporting


@dataclass
class Row:
    """One line of the results table (and of the JSON file)."""

    name: str
    path: str
    status: int | None = None
    kb: float | None = None
    result: LoadResult | None = None
    skip_reason: str = ""


def _static_rps(rows: list[Row]) -> float | None:
    """The baseline for "% static"; None when the static run failed, as 404s are no baseline."""
    for row in rows:
        if row.name == "static" and row.result and not row.result.errors and row.result.rps:
            return row.result.rps
    return None


def render_table(rows: list[Row], static_rps: float | None) -> str:
    """Fixed-width table; the path column grows to fit hashed static names."""
    path_w = max([len("path"), *(len(r.path) for r in rows)])
    head = (
        f"{'page':<23}  {'path':<{path_w}}  {'req/s':>9}  {'p50 ms':>7}  {'p99 ms':>7}"
        f"  {'errors':>6}  {'KB':>7}  {'% static':>8}"
    )
    lines = [head]
    for row in rows:
        kb = f"{row.kb:.1f}" if row.kb is not None else "-"
        res = row.result
        if res is None:
            lines.append(
                f"{row.name:<23}  {row.path:<{path_w}}  skipped: {row.skip_reason or 'n/a'}"
            )
            continue
        share = f"{res.rps / static_rps * 100:.0f}%" if static_rps else "n/a"
        lines.append(
            f"{row.name:<23}  {row.path:<{path_w}}  {res.rps:>9.1f}  {res.p50_ms:>7.2f}"
            f"  {res.p99_ms:>7.2f}  {res.errors:>6}  {kb:>7}  {share:>8}"
        )
    return "\n".join(lines)


def write_json(
    rows: list[Row], meta: dict[str, object], failures: list[str], notes: list[str]
) -> None:
    """Keep the last run machine-readable so runs can be compared over time."""
    static_rps = _static_rps(rows)
    out_rows = []
    for row in rows:
        item: dict[str, object] = {
            "name": row.name,
            "path": row.path,
            "status": row.status,
            "kb": row.kb,
            "skipped": row.skip_reason or None,
        }
        if row.result is not None:
            item.update(asdict(row.result))
            item["errors"] = row.result.errors
            item["pct_of_static"] = (
                round(row.result.rps / static_rps * 100, 1) if static_rps else None
            )
        out_rows.append(item)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    payload = {**meta, "results": out_rows, "failures": failures, "notes": notes}
    RESULTS_FILE.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- main


def bench(
    port: int, base_url: str, seconds: int, wrk: str | None, session_cookie: str = ""
) -> tuple[list[Row], list[str], list[str]]:
    """Discover, warm up and load every URL; returns rows, failures and notes."""
    targets, notes = discover(LOAD_HOST, port, base_url, session_cookie)
    rows: list[Row] = []
    failures: list[str] = []
    for target in targets:
        row = Row(target.name, target.path, skip_reason=target.skip_reason)
        rows.append(row)
        if target.skip_reason:
            continue
        try:
            probe = fetch(LOAD_HOST, port, target.path, cookie=target.cookie)
            row.status = probe.status
            row.kb = round(len(probe.body) / 1024, 1)
            if 300 <= probe.status < 400:
                notes.append(f"{target.name} {target.path} redirects to {probe.location}")
            if target.cookie and LOGGED_IN_MARK not in probe.body:
                failures.append(f"{target.name}: the page does not show a logged-in customer")
            for _ in range(WARMUP_REQUESTS):
                fetch(LOAD_HOST, port, target.path, cookie=target.cookie)
            log(f"{target.name}: {target.path} for {seconds} s")
            if wrk:
                row.result = run_wrk(wrk, base_url + target.path, seconds, target.cookie)
            else:
                row.result = run_python_load(LOAD_HOST, port, target.path, seconds, target.cookie)
        except (
            OSError,
            http.client.HTTPException,
            RuntimeError,
            subprocess.SubprocessError,
        ) as exc:
            row.skip_reason = f"failed: {exc}".splitlines()[0]
            failures.append(f"{target.name} {target.path}: {exc}")
            continue
        res = row.result
        if res.requests == 0:
            failures.append(f"{target.name} {target.path}: no request completed")
        if res.non_2xx_3xx:
            failures.append(
                f"{target.name} {target.path}: {res.non_2xx_3xx} non-2xx/3xx responses"
                f" (single GET answered {probe.status})"
            )
        bad_sockets = {k: v for k, v in res.socket_errors.items() if v}
        if bad_sockets:
            detail = ", ".join(f"{k} {v}" for k, v in bad_sockets.items())
            failures.append(f"{target.name} {target.path}: socket errors: {detail}")
    return rows, failures, notes


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url",
        help="benchmark an already-running server at this base URL (http://127.0.0.1:PORT); "
        "skips migrate/load_demo/collectstatic and gunicorn",
    )
    parser.add_argument(
        "--tool",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator: wrk (installed if missing), built-in python, or auto (default)",
    )
    return parser.parse_args(argv)


def _base_from_url(url: str) -> tuple[str, int]:
    """Accept only plain HTTP on 127.0.0.1: the bench must never load anything else."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname != LOAD_HOST:
        raise SystemExit(f"bench: --url must be http://{LOAD_HOST}:PORT, got {url!r}")
    return f"http://{LOAD_HOST}:{parts.port or 80}", parts.port or 80


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally that stops gunicorn


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parse_args(argv)
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    except ValueError:
        raise SystemExit("bench: BENCH_SECONDS must be a whole number of seconds") from None
    if not 1 <= seconds <= 600:
        raise SystemExit("bench: BENCH_SECONDS must be between 1 and 600")

    wrk = None if args.tool == "python" else ensure_wrk()
    if wrk is None and args.tool == "wrk":
        raise SystemExit("bench: wrk requested but not available")
    tool = "wrk" if wrk else "python"
    if not wrk:
        log("using the built-in python load generator (lower ceiling than wrk)")

    proc: subprocess.Popen[bytes] | None = None
    session_cookie = ""
    try:
        if args.url:
            base_url, port = _base_from_url(args.url)
        else:
            env = server_env()
            session_cookie = prepare(env)
            port = free_port()
            base_url = f"http://{LOAD_HOST}:{port}"
            proc = start_server(env, port)
        wait_until_up(proc, port)
        rows, failures, notes = bench(port, base_url, seconds, wrk, session_cookie)
        checkout = None
        if proc is not None:
            log(f"checkout: guests buying from two PES for {seconds} s")
            pairs = [tuple(pair) for pair in json.loads(PAIRS_FILE.read_text(encoding="utf-8"))]
            checkout = run_checkouts(base_url, pairs, seconds)
            if checkout.failures or not checkout.journeys:
                failures.append(
                    f"checkout: {len(checkout.failures)} failed journeys, "
                    f"first: {checkout.failures[:1]}"
                )
    finally:
        if proc is not None:
            stop_server(proc)

    static_rps = _static_rps(rows)
    print(
        f"\n{tool}: {THREADS if wrk else CONNECTIONS} threads, {CONNECTIONS} connections,"
        f" {seconds} s per URL against {base_url}\n"
    )
    print(render_table(rows, static_rps))
    if checkout is not None and checkout.journeys:
        times = sorted(checkout.journeys)
        print(
            f"checkout (a guest buys from two PES, 11 requests): {len(times) / seconds:.1f}"
            " checkouts/s,"
            f" {checkout.requests / seconds:.1f} requests/s, per checkout p50"
            f" {_percentile_ms(times, 50):.0f} ms, p99 {_percentile_ms(times, 99):.0f} ms,"
            f" {len(checkout.failures)} failed"
        )
    for note in notes:
        print(f"note: {note}")
    meta: dict[str, object] = {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": tool,
        "threads": THREADS if wrk else CONNECTIONS,
        "connections": CONNECTIONS,
        "seconds": seconds,
        "base_url": base_url,
        "started_server": not args.url,
        "checkout": None
        if checkout is None
        else {
            "checkouts": len(checkout.journeys),
            "requests": checkout.requests,
            "failures": checkout.failures[:20],
        },
    }
    write_json(rows, meta, failures, notes)
    print(f"\nresults written to {RESULTS_FILE.relative_to(ROOT)}")
    if failures:
        print("\nFAILED:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
