"""The production set-up the bench runs: which database and cache, the environment, the web and
task-worker processes, and the `manage.py shell` steps that prepare and check the database.

PostgreSQL and Redis are used when they answer on 127.0.0.1 (every project machine and CI has
them; a newcomer may have neither): a bench database of its own (`portal_bench`, created when
missing) and a Redis database of its own (`/3`, emptied at the start). Otherwise SQLite
(`var/bench.sqlite3`) and the production settings' file cache. `DATABASE_URL` and `REDIS_URL`
given by the caller win over both.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
BENCH_DIR = ROOT / "var" / "bench"
WEB_LOG = BENCH_DIR / "web.log"
WORKER_LOG = BENCH_DIR / "worker.log"
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
PG_DATABASE = "portal_bench"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = 3
SQLITE_PATH = ROOT / "var" / "bench.sqlite3"
# The Procfile's worker, as production runs it.
WORKER_ARGS = ["db_worker", "--interval", "1", "--no-startup-delay"]
WEB_WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))


def log(message: str) -> None:
    """Progress goes to stderr so stdout holds only the results."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- services


@dataclass
class Services:
    """The database and cache the run uses, and how they were chosen (for the header)."""

    database_url: str
    database: str
    redis_url: str
    cache: str

    @property
    def is_postgresql(self) -> bool:
        return urlsplit(self.database_url).scheme.startswith(("postgres", "pgsql"))

    def header(self) -> str:
        return (
            f"set-up: database {self.database}; cache {self.cache};"
            f" web gunicorn ({WEB_WORKERS} workers, production settings);"
            f" task worker manage.py {' '.join(WORKER_ARGS)}"
        )


def _shown(url: str) -> str:
    """A URL without its password, for printing."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _postgresql() -> tuple[str, str]:
    """(server version, "" or "created") when PostgreSQL answers, creating the bench database;
    raises OSError (or psycopg's error) when it does not."""
    import psycopg

    with psycopg.connect(
        host=PG_HOST,
        port=PG_PORT,
        user=PG_USER,
        dbname="postgres",
        autocommit=True,
        connect_timeout=3,
    ) as connection:
        version = connection.execute("SHOW server_version").fetchone()[0].split()[0]
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
        ).fetchone()
        if exists:
            return version, ""
        connection.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        return version, "created"


def _redis_answers() -> bool:
    """A PING answered with PONG (a server that wants a password does not count)."""
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def choose_services() -> Services:
    """PostgreSQL and Redis when they answer, SQLite and the file cache otherwise; what the
    caller sets in DATABASE_URL and REDIS_URL is used as it is."""
    if os.environ.get("DATABASE_URL"):
        database_url = os.environ["DATABASE_URL"]
        database = f"{_shown(database_url)} (DATABASE_URL given)"
    else:
        try:
            version, created = _postgresql()
        except Exception as exc:  # noqa: BLE001  (any reason PostgreSQL is not there)
            log(f"PostgreSQL at {PG_HOST}:{PG_PORT} not usable: {exc!r}"[:500])
            database_url = f"sqlite:///{SQLITE_PATH}"
            database = (
                f"SQLite {SQLITE_PATH.relative_to(ROOT)} (no PostgreSQL answering at"
                f" {PG_HOST}:{PG_PORT})"
            )
        else:
            database_url = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DATABASE}"
            database = f"PostgreSQL {version} {PG_DATABASE} at {PG_HOST}:{PG_PORT}" + (
                " (created)" if created else ""
            )
    if os.environ.get("REDIS_URL"):
        redis_url = os.environ["REDIS_URL"]
        cache = f"Redis {_shown(redis_url)} (REDIS_URL given)"
    elif _redis_answers():
        redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
        _empty_redis(redis_url)
        cache = f"Redis {redis_url} (emptied at the start)"
    else:
        redis_url = ""
        cache = f"files in var/cache (no Redis at {REDIS_HOST}:{REDIS_PORT})"
    return Services(database_url, database, redis_url, cache)


def _empty_redis(url: str) -> None:
    """The bench's own Redis database starts empty: no page cached by an earlier run."""
    import redis

    redis.Redis.from_url(url).flushdb()


def server_env(services: Services) -> dict[str, str]:
    """Production settings made reachable over plain HTTP on loopback.

    The caller's environment is passed through; only the settings that would stop plain-HTTP
    loopback requests are overridden. E-mail goes through the queue as in production and the
    worker hands it to the dummy backend (EMAIL_DELIVERY_BACKEND), so nothing leaves the machine.
    """
    alphabet = string.ascii_letters + string.digits + "-_"  # no "$": some env readers expand it
    env = {
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
        "EMAIL_DELIVERY_BACKEND": os.environ.get(
            "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.dummy.EmailBackend"
        ),
        # Its own database: the checkout journeys place orders, which must not land in `make run`'s.
        "DATABASE_URL": services.database_url,
        "PYTHONUNBUFFERED": "1",
    }
    if services.redis_url:
        env["REDIS_URL"] = services.redis_url
    return env


# --------------------------------------------------------------------------- processes


def start_web(env: dict[str, str], host: str, port: int) -> subprocess.Popen[bytes]:
    """gunicorn in its own process group (stopping it also reaps its workers; Ctrl-C in the
    terminal reaches only the bench, which then stops it). Its log (a line per request in
    production) goes to var/bench/web.log."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "portal.wsgi:application",
        "--workers",
        str(WEB_WORKERS),
        "--bind",
        f"{host}:{port}",
        "--log-level",
        "warning",
    ]
    log(f"starting gunicorn on {host}:{port} (log: {WEB_LOG.relative_to(ROOT)})")
    with WEB_LOG.open("wb") as output:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def start_task_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The Procfile's worker beside the web processes; its log goes to var/bench/worker.log."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    log(f"starting the task worker (log: {WORKER_LOG.relative_to(ROOT)})")
    with WORKER_LOG.open("wb") as output:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [str(VENV_BIN / "python"), "manage.py", *WORKER_ARGS],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(proc: subprocess.Popen[bytes], name: str) -> None:
    """Graceful SIGTERM first (gunicorn finishes its requests, the worker its task), then
    SIGKILL for the whole process group, which is ours alone."""
    if proc.poll() is not None:
        return
    log(f"stopping {name}")
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        log(f"{name} did not stop in 15 s; killing it")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


# --------------------------------------------------------------------------- manage.py


def manage(env: dict[str, str], *args: str, output: IO[str] | None = None) -> None:
    """A management command with the bench's environment; its output goes to stderr."""
    log(f"manage.py {' '.join(args)}")
    started = time.monotonic()
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=output or sys.stderr,  # keep stdout for the results
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: manage.py {' '.join(args)} failed ({result.returncode})")
    log(f"manage.py {args[0]} done in {time.monotonic() - started:.0f} s")


def shell(env: dict[str, str], code: str, what: str, **params: Any) -> Any:
    """Run `code` in `manage.py shell` with the bench's environment and `params` (as JSON in
    BENCH_PARAMS); its last printed line is its JSON result (Django's startup may print before
    it). A failure stops the bench."""
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**env, "BENCH_PARAMS": json.dumps(params)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: {what} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# Stock that cannot run out during the run, pairs of in-stock products of two different PES
# (each PES's first product), every public product's page, and words of their titles.
CHECKOUT_SETUP = """
import json, re
from oscar.core.loading import get_model
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
records = StockRecord.objects.filter(product__product_class__track_stock=True)
records.update(num_in_stock=1_000_000)
by_partner = {}
for record in records.select_related("product").order_by("partner_id", "pk"):
    by_partner.setdefault(record.partner_id, record.product.get_absolute_url())
urls = list(by_partner.values())
products = Product.objects.filter(is_public=True).exclude(structure="parent").order_by("pk")
words = sorted({
    word.lower() for product in products for word in re.findall(r"\\w{4,}", product.title)
})
print(json.dumps({
    "pairs": [[a, b] for a, b in zip(urls, urls[1:] + urls[:1])],
    "products": [product.get_absolute_url() for product in products],
    "words": words[:80],
}))
"""


# With the server's own settings (the session hash depends on its SECRET_KEY): a session of the
# demo customer, as the login form would create it.
SESSION_SETUP = """
import json
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
print(json.dumps(f"{settings.SESSION_COOKIE_NAME}={session.session_key}"))
"""


# Autovacuum is off on the project machines: without this the rows load_demo and the stock
# updates rewrite stay dead in the tables and indexes every query then reads, and the planner
# has no statistics. The whole (demo-sized) database, as the bench rewrites most of it.
VACUUM_ANALYZE = """
import json, time
from django.db import connection
if connection.vendor == "postgresql":
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    elapsed = time.perf_counter() - started
    print(json.dumps(f"VACUUM ANALYZE of the bench database in {elapsed:.1f} s"))
else:
    print(json.dumps(""))
"""


# The race for the last units: a tracked product no other journey buys (a PES's second product)
# gets exactly `units` free; the buyers' second products come from other PES. Prints the
# stock before the race and the shop's two "not enough stock" answers for this product, in
# Polish and English, as pieces around their variable part. The message texts are the
# msgids of marketplace/order/utils.py (allocation refused while placing) and of Oscar's
# checkout session (the basket checked before placing).
CONTEST_SETUP = """
import json, os
from django.utils import translation
from django.utils.translation import gettext
from oscar.core.loading import get_model
params = json.loads(os.environ["BENCH_PARAMS"])
StockRecord = get_model("partner", "StockRecord")
records = list(
    StockRecord.objects.filter(product__product_class__track_stock=True, product__is_public=True)
    .select_related("product").order_by("partner_id", "pk")
)
firsts = {}
rest = []
for record in records:
    if record.partner_id in firsts:
        rest.append(record)
    else:
        firsts[record.partner_id] = record
contested = rest[0]
contested.num_in_stock = (contested.num_allocated or 0) + params["units"]
contested.save()  # through the ORM, as staff would: the page cache and the index follow
others = [record for pid, record in firsts.items() if pid != contested.partner_id]
allocation = dict(
    StockRecord.objects.filter(pk__in=[contested.pk] + [r.pk for r in others])
    .values_list("pk", "num_allocated")
)
title = contested.product.get_title()
PLACING = (
    "Sorry, only %(free)d of '%(title)s' left (you asked for %(wanted)d). "
    "Change the quantity in your basket; the rest of it is kept."
)
CHECKED = (
    "'%(title)s' is no longer available to buy (%(reason)s). "
    "Please adjust your basket to continue"
)
texts = []
for language in ("pl", "en"):
    with translation.override(language):
        placing = gettext(PLACING) % {"free": 0, "title": title, "wanted": 1}
        checked = gettext(CHECKED) % {"title": title, "reason": "\\0"}
        texts.append({"kind": "refused while placing", "pieces": [placing]})
        texts.append({"kind": "refused by the basket check", "pieces": checked.split("\\0")})
print(json.dumps({
    "contested": {
        "path": contested.product.get_absolute_url(), "title": title, "record": contested.pk,
        "in_stock": contested.num_in_stock, "allocated": contested.num_allocated or 0,
    },
    "others": [{"path": r.product.get_absolute_url(), "record": r.pk} for r in others],
    "allocated_before": {str(pk): n or 0 for pk, n in allocation.items()},
    "sold_out_texts": texts,
}))
"""


# After the race: the contested stock, what the race's orders hold, and whether any stock record
# anywhere has more allocated than in stock.
CONTEST_CHECK = """
import json, os
from django.db.models import F, Sum
from oscar.core.loading import get_model
params = json.loads(os.environ["BENCH_PARAMS"])
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
orders = Order.objects.filter(guest_email__startswith=params["email_prefix"])
lines = Line.objects.filter(order__in=orders)
record = StockRecord.objects.get(pk=params["record"])
allocated = dict(
    StockRecord.objects.filter(pk__in=[int(pk) for pk in params["allocated_before"]])
    .values_list("pk", "num_allocated")
)
bought = dict(
    lines.values("stockrecord_id").annotate(n=Sum("quantity")).values_list("stockrecord_id", "n")
)
print(json.dumps({
    "in_stock": record.num_in_stock,
    "allocated": record.num_allocated or 0,
    "orders": orders.count(),
    "buyers_with_orders": orders.values("guest_email").distinct().count(),
    "sold": bought.get(record.pk, 0),
    "allocated_after": {str(pk): n or 0 for pk, n in allocated.items()},
    "bought": {str(pk): n for pk, n in bought.items()},
    "overallocated_records": StockRecord.objects.filter(
        num_allocated__gt=F("num_in_stock")
    ).count(),
}))
"""


# The queue after the load: waits (at most `wait` s) for the worker to finish what is due, then
# counts the tasks and e-mails of this run by state.
QUEUE_STATS = """
import json, os, time
from datetime import datetime
from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from portal.mail.models import OutgoingEmail
params = json.loads(os.environ["BENCH_PARAMS"])
since = datetime.fromisoformat(params["since"])
tasks = DBTaskResult.objects.filter(enqueued_at__gte=since)
started = time.monotonic()
def due():
    return tasks.ready().exists() or tasks.running().exists()
while due() and time.monotonic() - started < params["wait"]:
    time.sleep(1)
failed = tasks.filter(status="FAILED")
print(json.dumps({
    "waited": round(time.monotonic() - started, 1),
    "tasks": dict(tasks.values_list("status").annotate(n=Count("id")).order_by()),
    "failed": [
        f"{path}: {error}" for path, error in
        failed.values_list("task_path", "exception_class_path")[:5]
    ],
    "mail": dict(
        OutgoingEmail.objects.filter(created_at__gte=since)
        .values_list("status").annotate(n=Count("id")).order_by()
    ),
}))
"""
