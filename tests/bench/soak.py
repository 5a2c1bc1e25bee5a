"""The soak: minutes of mixed traffic against the bench's web and worker processes, watching
their resident memory.

Visitors (a few threads) read what a real audience reads, chosen at random with weights: the
home page and content pages, catalogue listings with filters, sorts and pages, product pages,
the site search and the catalogue search with many different words (most of them miss the
results cache), the PES database with filters, and a logged-in customer's catalogue; beside
them a guest checks out now and then. The resident memory (VmRSS in /proc/<pid>/status) of
each gunicorn worker and of the task worker is read at the start, every minute and at the end.

A worker that grows steadily leaks: the check compares each process at the end with itself
after the warm-up (imports, template and translation caches, the connection pool all fill up
in the first minute), and fails beyond a stated number of megabytes. A process that was
replaced during the run (a crash, or gunicorn's timeout killing a stuck worker) fails too.
Linux only for the memory (elsewhere the traffic runs and memory is reported as unknown).
"""

from __future__ import annotations

import http.client
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from checkout_load import Guest, journey

PROC = Path("/proc")
VISITORS = 4
REQUEST_TIMEOUT_S = 30.0
CHECKOUT_EVERY_S = 10.0
SEARCH_WORDS = (
    "miod",
    "miód",
    "miodu",
    "chleb",
    "chlep",
    "ser",
    "sery",
    "spółdzielnia",
    "spoldzielnia",
    "socjalna",
    "kielce",
    "catering",
    "ceramika",
    "drewno",
    "szycie",
    "sprzątanie",
    "ogród",
    "ogrod",
    "świece",
    "kosmetyki",
    "pieczywo",
    "warsztaty",
    "fundacja",
    "stowarzyszenie",
    "zakup prospołeczny",
    "dobre praktyki",
    "lider",
    "ekonomia społeczna",
)
CATALOGUE_FILTERS = (
    "",
    "?sort_by=price",
    "?sort_by=-price",
    "?sort_by=newest",
    "?kind=goods",
    "?kind=services",
    "?certified=1",
    "?price=0-20",
    "?price=20-50&sort_by=price",
    "?page=2",
    "?page=3",
)
DIRECTORY_FILTERS = (
    "",
    "?certified=1",
    "?art94=1",
    "?online=1",
    "?ps=1",
    "?certified=1&art94=1",
    "?sort_by=name",
    "?page=2",
)
# Pages a visitor never loads: they write, log out, or belong to staff.
SKIPPED_PREFIXES = (
    "/admin",
    "/django-admin",
    "/sklep/dashboard",
    "/sklep/basket",
    "/sklep/checkout",
    "/sklep/accounts",
    "/static/",
    "/media/",
)


@dataclass
class Traffic:
    """What the visitors request, built from the running site's own links."""

    content: list[str]
    products: list[str]
    words: list[str]
    pairs: list[tuple[str, str]]
    cookie: str = ""

    def choose(self, rng: random.Random) -> tuple[str, str, str]:
        """(kind, path, cookie) of the next request, by the weights of a real audience."""
        word = quote(rng.choice(self.words))
        choices: list[tuple[int, Callable[[], tuple[str, str, str]]]] = [
            (10, lambda: ("home", rng.choice(["/", "/en/"]), "")),
            (10, lambda: ("content", rng.choice(self.content), "")),
            (
                15,
                lambda: ("catalogue", "/sklep/catalogue/" + rng.choice(CATALOGUE_FILTERS), ""),
            ),
            (30, lambda: ("product", rng.choice(self.products), "")),
            (10, lambda: ("site-search", f"/szukaj/?q={word}", "")),
            (5, lambda: ("catalogue-search", f"/sklep/catalogue/?q={word}", "")),
            (10, lambda: ("directory", "/baza-pes/" + rng.choice(DIRECTORY_FILTERS), "")),
            (5, lambda: ("directory-search", f"/baza-pes/?q={word}", "")),
        ]
        if self.cookie:
            choices.append(
                (
                    5,
                    lambda: (
                        "customer",
                        "/sklep/catalogue/" + rng.choice(CATALOGUE_FILTERS),
                        self.cookie,
                    ),
                )
            )
        weights = [weight for weight, _make in choices]
        return rng.choices([make for _weight, make in choices], weights=weights)[0]()


def content_paths(links: list[str]) -> list[str]:
    """The home page's own links a visitor would follow (no staff, basket or file links)."""
    paths = sorted(
        {
            link
            for link in links
            if link.startswith("/")
            and not link.startswith(SKIPPED_PREFIXES)
            and "logout" not in link
            and "wyloguj" not in link
        }
    )
    return paths or ["/"]


@dataclass
class Sample:
    """One reading of every watched process: elapsed seconds and RSS in kB by label."""

    elapsed: float
    rss_kb: dict[str, int | None]


@dataclass
class SoakResult:
    seconds: int
    warmup: int
    max_growth_mb: float
    samples: list[Sample] = field(default_factory=list)
    requests: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    checkouts: int = 0
    checkout_failures: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def baseline(self) -> Sample | None:
        """The first reading after the warm-up (the start when the run is shorter)."""
        after = [sample for sample in self.samples if sample.elapsed >= self.warmup]
        return (after[0] if len(after) > 1 else None) or (self.samples[0] if self.samples else None)

    def growth_mb(self) -> dict[str, float | None]:
        base, end = self.baseline(), self.samples[-1] if self.samples else None
        growth: dict[str, float | None] = {}
        for label in end.rss_kb if end else {}:
            before = base.rss_kb.get(label) if base else None
            after = end.rss_kb[label]
            growth[label] = (after - before) / 1024 if before and after else None
        return growth

    def failures(self) -> list[str]:
        found = [f"soak: {line}" for line in self.replaced]
        for label, grown in self.growth_mb().items():
            if grown is not None and grown > self.max_growth_mb:
                found.append(
                    f"soak: {label} grew {grown:.1f} MB after the warm-up"
                    f" (threshold {self.max_growth_mb:.0f} MB)"
                )
        if self.error_count:
            found.append(f"soak: {self.error_count} failed requests, first: {self.errors[:3]}")
        if self.checkout_failures:
            found.append(
                f"soak: {len(self.checkout_failures)} failed checkouts,"
                f" first: {self.checkout_failures[:1]}"
            )
        return found


# --------------------------------------------------------------------------- memory


def children(pid: int) -> list[int]:
    """The direct children of `pid` (gunicorn's workers), from /proc/<n>/stat."""
    found = []
    for entry in PROC.glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.name))
    return sorted(found)


def rss_kb(pid: int) -> int | None:
    """Resident memory of a process in kB, None when unknown (gone, or not Linux)."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class Watcher:
    """Reads the web workers (children of the gunicorn master) and the task worker."""

    def __init__(self, master_pid: int, task_worker_pid: int | None) -> None:
        self.master_pid = master_pid
        self.task_worker_pid = task_worker_pid
        self.web_pids = children(master_pid)

    def labels(self) -> dict[str, int]:
        watched = {f"web worker {pid}": pid for pid in self.web_pids}
        if self.task_worker_pid:
            watched[f"task worker {self.task_worker_pid}"] = self.task_worker_pid
        return watched

    def read(self, elapsed: float) -> Sample:
        return Sample(elapsed, {label: rss_kb(pid) for label, pid in self.labels().items()})

    def replaced(self) -> str:
        """Say so when gunicorn's workers are no longer the ones the run started with."""
        now = children(self.master_pid)
        if now != self.web_pids and PROC.exists():
            return f"web workers replaced during the run: {self.web_pids} became {now}"
        return ""


# --------------------------------------------------------------------------- traffic


def _get(host: str, port: int, path: str, cookie: str) -> int:
    conn = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT_S)
    headers = {"User-Agent": "portal-bench-soak/1", **({"Cookie": cookie} if cookie else {})}
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _visitor(
    base_url: str, traffic: Traffic, deadline: float, seed: int, result: SoakResult
) -> None:
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        kind, path, cookie = traffic.choose(rng)
        try:
            status = _get(host, port, path, cookie)
            problem = f"{status} {path}" if status > 399 else ""
        except (OSError, http.client.HTTPException) as exc:
            problem = f"{type(exc).__name__} {path}"
        with result.lock:
            result.requests[kind] += 1
            if problem:
                result.error_count += 1
                if len(result.errors) < 20:
                    result.errors.append(problem)


def _buyer(base_url: str, traffic: Traffic, deadline: float, result: SoakResult) -> None:
    rng = random.Random(0)
    number = 0
    while time.monotonic() + CHECKOUT_EVERY_S < deadline:
        started = time.monotonic()
        number += 1
        guest = Guest(base_url)
        try:
            journey(guest, list(rng.choice(traffic.pairs)), 900_000 + number)
            with result.lock:
                result.checkouts += 1
        except Exception as exc:  # noqa: BLE001  (every failure is counted and reported)
            with result.lock:
                result.checkout_failures.append(str(exc).splitlines()[0][:200] or repr(exc))
        time.sleep(max(0.0, CHECKOUT_EVERY_S - (time.monotonic() - started)))


def _mb(kb: int | None) -> str:
    return f"{kb / 1024:.1f}" if kb else "?"


def run_soak(
    base_url: str,
    traffic: Traffic,
    watcher: Watcher,
    seconds: int,
    *,
    warmup: int,
    max_growth_mb: float,
    sample_every: int = 60,
    log: Callable[[str], None] = print,
) -> SoakResult:
    """Mixed traffic for `seconds`, memory read at the start, every `sample_every` s and at the
    end (each reading also logged as it is taken)."""
    result = SoakResult(seconds=seconds, warmup=warmup, max_growth_mb=max_growth_mb)
    started = time.monotonic()
    deadline = started + seconds

    def reading() -> None:
        sample = watcher.read(time.monotonic() - started)
        result.samples.append(sample)
        memory = ", ".join(f"{label} {_mb(kb)} MB" for label, kb in sample.rss_kb.items())
        with result.lock:
            done, errors = sum(result.requests.values()), result.error_count
        log(
            f"soak {_clock(sample.elapsed)}/{_clock(seconds)}: {memory};"
            f" {done} requests, {errors} errors, {result.checkouts} checkouts"
        )
        replaced = watcher.replaced()
        if replaced and replaced not in result.replaced:
            result.replaced.append(replaced)

    reading()
    threads = [
        threading.Thread(
            target=_visitor, args=(base_url, traffic, deadline, seed, result), daemon=True
        )
        for seed in range(VISITORS)
    ]
    if traffic.pairs:
        threads.append(
            threading.Thread(target=_buyer, args=(base_url, traffic, deadline, result), daemon=True)
        )
    for thread in threads:
        thread.start()
    next_reading = started + sample_every
    while time.monotonic() < deadline:
        time.sleep(max(0.0, min(next_reading, deadline) - time.monotonic()))
        if time.monotonic() >= next_reading and next_reading < deadline:
            reading()
            next_reading += sample_every
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT_S * 3)
    reading()
    return result


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def render(result: SoakResult) -> str:
    """The memory table (one column per reading) and the traffic it was taken under."""
    total = sum(result.requests.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in result.requests.most_common())
    lines = [
        f"soak: {result.seconds} s of mixed traffic, {VISITORS} visitors and a guest checking"
        f" out every {CHECKOUT_EVERY_S:.0f} s",
        f"  {total} requests ({total / result.seconds:.1f}/s; {kinds}), {result.error_count}"
        f" failed; {result.checkouts} checkouts, {len(result.checkout_failures)} failed",
    ]
    if not result.samples:
        return "\n".join(lines)
    heads = [_clock(sample.elapsed) for sample in result.samples]
    label_w = max(len("RSS MB"), *(len(label) for label in result.samples[-1].rss_kb))
    lines.append(
        f"  {'RSS MB':<{label_w}}  "
        + "  ".join(f"{head:>7}" for head in heads)
        + f"  {'growth':>7}"
    )
    growth = result.growth_mb()
    for label in result.samples[-1].rss_kb:
        cells = "  ".join(f"{_mb(sample.rss_kb.get(label)):>7}" for sample in result.samples)
        grown = growth.get(label)
        lines.append(
            f"  {label:<{label_w}}  {cells}  "
            + (f"{grown:>+7.1f}" if grown is not None else f"{'?':>7}")
        )
    base = result.baseline()
    verdict = (
        "exceeded"
        if any(grown is not None and grown > result.max_growth_mb for grown in growth.values())
        else "ok"
    )
    lines.append(
        f"  growth = end minus the reading at {_clock(base.elapsed if base else 0)} (after the"
        f" {result.warmup} s warm-up); threshold +{result.max_growth_mb:.0f} MB per process:"
        f" {verdict}"
    )
    lines.extend(f"  {line}" for line in result.replaced)
    return "\n".join(lines)
