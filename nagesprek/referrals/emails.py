"""The e-mails of referrals and invitations, all through the outbox (``emails.services.queue_email``).

Each key names the referral or invitation, the moment and the recipient, so a retried request or a
sweep run twice queues every message once. Staff get a link to the page in the product; candidates get
a fresh personal link to their own page (``portal.services.issue_link``), where they see the status.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.emails.services import queue_email
from nagesprek.portal.services import issue_link
from nagesprek.referrals.models import Invitation, Referral

RECEIVED = "referral_received"
REMINDER = "referral_reminder"
ANSWERED = "referral_answered"
OUTCOME = "referral_outcome"
INVITATION = "talent_pool_invitation"


def _staff_url(referral: Referral) -> str:
    return settings.SITE_URL + reverse("referrals:detail", args=[referral.pk])


def _referral_context(referral: Referral, recipient: User | None = None) -> dict:
    return {
        "recipient_name": recipient.full_name if recipient else "",
        "candidate_name": referral.candidate.full_name,
        "vacancy_title": referral.vacancy.title,
        "vacancy_reference": referral.vacancy.reference,
        "advisor_name": referral.advisor.full_name if referral.advisor else "",
        "organisation_name": referral.organisation.name,
        "respond_by": referral.respond_by,
        "url": _staff_url(referral),
    }


def _to_staff(referral: Referral, *, moment: str, template: str, users, extra: dict | None = None) -> int:
    count = 0
    for user in users:
        queue_email(
            key=f"referral:{referral.pk}:{moment}:{user.pk}",
            to=user.email,
            template=template,
            context={**_referral_context(referral, user), **(extra or {})},
            language=user.language,
            organisation=referral.organisation,
            candidate_id=referral.candidate_id,
        )
        count += 1
    return count


def referral_received(referral: Referral) -> int:
    """Tell each recruiter of the vacancy that a referral waits for their answer."""
    return _to_staff(referral, moment="received", template=RECEIVED, users=referral.vacancy.recruiters.all())


def referral_reminder(referral: Referral, *, due_today: bool) -> int:
    """Remind each recruiter of the vacancy: the answer is due tomorrow (the working day before) or today."""
    moment = "due" if due_today else "before"
    users = referral.vacancy.recruiters.all()
    return _to_staff(referral, moment=moment, template=REMINDER, users=users, extra={"due_today": due_today})


def referral_answered(referral: Referral) -> int:
    """Tell the advisor who referred how the recruiter answered."""
    if referral.advisor is None:
        return 0
    extra = {
        "accepted": referral.application_id is not None,
        "decline_reason": referral.decline_reason,
        "recruiter_name": referral.responded_by.full_name if referral.responded_by else "",
    }
    return _to_staff(referral, moment="answered", template=ANSWERED, users=[referral.advisor], extra=extra)


def referral_outcome(referral: Referral) -> None:
    """Tell the candidate how the recruiter answered, with a personal link to their page."""
    candidate = referral.candidate
    queue_email(
        key=f"referral:{referral.pk}:outcome",
        to=candidate.email,
        template=OUTCOME,
        context={
            "candidate_name": candidate.full_name,
            "vacancy_title": referral.vacancy.title,
            "organisation_name": referral.organisation.name,
            "accepted": referral.application_id is not None,
            "decline_reason": referral.decline_reason,
            "candidate_url": issue_link(candidate=candidate) + "#referrals",
            "contact_email": referral.organisation.contact_email,
        },
        language=candidate.language,
        organisation=referral.organisation,
        candidate_id=candidate.pk,
    )


def invitation_sent(invitation: Invitation) -> None:
    """Invite the candidate to apply, with a personal link to their page, where they answer."""
    candidate = invitation.candidate
    queue_email(
        key=f"invitation:{invitation.pk}",
        to=candidate.email,
        template=INVITATION,
        context={
            "candidate_name": candidate.full_name,
            "vacancy_title": invitation.vacancy.title,
            "vacancy_location": invitation.vacancy.location,
            "closing_date": invitation.vacancy.closing_date,
            "organisation_name": invitation.organisation.name,
            "recruiter_name": invitation.invited_by.full_name if invitation.invited_by else "",
            "message": invitation.message,
            "candidate_url": issue_link(candidate=candidate) + f"#invitation-{invitation.pk}",
            "contact_email": invitation.organisation.contact_email,
            "today": timezone.localdate(),
        },
        language=candidate.language,
        organisation=invitation.organisation,
        candidate_id=candidate.pk,
    )
