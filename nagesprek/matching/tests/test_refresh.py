"""The index follows the vacancies: a change committed through the services is suggested at once."""

import datetime

import pytest

from nagesprek.matching import index
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.services import VacancyDetails, create_vacancy, update_vacancy

pytestmark = pytest.mark.django_db(transaction=True)


def details(**changes):
    base = dict(
        reference="ZD-9001",
        title="Anesthesiemedewerker Dagbehandeling",
        department="Anesthesie",
        job_family="Anesthesie en OK",
        description="Je bewaakt patiënten tijdens korte ingrepen.",
        location="Delft",
        hours_min=24,
        hours_max=32,
        closing_date=datetime.date.today() + datetime.timedelta(days=20),
        status=VacancyStatus.OPEN,
        recruiters=[],
        evaluators=[],
    )
    base.update(changes)
    return VacancyDetails(**base)


def test_a_vacancy_closed_through_the_service_leaves_the_index_and_a_new_one_enters():
    organisation = OrganisationFactory()
    actor = get_actor_for_user(user=member(organisation, Role.RECRUITER))
    index._INDEXES.clear()
    built = index.index_for(organisation)  # built before the vacancy exists

    vacancy = create_vacancy(actor=actor, details=details())
    assert vacancy.pk in built.vacancies.rows

    update_vacancy(actor=actor, vacancy=vacancy, details=details(status=VacancyStatus.CLOSED))
    assert vacancy.pk not in index.index_for(organisation).vacancies.rows
