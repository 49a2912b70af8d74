"""The key that encrypts reporters' contact details (Fernet: AES-128-CBC with HMAC-SHA256).

The key comes from ``BDARS_SECRET_KEY`` if set, else from the key file that ``bdars init``
creates with owner-only permissions.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from pipelines.errors import SecretKeyError
from pipelines.settings import Settings


def create_key_file(path: Path) -> bool:
    """Create a new key file (mode 600) unless one exists; returns whether it created one."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(Fernet.generate_key())
    return True


def load_cipher(settings: Settings) -> Fernet:
    if settings.secret_key:
        return _fernet(settings.secret_key.encode(), "BDARS_SECRET_KEY")
    if not settings.key_file.exists():
        raise SecretKeyError(
            f"no encryption key: {settings.key_file} does not exist and BDARS_SECRET_KEY is not "
            "set. Run `bdars init` to create the key file."
        )
    return _fernet(settings.key_file.read_bytes().strip(), str(settings.key_file))


def _fernet(key: bytes, source: str) -> Fernet:
    try:
        return Fernet(key)
    except ValueError as error:
        raise SecretKeyError(
            f"the key in {source} is not a valid key (32 url-safe base64-encoded bytes). Unset "
            "BDARS_SECRET_KEY to use the key file that `bdars init` creates, or make a key with "
            "python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        ) from error


def encrypt(cipher: Fernet, text: str) -> bytes:
    return cipher.encrypt(text.encode("utf-8"))


def decrypt(cipher: Fernet, token: bytes) -> str:
    try:
        return cipher.decrypt(token).decode("utf-8")
    except InvalidToken as error:
        raise SecretKeyError(
            "a stored contact cannot be decrypted with this key: the key was changed or lost."
        ) from error
