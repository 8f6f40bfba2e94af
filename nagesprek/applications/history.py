"""Re-application memory: when a candidate applies again, what happened before and which gaps have closed since.

For an application, ``reapplication_memory`` lists the candidate's earlier
applications in the same organisation (a Candidate belongs to one organisation,
so "the same person" is the same e-mail address there): the vacancy, when they
applied, how it ended, and, for a rejection letter that was sent, the reasons
it gave. For every reason that pointed at a requirement (a must-have not met, a
qualification expired, or a recruiter's reason about a requirement) it says
whether the gap **has since closed**: the requirement, as published then, is
assessed against the candidate's *current* profile with
``rejections.assessment.assess_requirements`` ("Deelcertificaat Anesthesiologie:
then not met, now in the profile (obtained 1 September 2026)"). Reasons about a
criterion were judged in a selection, not from the profile; the new procedure
judges them again, so they get no verdict here.

**Who sees what** (decided here; tested in ``tests/test_history.py``):

* recruiters, HR leads and privacy officers see the earlier outcomes, the
  reasons and the gaps. Recruiters decide on the new application; HR leads
  review rejections; privacy officers answer access requests, and the reasons
  were sent to the candidate, so none of it is secret from the file.
* career advisors see the same, in the preparation brief of a conversation
  (``advising.brief``): the candidate brings those letters to the
  conversation, and what has closed since is where the advice starts.
* evaluators see only that the candidate applied before and how it ended, not
  the reasons or gaps. They score this procedure against its own criteria; the
  reasons of an earlier one (often another vacancy they have no access to)
  would anchor that judgement without helping it, and minimal data is the rule
  (AVG art. 5(1)(c)). The outcome alone tells them the history exists and
  where to ask.

Only what the candidate was actually sent counts as a reason: drafts, letters in
review and letters held back are not part of the memory.

Reading it is part of opening the application, which the application view
already records in the audit log. Queries: one for the earlier applications,
four for the sent rejections with their reasons, none for the profile when the
caller passes the candidate with its profile loaded (four otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.candidates.selectors import with_profile
from nagesprek.matching.vocabulary import OrganisationMatcher
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import selectors as rejection_selectors
from nagesprek.rejections.assessment import (
    QUALIFICATION_KINDS,
    CandidateProfile,
    FactKind,
    NameMatcher,
    RequirementAssessment,
    Status,
    assess_requirements,
)
from nagesprek.rejections.constants import ReasonSource
from nagesprek.rejections.models import Rejection, RejectionReason
from nagesprek.vacancies.constants import EducationLevel

REASON_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ADVISOR)


@dataclass(frozen=True)
class GapNow:
    """An earlier gap measured against today's profile."""

    then: str  # what the letter said then, in words ("not met", "expired")
    now: str  # what the profile shows now ("in the profile", "level C1 (asked C1)")
    status: Status
    obtained_on: date | None = None  # when the qualification that closed the gap was obtained, if recorded

    @property
    def closed(self) -> bool:
        return self.status in (Status.MET, Status.EXPIRING)

    @property
    def unknown(self) -> bool:
        return self.status == Status.UNKNOWN


@dataclass(frozen=True)
class EarlierReason:
    about: str  # the requirement or criterion
    explanation: str  # as the candidate read it
    gap: GapNow | None  # None for a reason about a criterion


@dataclass(frozen=True)
class EarlierApplication:
    application: Application
    sent_on: date | None  # when the rejection letter went out, if one did
    reasons: tuple[EarlierReason, ...] = ()


@dataclass(frozen=True)
class Memory:
    earlier: tuple[EarlierApplication, ...]
    shows_reasons: bool

    @property
    def closed_gaps(self) -> int:
        return sum(1 for e in self.earlier for r in e.reasons if r.gap is not None and r.gap.closed)


def shows_reasons(actor: Actor) -> bool:
    return actor.has_role(*REASON_ROLES)


def reapplication_memory(
    *, actor: Actor, application: Application, candidate: Candidate | None = None, today: date | None = None
) -> Memory:
    """The candidate's earlier applications (newest first) as the actor may see them; empty when there are none.

    The caller has already checked that the actor may open ``application``.
    ``candidate``: the application's candidate with its profile prefetched, if
    the caller has it.
    """
    earlier = list(
        Application.objects.filter(candidate_id=application.candidate_id, organisation_id=application.organisation_id)
        .filter(Q(applied_at__lt=application.applied_at) | Q(applied_at=application.applied_at, pk__lt=application.pk))
        .select_related("vacancy", "stage")
        .order_by("-applied_at", "-pk")
    )
    if not earlier:
        return Memory((), shows_reasons(actor))
    if not shows_reasons(actor):
        return Memory(tuple(EarlierApplication(a, None) for a in earlier), False)
    if candidate is None or candidate.pk != application.candidate_id:
        candidate = with_profile(Candidate.objects.filter(pk=application.candidate_id)).get()
    profile = rejection_selectors.candidate_profile(candidate)
    sent = _sent_rejections(candidate, {a.pk for a in earlier})
    today = today or timezone.localdate()
    matcher = OrganisationMatcher(application.organisation_id)  # the same words as the letters' reasons
    return Memory(
        tuple(
            EarlierApplication(
                a,
                timezone.localdate(sent[a.pk].sent_at) if a.pk in sent and sent[a.pk].sent_at else None,
                tuple(_reason(r, profile, today, matcher) for r in sent[a.pk].reasons.all()) if a.pk in sent else (),
            )
            for a in earlier
        ),
        True,
    )


def _sent_rejections(candidate: Candidate, application_ids: set[int]) -> dict[int, Rejection]:
    rejections = rejection_selectors.list_reasons_for_candidate(candidate=candidate)
    return {r.application_id: r for r in rejections if r.application_id in application_ids}


def _reason(reason: RejectionReason, profile: CandidateProfile, today: date, matcher: NameMatcher) -> EarlierReason:
    if reason.criterion is not None:
        return EarlierReason(reason.criterion.label, reason.explanation, None)
    requirement = reason.requirement
    assert requirement is not None  # the model's check constraint: a reason points at one or the other
    spec = rejection_selectors.requirement_spec(requirement)
    assessment = assess_requirements([spec], profile, today, matcher=matcher)[0]
    return EarlierReason(requirement.label, reason.explanation, _gap(reason, assessment, profile))


def _gap(reason: RejectionReason, assessment: RequirementAssessment, profile: CandidateProfile) -> GapNow:
    then = {
        ReasonSource.UNMET_REQUIREMENT: _("not met"),
        ReasonSource.EXPIRED_QUALIFICATION: _("expired"),
    }.get(ReasonSource(reason.source), _("named as a reason"))
    return GapNow(then, describe_now(assessment), assessment.status, _obtained_on(assessment, profile))


def _obtained_on(assessment: RequirementAssessment, profile: CandidateProfile) -> date | None:
    """The issue date of the qualification that meets the requirement now (the one valid longest, as assessed)."""
    if assessment.requirement.kind not in QUALIFICATION_KINDS or assessment.status not in (Status.MET, Status.EXPIRING):
        return None
    held = [q for q in profile.qualifications if q.name in assessment.matched]
    best = max(held, key=lambda q: q.expires_on or date.max, default=None)
    return best.issued_on if best is not None else None


def describe_now(assessment: RequirementAssessment) -> str:
    """What the current profile shows for the requirement, short, in the active language."""
    fact = assessment.fact
    labels = dict(EducationLevel.choices) if fact.kind == FactKind.EDUCATION else {}
    params = {
        "held": labels.get(fact.held, fact.held),
        "asked": labels.get(fact.asked, fact.asked),
        "date": formats.date_format(fact.on, "j F Y") if fact.on else "",
    }
    texts = {
        FactKind.HELD: _("in the profile"),
        FactKind.EXPIRES_ON: _("in the profile, valid until %(date)s"),
        FactKind.EXPIRED_ON: _("expired on %(date)s"),
        FactKind.NOT_IN_PROFILE: _("not in the profile"),
        FactKind.LANGUAGE_LEVEL: _("level %(held)s (asked: %(asked)s)"),
        FactKind.LANGUAGE_MISSING: _("not in the profile"),
        FactKind.EXPERIENCE_YEARS: _("%(held)s years (asked: %(asked)s)"),
        FactKind.EDUCATION: _("%(held)s (asked: %(asked)s)"),
        FactKind.NOTHING_RECORDED: _("the profile says nothing either way"),
        FactKind.JUDGED_IN_SELECTION: _("judged in the selection, not from the profile"),
    }
    return texts[fact.kind] % params
