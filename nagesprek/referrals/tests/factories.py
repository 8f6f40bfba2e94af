"""A small organisation for referral tests: a rejected candidate, an advisor, a recruiter with an open vacancy."""

from __future__ import annotations

from dataclasses import dataclass

from nagesprek.accounts.models import User
from nagesprek.applications import services as application_services
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.candidates.models import Candidate
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consents.models import Consent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.referrals import services
from nagesprek.referrals.models import Referral
from nagesprek.vacancies.models import Vacancy
from nagesprek.vacancies.tests.factories import VacancyFactory


def actor_for(user: User, organisation: Organisation) -> Actor:
    roles = frozenset(m.role for m in user.memberships.filter(organisation=organisation))
    return Actor(user=user, organisation=organisation, roles=roles)


def rejected_application(organisation: Organisation, **candidate: object) -> Application:
    vacancy = VacancyFactory(organisation=organisation, title="Secretaresse")
    application = ApplicationFactory(vacancy=vacancy, **{f"candidate__{k}": v for k, v in candidate.items()})
    return application_services.close_application(application=application, status=ApplicationStatus.REJECTED, by=None)


def grant(candidate: Candidate, purpose: str = ConsentPurpose.REFERRAL) -> Consent:
    return consent_services.grant_consent(candidate=candidate, purpose=purpose, source=ConsentSource.CONVERSATION)


@dataclass
class World:
    organisation: Organisation
    advisor: User
    recruiter: User
    hr_lead: User
    rejected: Application
    vacancy: Vacancy

    @property
    def candidate(self) -> Candidate:
        return self.rejected.candidate

    def actor(self, user: User) -> Actor:
        return actor_for(user, self.organisation)

    def refer(self, **kwargs: object) -> Referral:
        arguments = {"note": "Sterke planner, past goed bij het secretariaat.", **kwargs}
        return services.refer_candidate(
            actor=self.actor(self.advisor), candidate=self.candidate, vacancy=self.vacancy, **arguments
        )


def make_world(*, consent: bool = True) -> World:
    organisation = OrganisationFactory()
    recruiter = member(organisation, Role.RECRUITER, full_name="Rik Recruiter")
    vacancy = VacancyFactory(organisation=organisation, title="Medisch secretaresse Oncologie")
    vacancy.recruiters.add(recruiter)
    world = World(
        organisation=organisation,
        advisor=member(organisation, Role.ADVISOR, full_name="Anna Adviseur"),
        recruiter=recruiter,
        hr_lead=member(organisation, Role.HR_LEAD),
        rejected=rejected_application(organisation, full_name="Marja de Groot"),
        vacancy=vacancy,
    )
    if consent:
        grant(world.candidate)
    return world
