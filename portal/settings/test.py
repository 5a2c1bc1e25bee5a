"""Test runs: fast hashing, in-memory e-mail, a reusable test database, media in a temp folder."""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, ELASTICSEARCH_INDEX_PREFIX, VAR_DIR

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The browser journeys' server process names the outbox here, so its mail is kept in the
# database (OutgoingEmail) where the test can read it.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# The worker and scheduler processes the queue's tests start name theirs in the environment.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
# Tasks run at once in the caller, so a test sees their effect; the queue's own tests
# (tests/portal/jobs, tests/portal/mail) switch to the database backend and run a worker.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
# The browser tests' server process shares this folder through the environment.
# Kept beside the reused test database, so the files its rows name are there next run too; one
# per pytest-xdist worker, as the databases are (tests compare the files before and after).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or str(
    VAR_DIR / (f"test-media-{_WORKER}" if _WORKER else "test-media")
)
if _WORKER:  # workers pointed at one real cluster (ELASTICSEARCH_URL) keep to their own indexes
    ELASTICSEARCH_INDEX_PREFIX = f"{ELASTICSEARCH_INDEX_PREFIX}-{_WORKER}"
STORAGES["private"]["OPTIONS"]["location"] = str(Path(MEDIA_ROOT) / "private")  # noqa: F405
SERVE_MEDIA = True
# Oscar deletes a product image's files (and thumbnails) when its row goes; a test's rollback
# brings the row back but not the files, and later pages would link thumbnails that are gone.
OSCAR_DELETE_IMAGE_FILES = False
SEARCH_UPKEEP_ON_COMMIT = False  # a test's transaction never commits: update the index at once
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
ALLOWED_HOSTS = ["*"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"},
    # As in production without Redis: a table of its own, so page traffic never evicts a
    # counter. A test's rollback forgets its counts; the process id in the prefix keeps counts
    # that the browser tests' server commits to the reused database from meeting the next run.
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_ratelimit",
        "KEY_PREFIX": f"test-{os.getpid()}",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    },
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Test data need no durability, and the test database's queries are too small for JIT
    # compiling to pay: both only cost time (about 5% of the PostgreSQL run).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c synchronous_commit=off"
    )
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/ yet
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: --reuse-db keeps it between runs and a server process can open it.
    # TEST_DB_NAME lets two suites run side by side without locking each other's file.
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / os.environ.get("TEST_DB_NAME", "test.sqlite3"))
    }
