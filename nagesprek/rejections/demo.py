"""Demo data for rejections: the gate rules, and letters already sent for past decisions.

Called from the demo loader (``nagesprek.demo.services._later_steps``) after the
profiles and scorecards exist, so every letter's reasons are drafted from the
candidate's own record, exactly as the product drafts them.
"""

from __future__ import annotations

import random

from django.db.models import Prefetch

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.models import Organisation
from nagesprek.rejections import selectors
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.defaults import install_default_gate_rules
from nagesprek.rejections.drafting import draft_reasons
from nagesprek.rejections.models import Rejection, RejectionReason
from nagesprek.vacancies.constants import StageKind

CLOSED_OUTCOMES = {
    ApplicationStatus.REJECTED: Outcome.REJECTED,
    ApplicationStatus.WITHDRAWN: Outcome.WITHDRAWN,
    ApplicationStatus.CANCELLED: Outcome.CANCELLED,
}


def add_demo_gate_rules(organisation: Organisation, rng: random.Random) -> int:
    install_default_gate_rules(organisation)
    return organisation.protected_grounds.count()


def add_demo_rejections(organisation: Organisation, rng: random.Random) -> int:
    """A sent letter for closed applications; a quarter of those rejected at CV screening got none (the old way).

    Those without a letter are what the timeliness figures and the dashboards warn about.
    Returns the number of letters created. Safe to run twice: applications that already
    have a rejection are skipped.
    """
    closing_changes = StageChange.objects.filter(status__in=list(CLOSED_OUTCOMES)).order_by("-changed_at")
    applications = (
        Application.objects.filter(organisation=organisation, status__in=list(CLOSED_OUTCOMES), rejection__isnull=True)
        .select_related("candidate", "vacancy", "stage")
        .prefetch_related("vacancy__recruiters", Prefetch("stage_changes", queryset=closing_changes, to_attr="closing"))
        .order_by("pk")
    )
    created = 0
    for application in applications:
        old_way = application.stage.kind == StageKind.CV_SCREENING and rng.random() < 0.25
        if application.status == ApplicationStatus.REJECTED and old_way:
            continue
        created += _sent_rejection(organisation, application)
    return created


def _sent_rejection(organisation: Organisation, application: Application) -> int:
    outcome = CLOSED_OUTCOMES[ApplicationStatus(application.status)]
    closing = getattr(application, "closing", [])  # prefetched: the change that closed it, newest first
    decided_at = closing[0].changed_at if closing else application.closed_at
    language = application.candidate.language
    drafts = []
    if outcome == Outcome.REJECTED:
        record = selectors.load_rejection_record(
            application=application,
            requirements_version=application.vacancy.requirements_version,
            language=language,
            today=decided_at.date() if decided_at else None,
        )
        drafts = draft_reasons(record)
        if not drafts:
            return 0  # nothing in the record supports a reason: this one only got a standard reply back then
    recruiter = next(iter(application.vacancy.recruiters.all()), None)
    rejection = Rejection.objects.create(
        organisation=organisation,
        application=application,
        outcome=outcome,
        stage=application.stage,
        requirements_version=application.vacancy.requirements_version,
        status=RejectionStatus.SENT,
        language=language,
        decided_by=recruiter,
        decided_at=decided_at,
        send_at=decided_at,
        sent_at=decided_at,
    )
    RejectionReason.objects.bulk_create(
        RejectionReason.from_draft(rejection, draft, position) for position, draft in enumerate(drafts)
    )
    return 1


def add_demo_letters(organisation: Organisation, rng: random.Random) -> int:
    """The letters of the demo's sent rejections, as the outbox recorded them; run after the advice.

    Each is rendered exactly as the product renders a letter (reasons, approved advice, the
    candidate's personal link) and recorded as delivered on the day of the decision.
    Safe to run twice: rejections that have their letter are skipped.
    """
    from nagesprek.letters.rendering import render_letter
    from nagesprek.portal.services import issue_link

    rejections = Rejection.objects.filter(
        organisation=organisation, status=RejectionStatus.SENT, outbox_message__isnull=True
    ).select_related("organisation", "application__candidate", "application__vacancy", "stage")
    count = 0
    for rejection in rejections.order_by("pk"):
        candidate = rejection.application.candidate
        letter = render_letter(rejection=rejection, candidate_url=issue_link(candidate=candidate))
        rejection.outbox_message = OutboxMessage.objects.create(
            key=f"rejection:{rejection.pk}",
            organisation=organisation,
            recipient=candidate.email,
            language=rejection.language,
            template="rejection_letter",
            subject=letter.subject[:300],
            body_text=letter.text,
            body_html=letter.html,
            candidate_id=candidate.pk,
            status=OutboxStatus.SENT,
            attempts=1,
            sent_at=rejection.sent_at,
        )
        rejection.save(update_fields=["outbox_message"])
        count += 1
    return count
