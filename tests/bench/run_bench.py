"""Load on the production set-up, run by ``make bench`` (and ``make soak``).

Prepares a bench database of its own (PostgreSQL and Redis when they answer on 127.0.0.1, else
SQLite and the file cache: tests/bench/stack.py), starts gunicorn with production settings and
the task worker beside it, as the Procfile runs them, and then:

- finds a few representative URLs by crawling the running server (home, a content page, the
  catalogue, the PES database, the search, a product, a static file), loads each one for a fixed
  time and prints requests/s and latency. Static is measured first so every page can be
  expressed as a fraction of the fastest thing the stack can serve;
- drives whole guest checkouts from two PES (tests/bench/checkout_load.py) and prints
  checkouts/s;
- races twenty buyers for five last units of one product and checks that everyone got a
  confirmation or a clear "sold out", that the stock never went below zero and that exactly the
  free units were sold;
- checks that the worker ran every task the load queued (index upkeep, e-mails) without failure;
- with ``--soak SECONDS``: minutes of mixed traffic, the workers' memory read every minute
  (tests/bench/soak.py).

Uses ``wrk`` when available (installing it with apt when running as root) and otherwise a small
built-in load generator. Exits non-zero on socket errors or 4xx/5xx answers, a failed checkout,
any answer of the race other than a confirmation or "sold out", stock below zero, a failed or
left-over task, or memory growth in the soak beyond its threshold. Gunicorn and the worker are
stopped at the end, also on Ctrl-C and SIGTERM.

``--url http://127.0.0.1:PORT`` benchmarks a server that is already running instead (pages only).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack
from checkout_load import CheckoutStats, ContestResult, run_checkouts, run_contested
from soak import SEARCH_WORDS, SoakResult, Traffic, Watcher, content_paths, run_soak
from soak import render as render_soak

ROOT = stack.ROOT
RESULTS_FILE = ROOT / "var" / "bench" / "latest.json"
SETUP_FILE = ROOT / "var" / "bench" / "setup.json"

LOAD_HOST = "127.0.0.1"
CONNECTIONS = 8
THREADS = 2
WARMUP_REQUESTS = 20
REQUEST_TIMEOUT_S = 2.0  # same as wrk's default, so both tools count timeouts alike
FETCH_TIMEOUT_S = 15.0
SERVER_START_TIMEOUT_S = 60.0
QUEUE_DRAIN_S = 60  # the worker's time to finish what the load queued
SOAK_SAMPLE_S = 60
SOAK_MAX_GROWTH_MB = 20  # per process, end against the reading after the warm-up
DEFAULT_CONTENT_PATH = "/o-portalu/"
CATALOGUE_PATH = "/sklep/catalogue/"
DIRECTORY_PATH = "/baza-pes/"
SEARCH_PATH = "/szukaj/"
BOARD_PATH = "/zamowienia/"
STATISTICS_PATH = "/statystyki/"
NOTICE_RE = re.compile(r"^/zamowienia/\d+/$")
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
    # The procurement notice board, as anonymous visitors see it and filtered, and one notice.
    targets.append(Target("board", BOARD_PATH))
    targets.append(Target("board-filtered", BOARD_PATH + "?phase=open"))
    targets.append(Target("board-uncached", BOARD_PATH + "?nocache=1"))
    # The public statistics (every table, chart and data table of the year), and one OWES's area.
    targets.append(Target("statistics", STATISTICS_PATH))
    targets.append(Target("statistics-filtered", STATISTICS_PATH + "?subregion=swietokrzyski-owes"))
    # As rendered: twelve tables with their SVG charts (an unknown parameter bypasses the cache).
    targets.append(Target("statistics-uncached", STATISTICS_PATH + "?nocache=1"))
    board = fetch(host, port, BOARD_PATH)
    notice_path = next((p for p in local_paths(board.body, base_url) if NOTICE_RE.search(p)), None)
    if notice_path is None:
        reason = f"no notice link on {BOARD_PATH} (answered {board.status})"
        notes.append(f"{reason}; notice skipped")
        targets.append(Target("notice", "-", skip_reason=reason))
    else:
        targets.append(Target("notice", notice_path))
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


@dataclass
class Prepared:
    """What the measurements need from the database: a logged-in customer's cookie, pairs of
    products of two PES for the checkout journeys, every product page and words to search."""

    session_cookie: str
    pairs: list[tuple[str, str]]
    products: list[str]
    words: list[str]


def prepare(env: dict[str, str], services: stack.Services) -> tuple[Prepared, str]:
    """Bring the database, demo content and static files to the state the bench expects,
    then VACUUM ANALYZE (PostgreSQL); returns what was prepared and the vacuum's note."""
    for args in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput", "-v0"]):
        stack.manage(env, *args)
    log("manage.py shell: plenty of stock, the product pairs for the checkout journeys")
    setup = stack.shell(env, stack.CHECKOUT_SETUP, "checkout setup")
    SETUP_FILE.parent.mkdir(parents=True, exist_ok=True)
    SETUP_FILE.write_text(json.dumps(setup, indent=1), encoding="utf-8")
    log("manage.py shell: a session of the demo customer for the logged-in catalogue")
    cookie = stack.shell(env, stack.SESSION_SETUP, "session setup")
    vacuum = vacuum_analyze(env, services)
    prepared = Prepared(
        session_cookie=cookie,
        pairs=[(a, b) for a, b in setup["pairs"]],
        products=setup["products"],
        words=setup["words"],
    )
    return prepared, vacuum


def vacuum_analyze(env: dict[str, str], services: stack.Services) -> str:
    """Autovacuum is off on the project machines: clean and analyse before measuring."""
    if not services.is_postgresql:
        return ""
    log("VACUUM ANALYZE (autovacuum is off on the project machines)")
    note = stack.shell(env, stack.VACUUM_ANALYZE, "VACUUM ANALYZE")
    log(note)
    return note


def free_port() -> int:
    """Ask the kernel for an unused loopback port (tiny race, fine for a bench)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOAD_HOST, 0))
        return int(sock.getsockname()[1])


def wait_until_up(proc: subprocess.Popen[bytes] | None, port: int) -> None:
    """Poll until the server answers any HTTP response, for at most 60 s."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(
                f"bench: gunicorn exited early with code {proc.returncode};"
                f" see {stack.WEB_LOG.relative_to(ROOT)}"
            )
        try:
            fetch(LOAD_HOST, port, "/", timeout=5)
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
    raise SystemExit(f"bench: server did not answer within {SERVER_START_TIMEOUT_S:.0f} s")


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


# --------------------------------------------------------------------------- last units


@dataclass
class Contest:
    """The race for the last units: what the buyers saw and what the database holds after."""

    result: ContestResult
    units: int
    title: str
    before: dict[str, Any]
    after: dict[str, Any]

    def failures(self) -> list[str]:
        """Every way the race can go wrong: an answer that is neither a confirmation nor
        "sold out", stock below zero anywhere, units sold that differ from the units that were
        free, allocations that do not match the orders."""
        found = []
        result, after = self.result, self.after
        record = str(self.before["contested"]["record"])
        completed = len(result.completed)
        if result.errors:
            found.append(
                f"last units: {len(result.errors)} answers neither a confirmation nor sold out,"
                f" first: {result.errors[:3]}"
            )
        if after["in_stock"] - after["allocated"] < 0:
            found.append(
                f"last units: stock below zero ({after['in_stock']} in stock,"
                f" {after['allocated']} allocated)"
            )
        if after["overallocated_records"]:
            found.append(
                f"last units: {after['overallocated_records']} stock records have more"
                " allocated than in stock"
            )
        placed = completed + len(result.sold_out)
        expected = min(self.units, placed)  # more buyers than units: every unit goes
        if after["sold"] != expected:
            found.append(f"last units: {after['sold']} units sold, {expected} were available")
        allocated = after["allocated"] - self.before["allocated_before"][record]
        if allocated != after["sold"]:
            found.append(f"last units: {allocated} units allocated for {after['sold']} sold")
        if not completed == after["sold"] == after["buyers_with_orders"]:
            found.append(
                f"last units: {completed} buyers saw a confirmation, {after['buyers_with_orders']}"
                f" have orders, {after['sold']} units sold"
            )
        if after["orders"] != 2 * after["buyers_with_orders"]:
            found.append(
                f"last units: {after['orders']} orders for {after['buyers_with_orders']} buyers"
                " of two PES each"
            )
        for pk, before in self.before["allocated_before"].items():
            grown = after["allocated_after"].get(pk, 0) - before
            if pk != record and grown != after["bought"].get(pk, 0):
                found.append(
                    f"last units: stock record {pk} allocated {grown} more but"
                    f" {after['bought'].get(pk, 0)} bought (a refused buyer's other product"
                    " kept?)"
                )
        return found

    def render(self) -> str:
        result, after = self.result, self.after
        times = sorted(result.place_seconds)
        head = (
            f"{'last units (placed at once)':<34}  {'buyers':>6}  {'completed':>9}"
            f"  {'sold out':>8}  {'errors':>6}  {'p50 ms':>7}  {'p95 ms':>7}"
        )
        label = f"{self.units} units of one product"
        row = (
            f"{label:<34}  {result.buyers:>6}  {len(result.completed):>9}"
            f"  {len(result.sold_out):>8}  {len(result.errors):>6}"
            f"  {_percentile_ms(times, 50):>7.0f}  {_percentile_ms(times, 95):>7.0f}"
        )
        free = after["in_stock"] - after["allocated"]
        kinds = ", ".join(f"{n} {kind}" for kind, n in result.sold_out_kinds.most_common())
        stock = (
            f"  {self.title!r}: {after['sold']} units sold of the {self.units} available;"
            f" after: {after['in_stock']} in stock, {after['allocated']} allocated, {free} free;"
            f" stock records over-allocated anywhere: {after['overallocated_records']}"
        )
        notes = f"  sold out: {kinds or 'none'}; latency: the place-order request"
        return "\n".join([head, row, stock, notes, *(f"  error: {e}" for e in result.errors[:5])])


def run_contest(env: dict[str, str], base_url: str, buyers: int, units: int) -> Contest:
    """Give a product `units` free units, let `buyers` guests race for them, check the stock."""
    before = stack.shell(env, stack.CONTEST_SETUP, "last-units setup", units=units)
    title = before["contested"]["title"]
    prefix = f"contest-{datetime.now(UTC):%Y%m%d%H%M%S}-"
    log(f"last units: {buyers} guests at once for {units} units of {title!r}")
    result = run_contested(
        base_url,
        before["contested"]["path"],
        [other["path"] for other in before["others"]],
        before["sold_out_texts"],
        prefix,
        buyers,
    )
    after = stack.shell(
        env,
        stack.CONTEST_CHECK,
        "last-units check",
        email_prefix=prefix,
        record=before["contested"]["record"],
        allocated_before=before["allocated_before"],
    )
    return Contest(result, units, title, before, after)


# --------------------------------------------------------------------------- task queue


def queue_report(env: dict[str, str], since: datetime) -> tuple[str, list[str], dict[str, Any]]:
    """Let the worker finish what the load queued (at most QUEUE_DRAIN_S), then count this
    run's tasks and e-mails: a failed task, work left over or an unsent message fails."""
    stats = stack.shell(
        env, stack.QUEUE_STATS, "queue check", since=since.isoformat(), wait=QUEUE_DRAIN_S
    )
    tasks, mail = stats["tasks"], stats["mail"]
    left = tasks.get("READY", 0) + tasks.get("RUNNING", 0)
    unsent = sum(n for status, n in mail.items() if status != "sent")
    line = (
        f"task queue (the worker beside gunicorn): {sum(tasks.values())} tasks,"
        f" {tasks.get('SUCCESSFUL', 0)} done, {tasks.get('FAILED', 0)} failed, {left} left"
        f" {stats['waited']:.0f} s after the load; e-mails {mail.get('sent', 0)} sent,"
        f" {unsent} not sent"
    )
    failures = []
    if tasks.get("FAILED"):
        failures.append(f"task queue: {tasks['FAILED']} failed tasks, first: {stats['failed']}")
    if left:
        failures.append(f"task queue: {left} tasks still waiting {QUEUE_DRAIN_S} s after the load")
    if unsent:
        failures.append(f"task queue: {unsent} e-mails not sent ({mail})")
    return line, failures, stats


# --------------------------------------------------------------------------- soak


def run_soak_phase(
    port: int,
    base_url: str,
    prepared: Prepared,
    web: subprocess.Popen[bytes],
    worker: subprocess.Popen[bytes],
    seconds: int,
) -> SoakResult:
    """Mixed traffic for `seconds`, the processes' memory read every minute."""
    home = fetch(LOAD_HOST, port, "/")
    traffic = Traffic(
        content=content_paths(local_paths(home.body, base_url)),
        products=prepared.products,
        words=[*SEARCH_WORDS, *prepared.words],
        pairs=prepared.pairs,
        cookie=prepared.session_cookie,
    )
    warmup = min(_env_int("SOAK_WARMUP_SECONDS", 60), seconds // 2)
    max_growth = float(_env_int("SOAK_MAX_GROWTH_MB", SOAK_MAX_GROWTH_MB))
    log(
        f"soak: {seconds} s of mixed traffic; memory every {SOAK_SAMPLE_S} s; threshold"
        f" +{max_growth:.0f} MB per process after a {warmup} s warm-up"
    )
    return run_soak(
        base_url,
        traffic,
        Watcher(web.pid, worker.pid),
        seconds,
        warmup=warmup,
        max_growth_mb=max_growth,
        sample_every=SOAK_SAMPLE_S,
        log=log,
    )


# --------------------------------------------------------------------------- main


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        raise SystemExit(f"bench: {name} must be a whole number") from None


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url",
        help="benchmark an already-running server at this base URL (http://127.0.0.1:PORT); "
        "skips migrate/load_demo/collectstatic, gunicorn and the worker, the last-units race "
        "and the soak",
    )
    parser.add_argument(
        "--tool",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator: wrk (installed if missing), built-in python, or auto (default)",
    )
    parser.add_argument(
        "--soak",
        type=int,
        default=_env_int("SOAK_SECONDS", 0),
        metavar="SECONDS",
        help="after the bench, this many seconds of mixed traffic watching the workers' memory "
        "(default: SOAK_SECONDS, else none)",
    )
    parser.add_argument(
        "--soak-only", action="store_true", help="only the soak (no page table, no checkouts)"
    )
    parser.add_argument("--buyers", type=int, default=20, help="buyers racing for the last units")
    parser.add_argument("--units", type=int, default=5, help="units they race for")
    args = parser.parse_args(argv)
    if args.soak_only and not args.soak:
        args.soak = 600
    if args.soak < 0 or args.buyers < 2 or not 1 <= args.units < args.buyers:
        parser.error("--soak must be >= 0, --buyers >= 2 and 1 <= --units < --buyers")
    if args.url and args.soak_only:
        parser.error("the soak needs the bench's own server (no --url)")
    return args


def _base_from_url(url: str) -> tuple[str, int]:
    """Accept only plain HTTP on 127.0.0.1: the bench must never load anything else."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname != LOAD_HOST:
        raise SystemExit(f"bench: --url must be http://{LOAD_HOST}:PORT, got {url!r}")
    return f"http://{LOAD_HOST}:{parts.port or 80}", parts.port or 80


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally that stops web and worker


@dataclass
class Run:
    """Everything one run measured, for the printout and the JSON file."""

    header: str = ""
    rows: list[Row] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checkout: CheckoutStats | None = None
    contest: Contest | None = None
    queue_line: str = ""
    queue: dict[str, Any] | None = None
    soak: SoakResult | None = None


def measure(args: argparse.Namespace, run: Run, seconds: int, wrk: str | None) -> str:
    """Start what production runs, measure, stop it all (also on Ctrl-C and SIGTERM);
    returns the base URL measured."""
    procs: list[tuple[subprocess.Popen[bytes], str]] = []
    try:
        web = worker = services = None
        env: dict[str, str] = {}
        prepared = None
        if args.url:
            base_url, port = _base_from_url(args.url)
            run.header = f"set-up: a running server at {base_url} (not started by the bench)"
        else:
            services = stack.choose_services()
            run.header = services.header()
            log(run.header)
            env = stack.server_env(services)
            prepared, vacuum = prepare(env, services)
            if vacuum:
                run.notes.append(vacuum)
            port = free_port()
            base_url = f"http://{LOAD_HOST}:{port}"
            since = datetime.now(UTC)
            web = stack.start_web(env, LOAD_HOST, port)
            procs.append((web, "gunicorn"))
            worker = stack.start_task_worker(env)
            procs.append((worker, "the task worker"))
        wait_until_up(web, port)
        if not args.soak_only:
            rows, failures, notes = bench(
                port, base_url, seconds, wrk, prepared.session_cookie if prepared else ""
            )
            run.rows, run.failures, run.notes = rows, run.failures + failures, run.notes + notes
        if prepared is not None and not args.soak_only:
            log(f"checkout: guests buying from two PES for {seconds} s")
            run.checkout = run_checkouts(base_url, prepared.pairs, seconds)
            if run.checkout.failures or not run.checkout.journeys:
                run.failures.append(
                    f"checkout: {len(run.checkout.failures)} failed journeys, "
                    f"first: {run.checkout.failures[:1]}"
                )
            run.contest = run_contest(env, base_url, args.buyers, args.units)
            run.failures += run.contest.failures()
        if prepared is not None and web is not None and worker is not None and args.soak:
            if not args.soak_only and services is not None:
                vacuum_analyze(env, services)  # the bench's checkouts rewrote stock and baskets
            run.soak = run_soak_phase(port, base_url, prepared, web, worker, args.soak)
            run.failures += run.soak.failures()
        if worker is not None:
            if worker.poll() is not None:
                run.failures.append(
                    f"the task worker exited early (code {worker.returncode});"
                    f" see {stack.WORKER_LOG.relative_to(ROOT)}"
                )
            else:
                log(f"task queue: waiting for the worker (at most {QUEUE_DRAIN_S} s)")
                run.queue_line, failures, run.queue = queue_report(env, since)
                run.failures += failures
    finally:
        # A second Ctrl-C must not leave gunicorn or the worker behind.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        for proc, name in reversed(procs):
            stack.stop(proc, name)
    return base_url


def report(
    run: Run, args: argparse.Namespace, tool: str, wrk: str | None, seconds: int, base_url: str
) -> None:
    """The results on stdout, in the order they were measured."""
    print(f"\n{run.header}")
    if run.rows:
        print(
            f"{tool}: {THREADS if wrk else CONNECTIONS} threads, {CONNECTIONS} connections,"
            f" {seconds} s per URL against {base_url}\n"
        )
        print(render_table(run.rows, _static_rps(run.rows)))
    checkout = run.checkout
    if checkout is not None and checkout.journeys:
        times = sorted(checkout.journeys)
        elapsed = checkout.elapsed or seconds
        print(
            f"checkout (4 guests at a time, each buying from two PES, 11 requests):"
            f" {len(times) / elapsed:.2f} checkouts/s,"
            f" {checkout.requests / elapsed:.1f} requests/s, per checkout p50"
            f" {_percentile_ms(times, 50):.0f} ms, p99 {_percentile_ms(times, 99):.0f} ms,"
            f" {len(checkout.failures)} failed"
        )
    if run.contest is not None:
        print()
        print(run.contest.render())
    if run.soak is not None:
        print()
        print(render_soak(run.soak))
    if run.queue_line:
        print()
        print(run.queue_line)
    for note in run.notes:
        print(f"note: {note}")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's choice stands
            signal.signal(signum, _on_signal)
    seconds = _env_int("BENCH_SECONDS", 10)
    if not 1 <= seconds <= 600:
        raise SystemExit("bench: BENCH_SECONDS must be between 1 and 600")

    wrk = None
    if not args.soak_only:
        wrk = None if args.tool == "python" else ensure_wrk()
        if wrk is None and args.tool == "wrk":
            raise SystemExit("bench: wrk requested but not available")
        if not wrk:
            log("using the built-in python load generator (lower ceiling than wrk)")
    tool = "wrk" if wrk else "python"

    run = Run()
    base_url = measure(args, run, seconds, wrk)
    report(run, args, tool, wrk, seconds, base_url)
    contest = run.contest
    soak = run.soak
    meta: dict[str, object] = {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "setup": run.header,
        "tool": tool,
        "threads": THREADS if wrk else CONNECTIONS,
        "connections": CONNECTIONS,
        "seconds": seconds,
        "base_url": base_url,
        "started_server": not args.url,
        "checkout": None
        if run.checkout is None
        else {
            "checkouts": len(run.checkout.journeys),
            "requests": run.checkout.requests,
            "elapsed": round(run.checkout.elapsed, 2),
            "failures": run.checkout.failures[:20],
        },
        "last_units": None
        if contest is None
        else {
            "buyers": contest.result.buyers,
            "units": contest.units,
            "completed": len(contest.result.completed),
            "sold_out": len(contest.result.sold_out),
            "errors": contest.result.errors[:20],
            "place_p50_ms": round(_percentile_ms(sorted(contest.result.place_seconds), 50)),
            "place_p95_ms": round(_percentile_ms(sorted(contest.result.place_seconds), 95)),
            "stock_after": contest.after,
        },
        "queue": run.queue,
        "soak": None
        if soak is None
        else {
            "seconds": soak.seconds,
            "warmup": soak.warmup,
            "max_growth_mb": soak.max_growth_mb,
            "requests": dict(soak.requests),
            "errors": soak.error_count,
            "checkouts": soak.checkouts,
            "samples": [asdict(sample) for sample in soak.samples],
            "growth_mb": soak.growth_mb(),
        },
    }
    write_json(run.rows, meta, run.failures, run.notes)
    print(f"\nresults written to {RESULTS_FILE.relative_to(ROOT)}")
    if run.failures:
        print("\nFAILED:", file=sys.stderr)
        for failure in run.failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("interrupted: gunicorn and the task worker were stopped")
        sys.exit(130)
