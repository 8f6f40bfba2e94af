"""Writes to user accounts."""

from django.db import transaction

from nagesprek.accounts.constants import Language
from nagesprek.accounts.models import User


@transaction.atomic
def set_user_language(*, user: User, language: str) -> User:
    """Store the user's preferred language. Unknown codes are refused with ValueError."""
    if language not in Language.values:
        raise ValueError(f"unsupported language {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user
