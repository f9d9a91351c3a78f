"""TOTP second factor of the back office (security.md A.6): who needs it, enrolment, check.

Enrolment keeps the new secret in the server-side session until the user proves, with a
code, that the authenticator holds it; only then is a confirmed device stored. Codes are
single-use (django-otp refuses a time step at or before the last accepted one) and
failures are throttled by django-otp with exponential back-off.
"""

from base64 import b32encode
from binascii import unhexlify

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from . import access, audit
from .models import AuditRecord, User
from .roles import TWO_FACTOR_ROLES

DEVICE_NAME = "govsite"
ISSUER = "govsite"


def required_for(user) -> bool:
    """Whether ``user`` must pass the second factor before using the back office."""
    return bool(settings.CORE_REQUIRE_TOTP and access.roles_of(user) & TWO_FACTOR_ROLES)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def new_secret() -> str:
    """A fresh key (hex, 20 bytes) for an authenticator that is about to be enrolled."""
    return default_key()


def secret_for_humans(key_hex: str) -> str:
    """The base32 form an authenticator app asks for, in groups of four."""
    b32 = b32encode(unhexlify(key_hex)).decode()
    return " ".join(b32[i : i + 4] for i in range(0, len(b32), 4))


def provisioning_uri(user: User, key_hex: str) -> str:
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key_hex).config_url


def qr_svg(user: User, key_hex: str) -> SafeString:
    """The provisioning URI as an inline SVG QR code; drawn here, no outside request."""
    image = qrcode.make(
        provisioning_uri(user, key_hex), image_factory=qrcode.image.svg.SvgPathImage, box_size=8
    )
    # Safe: the SVG is path data produced by qrcode from our own URI; no user markup.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def enrol(user: User, *, key_hex: str, token: str) -> TOTPDevice | None:
    """Store a confirmed TOTP device for ``user`` if ``token`` matches ``key_hex``.

    Records core.auth.2fa_enrol, or core.auth.2fa_failed (stage "enrol") on a wrong code.
    Any earlier unconfirmed device of the user is removed.
    """
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(
            user=user, name=DEVICE_NAME, key=key_hex, confirmed=False
        )
        if device.verify_token(token):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            audit.record("core.auth.2fa_enrol", user, actor=user)
            return device
        device.delete()
    _failed(user, "enrol")
    return None


def verify(user: User, *, token: str) -> TOTPDevice | None:
    """Check ``token`` against the user's confirmed device.

    Records core.auth.2fa_verify, or core.auth.2fa_failed (stage "verify") when the code is
    wrong, reused or arrives while django-otp throttles the device.
    """
    device = confirmed_device(user)
    if device is None:
        return None
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        ok = device.verify_token(token)
    if ok:
        audit.record("core.auth.2fa_verify", user, actor=user)
        return device
    _failed(user, "verify")
    return None


def _failed(user: User, stage: str) -> None:
    audit.record(
        "core.auth.2fa_failed",
        user,
        actor=user,
        outcome=AuditRecord.Outcome.FAILURE,
        changes={"stage": stage},
    )
