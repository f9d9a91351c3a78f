"""Shared steps of the security tests: sign in through the real forms, compute TOTP codes."""

import re
import time
from base64 import b32decode

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD

LOGIN_URL = "/admin/login/"
TWO_FACTOR_URL = "/account/2fa/"


def login(client, username: str, password: str = PASSWORD, ip: str = "127.0.0.1", **extra):
    """POST the Wagtail sign-in form as a browser would."""
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
        **extra,
    )


def code_for_key(key: bytes, *, offset_steps: int = 0) -> str:
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + offset_steps * 30
    return f"{totp.token():06d}"


def code_for(device: TOTPDevice, **kw) -> str:
    return code_for_key(device.bin_key, **kw)


def secret_on_page(response) -> bytes:
    """The base32 key the enrolment page shows, decoded as an authenticator would."""
    found = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', response.content.decode())
    assert found, "the enrolment page shows the secret"
    return b32decode(found.group(1).replace(" ", ""))


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="govsite", confirmed=True)


def sign_in_verified(client, user, *, device: TOTPDevice | None = None):
    """Session login, then the second factor through the real form. Returns the device."""
    client.force_login(user)
    device = device or confirmed_device(user)
    response = client.post(TWO_FACTOR_URL, {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302, response.content.decode()[:500]
    return device
