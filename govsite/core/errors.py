"""Errors shown to users: every message carries Chinese first, then English."""

from django.core.exceptions import PermissionDenied, ValidationError


def bilingual(zh: str, en: str) -> str:
    return f"{zh} / {en}"


class GovsiteValidationError(ValidationError):
    """Bad input. ``message`` holds both languages; ``zh`` and ``en`` each one."""

    def __init__(self, zh: str, en: str, *, field: str | None = None, code: str = "invalid"):
        self.zh, self.en, self.field = zh, en, field
        super().__init__(bilingual(zh, en), code=code)


class GovsitePermissionDenied(PermissionDenied):
    def __init__(self, zh: str = "您没有权限执行此操作", en: str = "You do not have permission"):
        self.zh, self.en = zh, en
        super().__init__(bilingual(zh, en))
