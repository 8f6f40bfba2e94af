"""A small, realistic record to reject: a vacancy with requirements and criteria, a candidate, scorecards."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.applications.models import Application
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.candidates.models import Candidate, LanguageSkill, Qualification
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections.defaults import install_default_gate_rules
from nagesprek.vacancies.constants import RequirementKind
from nagesprek.vacancies.models import Criterion, Requirement, Stage, Vacancy
from nagesprek.vacancies.tests.factories import VacancyFactory

GOOD_REASON = "De functie vraagt Nederlands op C1-niveau, schriftelijk. Uw schrijfopdracht liet niveau B1 zien."


def actor_for(user: User, organisation: Organisation) -> Actor:
    roles = frozenset(m.role for m in user.memberships.filter(organisation=organisation))
    return Actor(user=user, organisation=organisation, roles=roles)


@dataclass
class Setting:
    organisation: Organisation
    vacancy: Vacancy
    interview: Stage
    big: Requirement  # must-have registration the candidate holds, expired
    dutch: Requirement  # must-have language, the candidate has B1 of C1
    excel: Requirement  # nice-to-have skill, missing
    planning: Criterion  # competency, rated low
    teamwork: Criterion  # competency, rated well
    dutch_criterion: Criterion
    recruiter: User
    application: Application
    candidate: Candidate

    def actor(self, user: User | None = None) -> Actor:
        return actor_for(user or self.recruiter, self.organisation)

    def rate(self, application: Application, criterion: Criterion, rating: int, evidence: str = "") -> CriterionRating:
        evaluator = member(self.organisation, Role.EVALUATOR)
        scorecard = Scorecard.objects.create(
            application=application, stage=self.interview, evaluator=evaluator, submitted_at=timezone.now()
        )
        return CriterionRating.objects.create(
            scorecard=scorecard, criterion=criterion, rating=rating, evidence=evidence or "Wat we zagen."
        )

    def other_application(self) -> Application:
        return ApplicationFactory(vacancy=self.vacancy, stage=self.interview)


def make_setting(*, four_eyes: bool = False, rules: bool = True) -> Setting:
    organisation = OrganisationFactory(four_eyes_review=four_eyes)
    if rules:
        install_default_gate_rules(organisation)
    vacancy = VacancyFactory(organisation=organisation, title="Anesthesiemedewerker")
    interview = vacancy.stages.get(position=1)
    big = Requirement.objects.create(
        vacancy=vacancy, kind=RequirementKind.REGISTRATION, label="BIG-registratie", is_must_have=True, position=0
    )
    dutch = Requirement.objects.create(
        vacancy=vacancy, kind=RequirementKind.LANGUAGE, label="Nederlands", level="C1", is_must_have=True, position=1
    )
    excel = Requirement.objects.create(
        vacancy=vacancy, kind=RequirementKind.SKILL, label="Excel", is_must_have=False, position=2
    )
    planning = Criterion.objects.create(stage=interview, competency="Plannen en organiseren", position=0)
    teamwork = Criterion.objects.create(stage=interview, competency="Samenwerken", position=1)
    dutch_criterion = Criterion.objects.create(stage=interview, requirement=dutch, position=2)
    recruiter = member(organisation, Role.RECRUITER, full_name="Rita Recruiter")
    vacancy.recruiters.add(recruiter)
    candidate = CandidateFactory(organisation=organisation, full_name="Sanne de Vries", language="nl")
    Qualification.objects.create(
        candidate=candidate, kind="registration", name="BIG registratie", expires_on=datetime.date(2020, 3, 3)
    )
    LanguageSkill.objects.create(candidate=candidate, language="Nederlands", level="B1")
    application = ApplicationFactory(vacancy=vacancy, candidate=candidate, organisation=organisation, stage=interview)
    setting = Setting(
        organisation, vacancy, interview, big, dutch, excel, planning, teamwork, dutch_criterion, recruiter,
        application, candidate,
    )  # fmt: skip
    setting.rate(application, planning, 1, "Kon geen voorbeeld geven van een eigen planning.")
    setting.rate(application, teamwork, 3, "Werkte goed samen in de groepsopdracht.")
    return setting
