"""Password rules of the 等保 profile (security.md A.2)."""

import string

from django.core.exceptions import ValidationError

from .errors import bilingual


class CharacterClassValidator:
    """At least ``min_classes`` of: upper case, lower case, digit, symbol."""

    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password: str, user=None) -> None:
        classes = [
            any(c.isupper() for c in password),
            any(c.islower() for c in password),
            any(c.isdigit() for c in password),
            any(c in string.punctuation or not c.isalnum() for c in password),
        ]
        if sum(classes) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return bilingual(
            f"密码须包含大写字母、小写字母、数字、符号中的至少{self.min_classes}类",
            f"Use at least {self.min_classes} of: upper case, lower case, digits, symbols",
        )
