"""Quartier settings: one file, every deployment differs only in its environment."""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """NAME_FILE beats NAME, so secrets can live in Docker/systemd credential files."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return (env(name) or str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name) or default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
TESTING = env_bool("QUARTIER_TESTING") or "pytest" in sys.modules
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "Set SECRET_KEY (or SECRET_KEY_FILE) when DEBUG is off."
        )
    SECRET_KEY = "insecure-development-key"  # noqa: S105 - only with DEBUG or in tests

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "quartier.core",
    "quartier.accounts",
    "quartier.quarters",
    "quartier.community",
    "quartier.participation",
    "quartier.measures",
    "quartier.funds",
    "quartier.events",
    "quartier.monitoring",
    "quartier.cms",
    "quartier.api",
    "quartier.ops",
    "quartier.demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
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
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "template_partials",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
]

MIDDLEWARE = [
    "quartier.ops.logs.request_id_middleware",  # first: every line of a request has its id
    "django.middleware.security.SecurityMiddleware",
    "quartier.core.inputs.RejectNulMiddleware",  # before anything queries the database
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "quartier.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "quartier.core.middleware.admin_preview_frames",
    "django_htmx.middleware.HtmxMiddleware",
    "quartier.core.middleware.htmx_client_redirects",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
# A form sent after the session ended gets a page in the site's layout and language.
CSRF_FAILURE_VIEW = "quartier.core.views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "quartier" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "quartier.cms.context_processors.site_navigation",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "template_partials.templatetags.partials",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'quartier.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if env_bool("PGBOUNCER"):
    # Transaction pooling hands each transaction any server connection: named
    # server-side cursors (iterator()) would point into another session.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# Lands in the visitor's language (/en/ after an English login).
ACCOUNT_ADAPTER = "quartier.accounts.adapter.AccountAdapter"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date formats per language, named in templates (config/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)  # bin/demo turns it on
# Media on a shared filesystem (default; NFS for several app servers) or, with
# MEDIA_STORAGE=s3, in S3-compatible object storage through django-storages
# (install it; AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL and keys from the env).
# Buckets stay private: files are served through signed URLs, never a public listing.
MEDIA_STORAGE = env("MEDIA_STORAGE", "filesystem")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if MEDIA_STORAGE != "s3"
    else {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 3600  # unhashed files; hashed ones get a year and "immutable"

# Rate limits (allauth's login limit, the spam guard) count in the cache, so the cache
# must be shared by every process of an installation: a per-process cache lets each
# gunicorn worker count on its own. Without CACHE_URL (Redis) the database cache is the
# default: every app server and worker already shares the database, so it holds across
# machines too, where a file cache would need a shared filesystem. `migrate` creates its
# table (quartier.ops migration). The test process keeps an in-process cache.
# With Redis, an outage falls back to a per-process cache (quartier/core/cache.py says
# why): pages answer, rate limits count per process. Short socket timeouts, so a hung
# Redis costs a second, not a request's whole time budget.
if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "quartier.core.cache.ResilientRedisCache",
            "LOCATION": env("CACHE_URL"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
elif TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "quartier_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Sessions stay in the database by default; with Redis, "cached_db" reads them from
# the cache and still survives a Redis restart.
SESSION_ENGINE = env("SESSION_ENGINE", "django.contrib.sessions.backends.db")

TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
        if TESTING
        else env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}

# Every mail passes the idempotency ledger (quartier.ops.mail): a task that runs again
# after its worker was killed does not mail anyone twice. The env's EMAIL_BACKEND names
# the transport behind it (SMTP, file, console).
EMAIL_BACKEND = "quartier.ops.mail.IdempotentEmailBackend"
QUARTIER_EMAIL_TRANSPORT = env(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Quartier <noreply@quartier.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = env("SITE_NAME", "Stadtquartiere Osnabrück")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Uploaded originals are stored without EXIF/GPS (core/image_metadata.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "quartier.core.image_metadata.ImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests, not even in the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would ask releases.wagtail.org

# Security: strict by default, relaxed only by explicit environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = (
    "DENY"  # the admin allows same-origin frames for previews (core.middleware)
)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not (DEBUG or TESTING))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
)
# Behind a proxy every request comes from the proxy's address: the client's is the one
# the last TRUSTED_PROXY_COUNT proxies appended to X-Forwarded-For. allauth reads it for
# its login limits, core.ratelimit for ours. Without a proxy the header is ignored
# (anyone could write it).
ALLAUTH_TRUSTED_PROXY_COUNT = (
    int(env("TRUSTED_PROXY_COUNT", "1")) if env_bool("BEHIND_PROXY") else 0
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin still uses inline styles and scripts; staff-only, behind login.
CONTENT_SECURITY_POLICY_ADMIN_PATHS = ("/admin/",)

# One line per record on stderr, JSON by default (for journald, Loki, ELK …);
# LOG_FORMAT=text for people (bin/demo). Each line has a request_id (ops/logs.py).
LOG_FORMAT = env("LOG_FORMAT", "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT is json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "quartier.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "quartier.ops.logs.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # Request, task and job lines (INFO); QUARTIER_LOG_LEVEL=WARNING silences them.
    "loggers": {"quartier": {"level": env("QUARTIER_LOG_LEVEL", "INFO")}},
}

# Error reports only when a DSN is configured (install the "sentry" extra): no
# third-party traffic otherwise. No personal data is sent with the events.
if SENTRY_DSN := env("SENTRY_DSN"):
    try:
        import sentry_sdk
    except ImportError as error:
        raise ImproperlyConfigured(
            "SENTRY_DSN is set: install sentry-sdk (uv sync --extra sentry)."
        ) from error
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

QUARTIER_FEEDBACK_EMAILS = env_list(
    "FEEDBACK_EMAILS", "barrierefreiheit@quartier.invalid"
)
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or TESTING
if TESTING:
    # Hashing dominates test set-up time; production keeps Django's PBKDF2 default.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Behind nginx, fund attachments leave through X-Accel-Redirect to this internal
# location after the app's permission check (deploy/nginx.conf); empty: the app sends them.
QUARTIER_ATTACHMENTS_ACCEL_REDIRECT = env("ATTACHMENTS_ACCEL_REDIRECT", "")
# /readyz answers 503 once the oldest runnable task has waited longer than this (s).
QUARTIER_READY_MAX_QUEUE_LAG = int(env("READY_MAX_QUEUE_LAG", "300"))
# A task whose worker has not beaten (every 10 s) for this long runs again elsewhere.
QUARTIER_WORKER_SILENCE_SECONDS = int(env("WORKER_SILENCE_SECONDS", "120"))
# Probes speak plain http to the app server itself, behind the TLS proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Days after an event until registrations lose their personal data (GDPR Art. 5).
QUARTIER_EVENTS_RETENTION_DAYS = int(env("EVENTS_RETENTION_DAYS", "30"))
