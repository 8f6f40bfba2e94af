"""What a rejection letter says, as plain data: the context for the ``rejection_letter`` templates.

The same context feeds the e-mail (text and HTML), the PDF, the staff preview and,
per letter, the candidate page. All wording lives in the templates; this module
only gathers facts, so the letter reads the same in every form and language.

Keys (all always present unless marked optional):

- ``candidate_name``, ``organisation_name``, ``vacancy_title``, ``vacancy_reference``
- ``outcome`` (an ``Outcome`` value) and the flags ``is_rejected``, ``is_withdrawn``, ``is_cancelled``
- ``stage_moment``: ``"cv_screening"``, ``"interview"`` or ``"assessment"`` (the opening sentence
  differs); ``stage_name``: the stage's own name
- ``personal_note``: the recruiter's own words, or ``""``
- ``reasons``: for a rejection by the employer, one dict per reason (see ``reason_items``); else ``[]``
- ``candidate_url`` (may be ``""``: the PDF has no personal link) and ``link_valid_until`` (a date or None)
- ``fresh_link_url``: where anyone can ask for a new link by e-mail
- ``contact_email`` (may be ``""``), ``retention_days``, ``retention_weeks`` (None unless whole weeks)
- ``letter_date``: the date the letter carries

Optional, added by later capabilities; when absent (or empty) the templates render nothing
for them, not even a heading:

- ``advice``: a list of ``{"title": str, "text": str, ...}``: the rejection's advice items that are not
  removed (``advice.selectors.letter_advice``; filled by ``letter_context`` when there is any)
- ``fitting_vacancies``: a list of ``{"title": str, "url": str}``
- ``consultation_hour``: ``{"url": str, "next_starts_at": datetime, "minutes": int}`` (the open consultation
  hour with a recruiter; ``consultations.letter.consultation_offer``; ``url`` is ``""`` in the PDF)
- ``conversation_offer``: ``{"url": str, "deadline": date, "modes": [str]}`` (booking a conversation with a
  career advisor; ``url`` may be ``""`` without a personal link, ``deadline`` and ``modes`` may be absent;
  filled by ``letter_context`` from ``conversations.page.letter_offer`` when the policy offers one)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from nagesprek.rejections.constants import Outcome
from nagesprek.rejections.models import Rejection, RejectionReason
from nagesprek.vacancies.constants import StageKind

LATER_SECTIONS = ("advice", "fitting_vacancies", "conversation_offer", "consultation_hour")

_STAGE_MOMENTS: dict[str, str] = {
    StageKind.CV_SCREENING: "cv_screening",
    StageKind.INTERVIEW: "interview",
    StageKind.ASSESSMENT: "assessment",
    StageKind.OFFER: "interview",  # rejected at the offer stage: the candidate has had their interviews
}


def letter_context(
    *,
    rejection: Rejection,
    candidate_url: str,
    link_valid_until: date | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Everything the rejection_letter templates need, for this rejection.

    ``candidate_url`` is the candidate's personal link (``portal.services.issue_link``)
    or ``""`` (the PDF). Without ``link_valid_until`` the expiry date is read from
    the link itself when ``candidate_url`` is one of ours. Reads the application,
    vacancy, candidate, organisation, stage and reasons: select/prefetch them when
    building many letters (``portal.selectors.list_sent_rejections_for_candidate`` does).
    """
    application = rejection.application
    organisation = rejection.organisation
    retention_days = settings.RETENTION_DAYS_WITHOUT_CONSENT
    outcome = Outcome(rejection.outcome)
    context = {
        "candidate_name": application.candidate.full_name,
        "organisation_name": organisation.name,
        "vacancy_title": application.vacancy.title,
        "vacancy_reference": application.vacancy.reference,
        "outcome": outcome.value,
        "is_rejected": outcome == Outcome.REJECTED,
        "is_withdrawn": outcome == Outcome.WITHDRAWN,
        "is_cancelled": outcome == Outcome.CANCELLED,
        "stage_moment": _STAGE_MOMENTS.get(rejection.stage.kind, "interview"),
        "stage_name": rejection.stage.name,
        "personal_note": rejection.personal_note.strip(),
        "reasons": reason_items(rejection) if outcome == Outcome.REJECTED else [],
        "candidate_url": candidate_url,
        "link_valid_until": link_valid_until or _link_expiry(candidate_url),
        "fresh_link_url": settings.SITE_URL + reverse("portal:fresh_link"),
        "contact_email": organisation.contact_email,
        "retention_days": retention_days,
        "retention_weeks": retention_days // 7 if retention_days and retention_days % 7 == 0 else None,
        "letter_date": timezone.localdate(rejection.sent_at or rejection.decided_at or now or timezone.now()),
    }
    advice = _advice(rejection) if outcome == Outcome.REJECTED else []
    if advice:  # a later section: absent, not empty, when there is none (see above)
        context["advice"] = advice
    consultation_hour = _consultation_hour(rejection, candidate_url)
    if consultation_hour:
        context["consultation_hour"] = consultation_hour
    offer = _conversation_offer(rejection, candidate_url) if outcome == Outcome.REJECTED else None
    if offer:
        context["conversation_offer"] = offer
    return context


def reason_items(rejection: Rejection) -> list[dict[str, Any]]:
    """The reasons in letter order, each with what it concerns (requirement or criterion) in plain words."""
    return [_reason_item(reason) for reason in rejection.reasons.all()]


def _reason_item(reason: RejectionReason) -> dict[str, Any]:
    """One reason. A reason with a criterion is about that criterion (scored in a stage), else about a requirement."""
    criterion = reason.criterion
    if criterion is not None:
        requirement_description = criterion.requirement.description if criterion.requirement is not None else ""
        return {
            "explanation": reason.explanation.strip(),
            "about_kind": "criterion",
            "about": criterion.label,
            "is_must_have": None,
            "description": (criterion.description or requirement_description).strip(),
            "stage_name": criterion.stage.name,
        }
    requirement = reason.requirement
    assert requirement is not None  # the model's check constraint: a reason points at one or the other
    return {
        "explanation": reason.explanation.strip(),
        "about_kind": "requirement",
        "about": requirement.label,
        "is_must_have": requirement.is_must_have,
        "description": requirement.description.strip(),
        "stage_name": "",
    }


def _advice(rejection: Rejection) -> list[dict[str, Any]]:
    from nagesprek.advice.selectors import letter_advice  # advice reads rejections; import late to keep apps apart

    return letter_advice(rejection)


def _consultation_hour(rejection: Rejection, candidate_url: str) -> dict[str, Any] | None:
    from nagesprek.consultations.letter import consultation_offer  # consultations reads rejections; import late

    return consultation_offer(rejection=rejection, candidate_url=candidate_url)


def _conversation_offer(rejection: Rejection, candidate_url: str) -> dict[str, Any] | None:
    from nagesprek.conversations.page import letter_offer  # conversations reads rejections; import late

    return letter_offer(rejection=rejection, candidate_url=candidate_url)


def _link_expiry(candidate_url: str) -> date | None:
    if not candidate_url:
        return None
    from nagesprek.portal.selectors import link_for_url  # portal reads rejections; import late to keep apps apart

    link = link_for_url(candidate_url)
    return timezone.localdate(link.expires_at) if link is not None else None
