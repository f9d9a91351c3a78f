from .base import *

DEBUG = False
_url = env("GOVSITE_TEST_DATABASE_URL", default="")
if _url:
    DATABASES = {"default": env.db_url_config(_url)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = VAR_DIR / "test-media"
WHITENOISE_AUTOREFRESH = True
