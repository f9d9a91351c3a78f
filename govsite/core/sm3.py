"""SM3 (GB/T 32905) and HMAC-SM3, from OpenSSL through hashlib, else from gmssl."""

import hashlib
import hmac

try:
    hashlib.new("sm3")
    _OPENSSL = True
except ValueError:  # an OpenSSL built without SM3
    _OPENSSL = False


def sm3_hex(data: bytes) -> str:
    if _OPENSSL:
        return hashlib.new("sm3", data).hexdigest()
    from gmssl import func, sm3

    return sm3.sm3_hash(func.bytes_to_list(data))


def hmac_sm3_hex(key: bytes, data: bytes) -> str:
    if _OPENSSL:
        return hmac.new(key, data, "sm3").hexdigest()
    block = 64
    if len(key) > block:
        key = bytes.fromhex(sm3_hex(key))
    key = key.ljust(block, b"\0")
    inner = bytes.fromhex(sm3_hex(bytes(b ^ 0x36 for b in key) + data))
    return sm3_hex(bytes(b ^ 0x5C for b in key) + inner)
