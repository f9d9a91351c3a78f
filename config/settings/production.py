from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
for _name in ("GOVSITE_SECRET_KEY", "GOVSITE_AUDIT_KEY", "DATABASE_URL", "GOVSITE_ALLOWED_HOSTS"):
    if not env(_name, default=""):
        raise ImproperlyConfigured(f"{_name} must be set in production / 生产环境必须设置 {_name}")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
