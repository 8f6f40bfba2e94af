"""Reads of rejections with their access rules, and the plain records that drafting and the gate work on.

Who may do what (decided here, tested per role in tests/test_views.py):

* **Decide** (start, edit, submit a rejection): any *recruiter* of the
  organisation, not only the vacancy's own recruiters. Applications are already
  open to every recruiter of the organisation, colleagues take over each other's
  vacancies during leave, and a vacancy without an assigned recruiter must not
  leave its candidates unanswered. The decider is recorded on the rejection and
  in the audit log.
* **Review** (four-eyes): a recruiter or an HR lead who is not the decider.
* **Read** a rejection: recruiters, HR leads and privacy officers (who answer
  access requests); evaluators see only its status on the application page.
* **Gate rules**: organisation admins view and edit them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Avg, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.evaluations.models import CriterionRating
from nagesprek.matching.vocabulary import OrganisationMatcher
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import assessment, defaults
from nagesprek.rejections.constants import ProtectedGroundKind, RejectionStatus
from nagesprek.rejections.drafting import CriterionRecord, RatingRecord, RejectionRecord
from nagesprek.rejections.gate import GateRules, GroundRule
from nagesprek.rejections.models import BoilerplatePhrase, ProtectedGround, Rejection
from nagesprek.vacancies.models import Criterion, Requirement

DECIDER_ROLES = (Role.RECRUITER,)
REVIEWER_ROLES = (Role.RECRUITER, Role.HR_LEAD)
VIEW_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.PRIVACY_OFFICER)
RULES_ROLES = (Role.ORG_ADMIN,)


def _rejections(actor: Actor) -> QuerySet[Rejection]:
    return Rejection.objects.filter(organisation=actor.organisation).select_related(
        "application__candidate",
        "application__vacancy",
        "application__stage",
        "stage",
        "decided_by",
        "reviewed_by",
        "outbox_message",
    )


def get_rejection_for_actor(*, actor: Actor, rejection_id: int) -> Rejection:
    """One rejection with its reasons; 404 outside the actor's organisation or for roles that may not read it."""
    if not actor.has_role(*VIEW_ROLES):
        raise Http404
    rejection = (
        _rejections(actor)
        .prefetch_related("reasons__requirement", "reasons__criterion__requirement", "reasons__criterion__stage")
        .filter(pk=rejection_id)
        .first()
    )
    if rejection is None:
        raise Http404
    return rejection


def get_application_to_reject(*, actor: Actor, application_id: int) -> Application:
    """An application the actor may reject (recruiters of its organisation); 404 otherwise."""
    if not actor.has_role(*DECIDER_ROLES):
        raise Http404
    application = (
        Application.objects.filter(organisation=actor.organisation, pk=application_id)
        .select_related("candidate", "vacancy", "stage")
        .first()
    )
    if application is None:
        raise Http404
    return application


def get_rejection_for_application(*, application: Application) -> Rejection | None:
    return (
        Rejection.objects.filter(application=application)
        .select_related("decided_by", "reviewed_by", "outbox_message")
        .first()
    )


def list_rejections_for_review(*, actor: Actor) -> QuerySet[Rejection]:
    """Rejections waiting for a second person's approval, oldest first; 404 for roles that do not review."""
    if not actor.has_role(*REVIEWER_ROLES):
        raise Http404
    return (
        _rejections(actor)
        .filter(status=RejectionStatus.IN_REVIEW)
        .prefetch_related("reasons__requirement", "reasons__criterion__requirement")
        .order_by("decided_at", "id")
    )


def count_rejections_for_review(*, actor: Actor) -> int:
    if not actor.has_role(*REVIEWER_ROLES):
        return 0
    pending = Rejection.objects.filter(organisation=actor.organisation, status=RejectionStatus.IN_REVIEW)
    return pending.exclude(decided_by=actor.user).count()


def list_reasons_for_candidate(*, candidate: Candidate) -> QuerySet[Rejection]:
    """The candidate's sent rejections, newest first, each with ``reasons`` (and their requirement/criterion).

    For the candidate page and re-application memory: only what the candidate
    was actually sent. The caller has already established who is asking.
    """
    return (
        Rejection.objects.filter(application__candidate=candidate, status=RejectionStatus.SENT)
        .select_related("application__vacancy", "stage")
        .prefetch_related("reasons__requirement", "reasons__criterion__requirement")
        .order_by("-sent_at", "-id")
    )


def requirements_in_version(*, vacancy_id: int, version: int) -> QuerySet[Requirement]:
    """The vacancy's requirements as published in ``version`` (the yardstick of an application)."""
    return Requirement.objects.filter(
        Q(retired_in_version__isnull=True) | Q(retired_in_version__gt=version),
        vacancy_id=vacancy_id,
        introduced_in_version__lte=version,
    ).order_by("position", "pk")


def criteria_in_version(*, vacancy_id: int, version: int) -> QuerySet[Criterion]:
    """Criteria of the vacancy's stages that are competencies or tied to a requirement of ``version``."""
    requirement_ids = requirements_in_version(vacancy_id=vacancy_id, version=version).values("pk")
    return (
        Criterion.objects.filter(stage__vacancy_id=vacancy_id)
        .filter(Q(requirement__isnull=True) | Q(requirement__in=requirement_ids))
        .select_related("stage", "requirement")
        .order_by("stage__position", "position", "pk")
    )


def targets_for_rejection(*, rejection: Rejection) -> tuple[list[Requirement], list[Criterion]]:
    """What a reason of this rejection may point at: requirements and criteria of its requirements version."""
    vacancy_id = rejection.application.vacancy_id
    version = rejection.requirements_version
    return (
        list(requirements_in_version(vacancy_id=vacancy_id, version=version)),
        list(criteria_in_version(vacancy_id=vacancy_id, version=version)),
    )


def candidate_profile(candidate: Candidate) -> assessment.CandidateProfile:
    """The candidate's profile as assessment reads it. Prefetch ``candidates.selectors.PROFILE_PREFETCHES``
    when building many (four queries per call otherwise)."""
    return assessment.CandidateProfile(
        education_level=candidate.education_level,
        qualifications=tuple(
            assessment.QualificationFact(q.name, q.kind, q.issued_on, q.expires_on)
            for q in candidate.qualifications.all()
        ),
        skills=tuple(s.name for s in candidate.skills.all()),
        languages=tuple(assessment.LanguageFact(lang.language, lang.level) for lang in candidate.languages.all()),
        experiences=tuple(assessment.ExperienceFact(e.role, e.years, e.sector) for e in candidate.experiences.all()),
    )


def requirement_spec(requirement: Requirement) -> assessment.RequirementSpec:
    """A requirement row as assessment reads it."""
    return assessment.RequirementSpec(
        id=requirement.pk,
        kind=requirement.kind,
        label=requirement.label,
        is_must_have=requirement.is_must_have,
        level=requirement.level,
        years=requirement.years,
        description=requirement.description,
    )


def _best_other_means(application: Application, criterion_ids: list[int]) -> dict[int, float]:
    """Per criterion, the highest mean rating any *other* application of the vacancy got (one query)."""
    rows = (
        CriterionRating.objects.filter(
            criterion_id__in=criterion_ids,
            scorecard__submitted_at__isnull=False,
            scorecard__application__vacancy_id=application.vacancy_id,
        )
        .exclude(scorecard__application_id=application.pk)
        .values("criterion_id", "scorecard__application_id")
        .annotate(mean=Avg("rating"))
        .order_by()
    )
    best: dict[int, float] = {}
    for row in rows:
        best[row["criterion_id"]] = max(best.get(row["criterion_id"], 0.0), float(row["mean"]))
    return best


def load_rejection_record(
    *, application: Application, requirements_version: int, language: str, today: date | None = None
) -> RejectionRecord:
    """The record drafting reads, in 8 queries whatever its size (requirements, 4 profile parts, criteria, ratings,
    other candidates' ratings). ``application.candidate`` must be loaded already (select_related)."""
    vacancy_id = application.vacancy_id
    published = requirements_in_version(vacancy_id=vacancy_id, version=requirements_version)
    requirements = [requirement_spec(r) for r in published]
    profile = candidate_profile(application.candidate)
    criteria = list(criteria_in_version(vacancy_id=vacancy_id, version=requirements_version))
    own: dict[int, list[RatingRecord]] = defaultdict(list)
    ratings = CriterionRating.objects.filter(
        scorecard__application=application,
        scorecard__submitted_at__isnull=False,
        criterion__in=[c.pk for c in criteria],
    ).select_related("scorecard__evaluator")
    for rating in ratings.order_by("scorecard__submitted_at", "pk"):
        own[rating.criterion_id].append(
            RatingRecord(rating.rating, rating.evidence, rating.scorecard.evaluator.full_name)
        )
    best = _best_other_means(application, [c.pk for c in criteria])
    return RejectionRecord(
        language=language,
        today=today or timezone.localdate(),
        requirements=tuple(requirements),
        profile=profile,
        matcher=OrganisationMatcher(application.candidate.organisation_id),
        criteria=tuple(
            CriterionRecord(c.pk, c.label, c.stage.name, c.requirement_id, tuple(own[c.pk]), best.get(c.pk))
            for c in criteria
        ),
    )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def load_gate_rules(*, organisation: Organisation) -> GateRules:
    """The organisation's gate rules (2 queries).

    An organisation without any protected-ground rows (created before its
    defaults were installed) is checked against the built-in defaults: the gate
    never silently lets everything through.
    """
    grounds = list(ProtectedGround.objects.filter(organisation=organisation))
    phrases = list(BoilerplatePhrase.objects.filter(organisation=organisation).values_list("phrase", flat=True))
    if not grounds:
        return default_gate_rules()
    return GateRules(
        grounds=tuple(
            GroundRule(
                g.ground,
                str(g.get_ground_display()),
                _lines(g.terms),
                _lines(g.exceptions),
                g.explanation_nl,
                g.explanation_en,
            )
            for g in grounds
        ),
        boilerplate=tuple(phrases),
    )


def default_gate_rules() -> GateRules:
    """The built-in defaults as rules, without the database (also what tests of phrasings run against)."""
    return GateRules(
        grounds=tuple(
            GroundRule(
                str(d.ground),
                str(ProtectedGroundKind(d.ground).label),
                d.terms,
                d.exceptions,
                d.explanation_nl,
                d.explanation_en,
            )
            for d in defaults.DEFAULT_GROUNDS
        ),
        boilerplate=defaults.DEFAULT_BOILERPLATE,
    )


def list_gate_rules_for_actor(*, actor: Actor) -> tuple[QuerySet[ProtectedGround], QuerySet[BoilerplatePhrase]]:
    """The organisation's protected grounds and stock phrases; 404 for anyone but its admins."""
    if not actor.has_role(*RULES_ROLES):
        raise Http404
    return (
        ProtectedGround.objects.filter(organisation=actor.organisation).order_by("ground"),
        BoilerplatePhrase.objects.filter(organisation=actor.organisation).order_by("phrase"),
    )


def get_protected_ground_for_actor(*, actor: Actor, ground_id: int) -> ProtectedGround:
    grounds, _phrases = list_gate_rules_for_actor(actor=actor)
    ground = grounds.filter(pk=ground_id).first()
    if ground is None:
        raise Http404
    return ground


def get_boilerplate_phrase_for_actor(*, actor: Actor, phrase_id: int) -> BoilerplatePhrase:
    _grounds, phrases = list_gate_rules_for_actor(actor=actor)
    phrase = phrases.filter(pk=phrase_id).first()
    if phrase is None:
        raise Http404
    return phrase
