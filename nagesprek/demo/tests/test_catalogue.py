"""The catalogue is consistent: the generator can rely on it, and CVs speak the vacancies' language."""

from __future__ import annotations

from nagesprek.demo.catalogue import ORGANISATIONS
from nagesprek.demo.catalogue.profiles import PROFILES
from nagesprek.demo.catalogue.types import PIPELINES
from nagesprek.vacancies.constants import VacancyStatus

VACANCIES = [v for org in ORGANISATIONS for v in org.vacancies]


def test_vacancies_point_at_known_departments_families_roles_and_pipelines():
    assert len({v.key for v in VACANCIES}) == len(VACANCIES)
    for org in ORGANISATIONS:
        departments = {d.name for d in org.departments}
        for vacancy in org.vacancies:
            assert vacancy.department in departments, vacancy.key
            assert vacancy.family in org.families, vacancy.key
            assert vacancy.role in PROFILES, vacancy.key
            assert vacancy.pipeline in PIPELINES, vacancy.key
            assert 0 <= vacancy.at_stage < len(PIPELINES[vacancy.pipeline]), vacancy.key
            assert (vacancy.closes >= 0) == (vacancy.status in (VacancyStatus.OPEN, VacancyStatus.DRAFT)), vacancy.key


def test_what_a_strong_candidate_holds_is_what_their_vacancies_ask_for():
    """A credential or key skill in a profile is, word for word, a must-have of a vacancy for that role."""
    for profile in PROFILES.values():
        musts = {r.label for v in VACANCIES if v.role == profile.key for r in v.requirements if r.must}
        assert set(profile.credentials) | set(profile.key_skills) <= musts, profile.key


def test_the_articles_stories_apply_to_vacancies_that_exist():
    keys = {v.key for v in VACANCIES}
    for org in ORGANISATIONS:
        for person in org.scripted:
            assert {a.vacancy for a in person.applications} <= keys
