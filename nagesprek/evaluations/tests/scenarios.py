"""A ready-made procedure for scorecard tests."""

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.evaluations.constants import Rating
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.tests.factories import CriterionFactory, RequirementFactory, VacancyFactory


class Procedure:
    """A vacancy with two evaluators and a recruiter, an interview stage with two criteria, one applicant."""

    def __init__(self):
        self.organisation = OrganisationFactory()
        self.vacancy = VacancyFactory(organisation=self.organisation)
        self.cv_stage, self.interview, self.offer = self.vacancy.stages.order_by("position")
        self.requirement = RequirementFactory(vacancy=self.vacancy, label="Klantgericht")
        self.criteria = [
            CriterionFactory(stage=self.interview, requirement=self.requirement),
            CriterionFactory(stage=self.interview, competency="Helder uitleggen"),
        ]
        self.evaluator = member(self.organisation, Role.EVALUATOR)
        self.second_evaluator = member(self.organisation, Role.EVALUATOR)
        self.recruiter = member(self.organisation, Role.RECRUITER)
        self.vacancy.evaluators.set([self.evaluator, self.second_evaluator])
        self.vacancy.recruiters.set([self.recruiter])
        self.application = ApplicationFactory(vacancy=self.vacancy, stage=self.interview)

    def actor(self, user):
        return get_actor_for_user(user=user)

    def good_ratings(self):
        return [(self.criteria[0], Rating.MET, "Vroeg door."), (self.criteria[1], Rating.EXCEEDED, "")]
