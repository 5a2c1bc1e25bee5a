"""Test runs: fast hashing, in-memory e-mail, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
ALLOWED_HOSTS = ["*"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}
}
WAGTAILADMIN_BASE_URL = "http://testserver"
