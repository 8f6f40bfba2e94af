"""Signed tokens for candidate links (django.core.signing), one salt per purpose.

A token carries the CandidateLink row's id, its nonce, the candidate's id and the
link's validity in days, signed with SECRET_KEY and a timestamp. It is checked in
two steps: the signature and age here (a token older than its own validity is
expired, whatever the database says), and the row in ``selectors.resolve_link``
(the nonce must still match, the row must not be revoked or past ``expires_at``).

The clock is a parameter so tests can move time without sleeping or patching.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core import signing

from nagesprek.portal.constants import MAX_LINK_DAYS, LinkPurpose

Clock = Callable[[], float]


class TokenInvalid(Exception):
    """Not a token we signed for this purpose: mistyped, tampered with, or meant for something else."""


class TokenExpired(Exception):
    """A token we signed, but older than the validity it was issued with."""


@dataclass(frozen=True)
class LinkToken:
    link_id: int
    candidate_id: int
    nonce: str
    valid_days: int


class _ClockedSigner(signing.TimestampSigner):
    """TimestampSigner that reads the time from an injectable clock (both when signing and checking)."""

    def __init__(self, *, clock: Clock, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clock = clock

    def timestamp(self) -> str:
        return signing.b62_encode(int(self.clock()))

    def unsign(self, value: str, max_age: float | timedelta | None = None) -> str:
        result = signing.Signer.unsign(self, value)
        value, timestamp = result.rsplit(self.sep, 1)
        if max_age is not None:
            seconds = max_age.total_seconds() if isinstance(max_age, timedelta) else max_age
            if self.clock() - signing.b62_decode(timestamp) > seconds:
                raise signing.SignatureExpired("token older than its validity")
        return value


def _signer(purpose: str, clock: Clock) -> _ClockedSigner:
    # One salt per purpose: a token for one purpose never opens another.
    return _ClockedSigner(salt=f"nagesprek.portal.link.{LinkPurpose(purpose).value}", clock=clock)


def make_token(*, token: LinkToken, purpose: str, clock: Clock = time.time) -> str:
    """Sign ``token`` for ``purpose``; URL-safe (letters, digits, ``-``, ``_`` and ``:``)."""
    payload = {"l": token.link_id, "c": token.candidate_id, "n": token.nonce, "d": token.valid_days}
    return _signer(purpose, clock).sign_object(payload)


def read_token(value: str, *, purpose: str, clock: Clock = time.time) -> LinkToken:
    """Check the signature and age of ``value``; raises TokenInvalid or TokenExpired.

    The age is checked against the validity the token was issued with (at most
    MAX_LINK_DAYS), so ``max_age`` is the link's own validity.
    """
    signer = _signer(purpose, clock)
    try:
        payload = signer.unsign_object(value, max_age=timedelta(days=MAX_LINK_DAYS))
        token = LinkToken(
            link_id=int(payload["l"]),
            candidate_id=int(payload["c"]),
            nonce=str(payload["n"]),
            valid_days=int(payload["d"]),
        )
        signer.unsign_object(value, max_age=timedelta(days=token.valid_days))
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise TokenInvalid from error
    return token
