"""The words a candidate agrees to. Stored with each consent in the language it was shown in."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext

from nagesprek.consents.constants import ConsentPurpose


def consent_wording(*, purpose: str, organisation_name: str, language: str) -> str:
    """The full sentence the candidate agrees to, in ``language``."""
    with translation.override(language):
        if purpose == ConsentPurpose.TALENT_POOL:
            return gettext(
                "I agree that %(organisation)s keeps my application data (CV, qualifications, skills) for up to "
                "12 months, to see whether I fit another vacancy. A person looks at each suggestion. I can "
                "withdraw this at any time; then my data is no longer used for this."
            ) % {"organisation": organisation_name}
        return gettext(
            "I agree that %(organisation)s passes my application data to a colleague inside the organisation "
            "for another job, for up to 12 months. I can withdraw this at any time."
        ) % {"organisation": organisation_name}
