"""The shape of an API key: ``ngs_<prefix>_<secret>``. Plain Python (no Django).

The prefix (8 random hex characters) finds the stored row; the secret (43 URL-safe characters, 256 bits)
is what makes the key hard to guess. Only SHA-256 of the whole key is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

SCHEME = "ngs"
_PATTERN = re.compile(r"^ngs_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class NewKey:
    prefix: str  # "ngs_1a2b3c4d": stored in the clear
    key: str  # the whole key: shown once, never stored
    key_hash: str


def new_key() -> NewKey:
    """A fresh random key with its prefix and hash."""
    prefix = f"{SCHEME}_{secrets.token_hex(4)}"
    key = f"{prefix}_{secrets.token_urlsafe(32)}"
    return NewKey(prefix=prefix, key=key, key_hash=hash_key(key))


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def prefix_of(key: str) -> str | None:
    """The prefix of a well-formed key, or None (so a malformed one never reaches the database)."""
    found = _PATTERN.match(key)
    return f"{SCHEME}_{found.group(1)}" if found else None


def matches(key: str, key_hash: str) -> bool:
    """Whether ``key`` is the key behind ``key_hash``, compared in constant time."""
    return hmac.compare_digest(hash_key(key), key_hash)
