"""Production: refuses to start without a secret; HTTPS and hardened cookies."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOG_LEVEL, env_bool, logging_config

if not SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY must be set (at least 50 random characters) in the environment for production."
    )
DEBUG = False
# Wagtail's live preview shows the page in a same-origin frame, so SAMEORIGIN (not DENY) is
# deliberate; other origins still cannot frame the portal.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
if not REDIS_URL:  # noqa: F405
    # Several workers must share one cache, or a publish clears only one worker's copy.
    CACHES["default"] = {  # noqa: F405  (the "ratelimit" alias stays as base sets it)
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),  # noqa: F405
    }
# One JSON object per line on stderr (portal/logs.py), for the log collector; with a line for
# every request (its id, status, path and user) unless LOG_REQUESTS is off.
LOGGING = logging_config(json=True, level=LOG_LEVEL, requests=env_bool("LOG_REQUESTS", True))
