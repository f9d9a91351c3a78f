from .base import *

DEBUG = env.bool("GOVSITE_DEBUG", default=True)

# Alert and notification e-mails land as files, so the demo needs no mail server.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"

# Officials whose names the patrol checks; `govsite demo` writes the demo province's leaders here.
MONITORING_NAMES_FILE = env("GOVSITE_NAMES_FILE", default=str(VAR_DIR / "demo-officials.tsv"))
