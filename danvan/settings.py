"""danvan settings: one module, driven by environment variables (DANVAN_*)."""

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(f"DANVAN_{name}", default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    return default if value == "" else value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


VAR_DIR = Path(env("VAR_DIR", str(Path.cwd() / "var"))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def database_from_url(url: str, pgbouncer: bool = False) -> dict:
    """Turn `sqlite:///path` or `postgres://user:pw@host:port/name` into a DATABASES entry.

    Written here rather than adding dj-database-url: two schemes, a dozen lines.
    """
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        if path in {"", "/", "/:memory:"}:
            name = ":memory:"
        elif url.startswith("sqlite:////"):
            name = path[1:]  # sqlite:////abs/path.sqlite3
        else:
            name = str(Path(path[1:]).resolve())  # sqlite:///relative/to/cwd.sqlite3
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            # Opening a connection (its pragmas, Django's SQL functions) took 2.3 ms of every request.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue on the busy
                # timeout instead of failing with "database is locked" on lock upgrade.
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
        }
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")) or "danvan",
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # Through PgBouncer in transaction mode (DANVAN_PGBOUNCER=1) a connection is not the same
            # server session from one transaction to the next: no persistent connections, no server-side
            # cursors (which live across transactions).
            "CONN_MAX_AGE": 0 if pgbouncer else 60,
            "DISABLE_SERVER_SIDE_CURSORS": pgbouncer,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ValueError(f"DANVAN_DATABASE_URL: unsupported scheme {parts.scheme!r} (use sqlite:/// or postgres://)")


def secret_key() -> str:
    """DANVAN_SECRET_KEY, or a key generated on first run and kept under var/."""
    if env("SECRET_KEY"):
        return env("SECRET_KEY")
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}", pgbouncer=env_bool("PGBOUNCER")
    )
}
if env("REPLICA_URL"):
    # A read-only copy (PostgreSQL streaming replication) for reports and exports: danvan.core.replica.
    replica = database_from_url(env("REPLICA_URL"), pgbouncer=env_bool("PGBOUNCER"))
    DATABASES["replica"] = replica | {"TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["danvan.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "danvan.core.third_party_apps.AxesConfig",  # django-axes, named in Vietnamese in the admin
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "danvan.core.third_party_apps.TasksDatabaseConfig",  # django-tasks-db, named in Vietnamese in the admin
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "danvan.core",
    "danvan.org",
    "danvan.documents",
    "danvan.practices",
    "danvan.stats",
    "danvan.awards",
    "danvan.emulation",
    "danvan.planning",
    "danvan.opinion",
    "danvan.membership",
    "danvan.cooperation",
    "danvan.democracy",
    "danvan.events",
    "danvan.showcase",
    "danvan.review",
    "danvan.api",
    "danvan.demo",
]

MIDDLEWARE = [
    # First: /healthz answers before host checks and HTTPS redirection (danvan/core/health.py).
    "danvan.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin pages: a session not verified by its user's device goes back to the login (danvan/core/twofactor.py).
    "danvan.core.twofactor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "danvan.core.middleware.SecurityHeadersMiddleware",
    "danvan.core.middleware.IdleTimeoutMiddleware",
    # Last: axes turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
    "danvan.core.middleware.ActorMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

# Django's widget templates, the common widgets written out in Python (danvan/core/renderers.py).
FORM_RENDERER = "danvan.core.renderers.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "danvan.core.context_processors.navigation",
            ],
            "builtins": ["danvan.core.templatetags.vn"],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
# Vietnamese only: staff browsers often ask for English, the UI must not follow them.
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = env("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
NUMBER_GROUPING = 3
FORMAT_MODULE_PATH = ["danvan.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# WhiteNoise serves the files `danvan collectstatic` gathered, under hashed, compressed names; before
# collectstatic has run (a fresh checkout, the tests) the storage falls back to plain names found by the finders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "danvan.core.staticfiles.StaticStorage"},
}
WHITENOISE_USE_FINDERS = not (STATIC_ROOT / "staticfiles.json").exists()
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 60 * 1024 * 1024
# `danvan backup`: where archives go and how many are kept.
BACKUP_DIR = Path(env("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_KEEP = int(env("BACKUP_KEEP", "14"))
# Largest spreadsheet an import accepts (bytes).
IMPORT_MAX_BYTES = int(env("IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))
# Largest evidence file, photo or attached document (bytes).
ATTACHMENT_MAX_BYTES = int(env("ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))

# The day this province's Ban Dân vận merged into the Ban Tuyên giáo và Dân vận (differs by province,
# Feb–Mar 2025): documents derived from the unit tree name the commission by it (YYYY-MM-DD).
COMMISSION_MERGER = env("COMMISSION_MERGER", "2025-03-01")

# Background jobs (imports, certificates, report PDFs): django-tasks with its database queue, run by
# `danvan db_worker` (docs/tasks.md). "django_tasks.backends.immediate.ImmediateBackend" runs them
# inside the request instead (no worker; the tests use it).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A running job whose worker has not reported for this long is given up as failed.
JOB_STALE_SECONDS = int(env("JOB_STALE_SECONDS", str(15 * 60)))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES")
X_FRAME_OPTIONS = "DENY"
# A session ends after this many minutes without a request (danvan.core.middleware.IdleTimeoutMiddleware).
SESSION_IDLE_MINUTES = int(env("SESSION_IDLE_MINUTES", "120"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60

# HTTPS behind a reverse proxy (docs/deploy.md): trust the proxy's X-Forwarded-Proto/-Host only when told.
if env_bool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD")
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): scripts only from danvan's own files (no inline script, no eval),
# so injected markup cannot run. Inline style attributes stay allowed: the widgets and HTMX set them.
_SELF, _NONE = "'self'", "'none'"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "danvan.api.authentication.BearerKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # the docs page tried while logged in
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "danvan.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "danvan.api.schema.VietnameseSchema",
    "EXCEPTION_HANDLER": "danvan.api.errors.handle",
    "DATE_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "danvan API",
    "DESCRIPTION": (
        "Dữ liệu công tác dân vận cho hệ thống khác: đơn vị theo thời gian, mô hình “Dân vận khéo”, thống kê "
        "(cùng số liệu với báo cáo), khen thưởng, văn bản chỉ đạo và sơ kết, kế hoạch và nhiệm vụ. Mỗi khóa API "
        "chỉ thấy dữ liệu trong phạm vi đơn vị của người tạo khóa. Lỗi trả về dạng "
        '{"error": {"code": "…", "message": "…", "fields": {…}}}.'
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # vendored by drf-spectacular-sidecar: no CDN on a government intranet
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "danvan.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "PracticeStatusEnum": "danvan.practices.choices.Status",
        "PracticeKindEnum": "danvan.practices.choices.Kind",
        "ProposalStatusEnum": "danvan.awards.choices.ProposalStatus",
        "DecisionStatusEnum": "danvan.awards.choices.DecisionStatus",
        "TaskStatusEnum": "danvan.planning.choices.TaskStatus",
        "ReviewKindEnum": "danvan.planning.choices.ReviewKind",
        "LineageKindEnum": "danvan.org.choices.LineageKind",
        # a practice's subject and an award recipient's kind: the same two values (tập thể, cá nhân)
        "CollectiveOrIndividualEnum": "danvan.practices.choices.Subject",
    },
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# /healthz fails below this much free space for uploads, or when a background task waits longer.
HEALTH_MIN_FREE_MB = int(env("HEALTH_MIN_FREE_MB", "500"))
HEALTH_TASK_MAX_WAIT_MINUTES = int(env("HEALTH_TASK_MAX_WAIT_MINUTES", "30"))

# Login throttling (django-axes): lock a username, and separately an address, after repeated failures.
AUTHENTICATION_BACKENDS = [
    "danvan.core.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(env("LOGIN_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "danvan.core.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Every failed login stays in "Lần đăng nhập sai" for the admin (the attempts that count towards a lockout are
# cleared by a success), kept as long as the access log.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_CLIENT_IP_CALLABLE = "danvan.core.security.client_ip"

# Second factor (django-otp, TOTP): administrators may enrol an authenticator app on their account page
# (/tai-khoan/); once they have, the login asks for its 6-digit code. With ADMIN_2FA_REQUIRED an
# administrator without one is sent to enrol before reaching the admin pages (/quan-tri/).
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED")
OTP_TOTP_ISSUER = env("OTP_ISSUER", "danvan")
# After a wrong code the device refuses codes for 1, 2, 4, 8... seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1
# Minutes between the password and the code before the password must be typed again.
LOGIN_OTP_MINUTES = 5


EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "danvan@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
