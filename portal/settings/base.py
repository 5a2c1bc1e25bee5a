"""Settings shared by every environment; everything that differs comes from the environment."""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to get its defaults)

from marketplace.dashboard_access import pes_only, pes_or_staff
from marketplace.order.statuses import PIPELINE as ORDER_STATUS_PIPELINE
from portal.logs import configure_structlog, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # the portal's own apps first, so their templates and forks win
    "portal",
    "portal.users",
    "portal.organisations",
    "portal.news",
    "portal.events",
    "portal.competition",
    "portal.jobs",
    "portal.mail",
    "portal.monitoring",
    "portal.selfevaluation",
    "portal.statistics",
    "portal.localplans",
    "home",
    "goodpractices",
    # Oscar, with our forks in place of its apps
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "marketplace.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "marketplace.partner.apps.PartnerConfig",
    "marketplace.quotes.apps.QuotesConfig",
    "marketplace.certificates.apps.CertificatesConfig",
    "marketplace.directory.apps.DirectoryConfig",
    "marketplace.procurement.apps.ProcurementConfig",
    "marketplace.invoices.apps.InvoicesConfig",
    "import_export",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "marketplace.dashboard.apps.DashboardConfig",
    "marketplace.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "marketplace.dashboard.orders.apps.OrdersDashboardConfig",
    "marketplace.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "marketplace.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "marketplace.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    # haystack before wagtail.search: both ship `update_index`, the first one wins
    "haystack",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # login throttling (portal/login_limits.py)
    "axes",
    # the task queue (a table) and its worker, `manage.py db_worker`
    "django_tasks",
    "django_tasks_db",
    # /health/live/ and /health/ready/ (portal/health.py), /metrics/ (portal/metrics.py)
    "health_check",
    "django_prometheus",
]

MIDDLEWARE = [
    # first and (almost) last: counts every request, and its latency by view (/metrics/)
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # the request id (X-Request-ID) on every log line of the request (portal/logs.py)
    "portal.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.params.PathValuesMiddleware",  # an id beyond range or a NUL in the path: 404
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # after authentication, to log the user id with the request (JSON lines in production)
    "django_structlog.middlewares.RequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # served from the shared cache for anonymous visitors; placed after auth to know who asks
    "portal.cache.AnonymousPageCacheMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "portal.cache.BasketCountCookieMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # last, as django-axes requires: turns a locked-out login into the lockout page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A kept connection the server dropped meanwhile (a restart, a failover, an idle
        # timeout) is tested once at the start of the next request that uses it and replaced,
        # instead of failing that request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server and gunicorn workers read while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Connections are kept as on PostgreSQL (DB_CONN_MAX_AGE): opening one costs about 4 ms
    # (Django registers its SQL functions, the pragmas run), most of a page that needs the
    # database only for the session and the user.
# Oscar's migrations use AutoField; BigAutoField would make Django want migrations inside Oscar.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # first: refuses a locked-out username and address before any password is checked
    "portal.login_limits.LoginAttemptsBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
]
# Login throttling on every login page (Wagtail admin, shop and dashboard, Django admin):
# after AXES_FAILURE_LIMIT wrong passwords for one username from one address, that pair is
# locked out for AXES_COOLOFF_MINUTES; attempts are kept in the database (axes' tables).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.login_limits.login_address"  # REMOTE_ADDR, as the limiter
AXES_USERNAME_CALLABLE = "portal.login_limits.attempted_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.login_limits.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # failures are enough; no history of every successful login
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "customer:login"
LOGIN_REDIRECT_URL = "/"

# Languages: Polish at /, English at /en/
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Django serves media itself only where no web server does (dev, tests, the demo).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Files only some staff may read (recommendation letters): never under MEDIA_URL, served
    # by views that check who asks.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")),
            "base_url": None,
        },
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SITE_ID = 1

# Cache: local memory by default, Redis (a database of its own) with REDIS_URL.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }
# Rate-limit counters (portal/ratelimit.py), apart from the page cache so page traffic never
# evicts them: Redis (RATE_LIMIT_REDIS_URL, else the REDIS_URL server, which must then not
# evict keys: `noeviction`; under an LRU policy a counter could go like a page) or, without
# Redis, a database table of their own (created after `migrate`), shared by every worker and
# never culled before 1,000,000 entries.
RATE_LIMIT_REDIS_URL = os.environ.get("RATE_LIMIT_REDIS_URL", "") or REDIS_URL
if RATE_LIMIT_REDIS_URL:
    CACHES["ratelimit"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": RATE_LIMIT_REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal") + "-ratelimit",
        "TIMEOUT": 24 * 60 * 60,
    }
else:
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_ratelimit",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 1_000_000, "CULL_FREQUENCY": 10},
    }
RATE_LIMIT_ENABLED = env_bool("RATE_LIMIT_ENABLED", True)
RATE_LIMITS: dict[str, tuple[int, int]] = {}  # {"scope": (attempts, seconds)} overrides
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# E-mail: every message is stored and handed to the queue (portal/mail); the worker sends it
# through EMAIL_DELIVERY_BACKEND, retrying while the mail server is down.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "portal.mail.backends.QueuedEmailBackend")
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "10"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@es.example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Portal Ekonomii Społecznej"
# The one address every absolute link names (e-mails, feeds, sitemap, .ics, QR codes, PDFs):
# portal.urls_absolute.absolute_url; `load_demo` / `sync_base_url` point the Sites at it.
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt"]
# Search (search/service.py; the engine is chosen in search/backends/__init__.py): the
# database by default, Elasticsearch when ELASTICSEARCH_URL is set (credentials may be in the
# URL, or ELASTICSEARCH_API_KEY). ELASTICSEARCH_PLAIN_JSON sends plain application/json, for
# OpenSearch-compatible servers (they refuse the 8.x client's `compatible-with=8` media types).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX", "portal")
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_VERIFY_CERTS = env_bool("ELASTICSEARCH_VERIFY_CERTS", True)
ELASTICSEARCH_PLAIN_JSON = env_bool("ELASTICSEARCH_PLAIN_JSON", False)
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "")  # a dotted path overrides the choice
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if ELASTICSEARCH_URL:
    from search.backends.elastic.settings import wagtail_backend

    WAGTAILSEARCH_BACKENDS = {"default": wagtail_backend()}
# Background work (index upkeep, e-mail, scheduled jobs) runs as django-tasks tasks in a
# queue kept in the database; `manage.py db_worker` runs them (the Procfile's `worker`).
# TASKS_BACKEND may name another backend; the immediate one runs each task in the caller.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A task claimed by a worker that then died is run again after this long (portal/jobs).
TASKS_STALLED_AFTER_SECONDS = int(os.environ.get("TASKS_STALLED_AFTER_SECONDS", "900"))
# Readiness fails when the oldest task waiting to run is older than this.
TASKS_BACKLOG_MAX_AGE_SECONDS = int(os.environ.get("TASKS_BACKLOG_MAX_AGE_SECONDS", "600"))
# Scheduled pages are published by `run_scheduler` this often (seconds, a divisor of 60 or
# a multiple of 60).
PUBLISH_SCHEDULED_EVERY_SECONDS = int(os.environ.get("PUBLISH_SCHEDULED_EVERY_SECONDS", "60"))
SEARCH_UPKEEP_ON_COMMIT = True

# Oscar
OSCAR_SHOP_NAME = _("Regional social-economy shop")
OSCAR_SHOP_TAGLINE = ""
OSCAR_DEFAULT_CURRENCY = "PLN"
OSCAR_CURRENCY_FORMAT = {"PLN": {"format": "#,##0.00 ¤", "format_type": "standard"}}
OSCAR_HOMEPAGE = "/sklep/catalogue/"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_HIDDEN_FEATURES = ["reviews"]
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Each PES moves its own orders through these (marketplace/order/statuses.py).
OSCAR_INITIAL_ORDER_STATUS = "new"  # marketplace.order.statuses.NEW
OSCAR_ORDER_STATUS_PIPELINE = ORDER_STATUS_PIPELINE
# Dashboard menu entries the marketplace adds (quote requests, the PES's own profile).
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {
        "label": _("Quote requests"),
        "icon": "fas fa-file-signature",
        "url_name": "quotes-dashboard:list",
        "access_fn": pes_or_staff,
    },
    {
        "label": _("Zakup Prospołeczny applications"),
        "icon": "fas fa-certificate",
        "url_name": "certificates:application-list",
        "access_fn": pes_only,
    },
    {
        "label": _("My PES profile"),
        "icon": "fas fa-id-card",
        "url_name": "pes-dashboard:profile",
        "access_fn": pes_only,
    },
    {
        "label": _("Procurement notices"),
        "icon": "fas fa-gavel",
        "url_name": "procurement-dashboard:list",
        "access_fn": pes_only,
    },
    {
        "label": _("KSeF token"),
        "icon": "fas fa-key",
        "url_name": "invoices-dashboard:ksef-token",
        "access_fn": pes_only,
    },
]

# Social procurement and invoices -------------------------------------------------------------
# Where mail for the ROPS goes when no ROPS organisation in the database has an e-mail.
PROCUREMENT_ROPS_EMAIL = os.environ.get("PROCUREMENT_ROPS_EMAIL", "")
# Sending invoices to KSeF (the national e-invoice system) is off unless switched on; each PES
# enters its own token in the dashboard. KSEF_BASE_URL overrides the environment's address.
KSEF_ENABLED = os.environ.get("KSEF_ENABLED", "0") == "1"
KSEF_ENVIRONMENT = os.environ.get("KSEF_ENVIRONMENT", "test")  # test, demo or prod
KSEF_BASE_URL = os.environ.get("KSEF_BASE_URL", "")
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_DEBUG = False

# Security defaults that hold everywhere; production tightens the rest.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the X-CSRFToken pattern reads it from JS
# A public form sent without a valid token (a cached page without JavaScript, an expired
# cookie) gets a page to send it again with a fresh one; cross-site POSTs keep the plain 403.
CSRF_FAILURE_VIEW = "portal.csrf.failure_view"
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Logs (portal/logs.py): readable lines here, one JSON object per line in production; every
# line logged while a request is served carries its id (X-Request-ID). The root logs at
# LOG_LEVEL (WARNING), the portal's own loggers at INFO (the worker and the scheduler say what
# they did).
configure_structlog()
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = logging_config(json=False, level=LOG_LEVEL)
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True  # cleaned by portal.logs.RequestIdMiddleware
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False  # it would believe X-Forwarded-For; see the access log
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = logging.DEBUG  # one line a request: when it ends
DJANGO_STRUCTLOG_STATUS_4XX_LOG_LEVEL = logging.INFO  # Django itself warns of a 4xx
# The cache errors that IGNORE_EXCEPTIONS hides are logged (once a minute, see portal/logs.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Metrics at /metrics/ (portal/metrics.py), for a superuser, a request carrying
# "Authorization: Bearer <METRICS_TOKEN>", or a client address in METRICS_ALLOWED_IPS
# (addresses or networks, comma-separated).
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS")
