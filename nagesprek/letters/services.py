"""Staff actions on a letter: opening the preview and downloading the PDF, both audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.emails.rendering import RenderedEmail
from nagesprek.letters import readability
from nagesprek.letters.context import letter_context
from nagesprek.letters.rendering import letter_language, render_letter, render_letter_pdf
from nagesprek.organisations.selectors import Actor
from nagesprek.portal.constants import DEFAULT_LINK_DAYS
from nagesprek.rejections.models import Rejection

# The preview cannot show the real personal link: it is made when the letter is sent.
SAMPLE_LINK_PATH = "/c/…/"


@dataclass(frozen=True)
class LetterPreview:
    language: str
    email: RenderedEmail
    letter_html: SafeString
    dutch: readability.Readability


@transaction.atomic
def open_letter_preview(*, actor: Actor, rejection: Rejection, language: str | None = None) -> LetterPreview:
    """The letter as the candidate will get it (default: in the letter's language) and the Dutch text's readability.

    The caller has checked access (``selectors.get_rejection_for_letter``). Records
    an audit event: the letter shows the candidate's reasons.
    """
    language = letter_language(rejection, language)
    url = settings.SITE_URL + SAMPLE_LINK_PATH
    valid_until = timezone.localdate() + timedelta(days=DEFAULT_LINK_DAYS)
    context = letter_context(rejection=rejection, candidate_url=url, link_valid_until=valid_until)
    email = render_letter(rejection=rejection, language=language, candidate_url=url, link_valid_until=valid_until)
    dutch = email if language == "nl" else render_letter(rejection=rejection, language="nl", candidate_url=url)
    with translation.override(language):
        letter_html = render_to_string("emails/rejection_letter/_content.html", context)
    _audit(actor, rejection, AuditAction.VIEW, "Letter preview opened")
    return LetterPreview(language=language, email=email, letter_html=letter_html, dutch=readability.measure(dutch.text))


@transaction.atomic
def export_letter_pdf(*, actor: Actor, rejection: Rejection, language: str | None = None) -> bytes:
    """The letter as PDF for a member of staff; recorded as an export of the candidate's data."""
    _audit(actor, rejection, AuditAction.EXPORT, "Letter downloaded as PDF")
    return render_letter_pdf(rejection=rejection, language=language)


def _audit(actor: Actor, rejection: Rejection, action: AuditAction, summary: str) -> None:
    record_event(
        organisation=actor.organisation,
        action=action,
        target=rejection,
        candidate_id=rejection.application.candidate_id,
        user=actor.user,
        summary=f"{summary} ({rejection.application.vacancy.reference})",
    )
