"""Local development: DEBUG on, e-mails to the console, a fixed throwaway key."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
# Queued as in production; the worker prints each message instead of sending it.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVE_MEDIA = True
WHITENOISE_USE_FINDERS = True
