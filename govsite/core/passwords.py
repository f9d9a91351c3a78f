"""Password rules of the 等保 profile (security.md A.2), every message in Chinese and English.

Django's own validators speak one language at a time (and its Chinese catalogue lacks some
of the newer messages), so the ``Bilingual*`` classes below give each rule one fixed
message in both languages; settings.AUTH_PASSWORD_VALIDATORS lists these classes.
"""

import string

from django.contrib.auth import password_validation as pv
from django.core.exceptions import ValidationError

from .errors import bilingual


class BilingualMinimumLengthValidator(pv.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return bilingual(
            f"密码太短，至少需要{self.min_length}个字符",
            f"This password is too short. It must contain at least {self.min_length} characters",
        )

    def get_help_text(self) -> str:
        return bilingual(
            f"密码至少{self.min_length}个字符", f"At least {self.min_length} characters"
        )


class BilingualUserAttributeSimilarityValidator(pv.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        # %(verbose_name)s is filled in by Django from the user field that matched.
        return bilingual(
            "密码与账户信息（%(verbose_name)s）过于相似",
            "The password is too similar to the %(verbose_name)s",
        )

    def get_help_text(self) -> str:
        return bilingual(
            "密码不能与用户名、姓名等个人信息相似",
            "Your password can't be too similar to your other personal information",
        )


class BilingualCommonPasswordValidator(pv.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return bilingual("密码过于常见", "This password is too common")

    def get_help_text(self) -> str:
        return bilingual("不能使用常见密码", "Your password can't be a commonly used password")


class BilingualNumericPasswordValidator(pv.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return bilingual("密码不能全是数字", "This password is entirely numeric")

    def get_help_text(self) -> str:
        return bilingual("密码不能全是数字", "Your password can't be entirely numeric")


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
