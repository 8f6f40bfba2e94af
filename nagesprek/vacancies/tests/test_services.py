"""Vacancy set-up: details, requirements (frozen and versioned), stages and criteria."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.evaluations.tests.factories import CriterionRatingFactory, ScorecardFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import DepartmentFactory, OrganisationFactory, member
from nagesprek.vacancies import services
from nagesprek.vacancies.constants import RequirementKind, StageKind, VacancyStatus
from nagesprek.vacancies.models import Criterion, Requirement, RequirementChange, Stage, Vacancy
from nagesprek.vacancies.services import RequirementData, VacancyDetails
from nagesprek.vacancies.tests.factories import (
    CriterionFactory,
    JobFamilyFactory,
    RequirementFactory,
    StageFactory,
    VacancyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def recruiter(organisation):
    return get_actor_for_user(user=member(organisation, Role.RECRUITER))


def details(organisation, **overrides):
    values = {
        "reference": "KCC-2026-01",
        "title": "Medewerker klantcontact",
        "department": DepartmentFactory(organisation=organisation),
        "job_family": JobFamilyFactory(organisation=organisation),
        "description": "Je helpt burgers aan de telefoon.",
        "location": "Amsterdam",
        "hours_min": 24,
        "hours_max": 36,
        "closing_date": datetime.date.today() + datetime.timedelta(days=20),
        "status": VacancyStatus.OPEN,
    }
    return VacancyDetails(**(values | overrides))


# --- vacancies ---


def test_create_vacancy_starts_with_the_default_pipeline_and_is_published(organisation, recruiter):
    evaluator = member(organisation, Role.EVALUATOR)
    vacancy = services.create_vacancy(
        actor=recruiter, details=details(organisation, recruiters=[recruiter.user], evaluators=[evaluator])
    )
    assert vacancy.organisation == organisation
    assert [s.kind for s in vacancy.stages.order_by("position")] == [
        StageKind.CV_SCREENING,
        StageKind.INTERVIEW,
        StageKind.OFFER,
    ]
    assert vacancy.published_at is not None
    assert list(vacancy.evaluators.all()) == [evaluator]


def test_create_vacancy_with_new_department_and_job_family_creates_them(organisation, recruiter):
    vacancy = services.create_vacancy(
        actor=recruiter, details=details(organisation, department="Nieuwe afdeling", job_family="Nieuwe familie")
    )
    assert vacancy.department.name == "Nieuwe afdeling"
    assert vacancy.department.organisation == organisation
    assert vacancy.job_family.name == "Nieuwe familie"


def test_reference_is_unique_within_the_organisation_only(organisation, recruiter):
    VacancyFactory(organisation=organisation, reference="KCC-2026-01")
    with pytest.raises(ValidationError) as error:
        services.create_vacancy(actor=recruiter, details=details(organisation, reference="kcc-2026-01"))
    assert "reference" in error.value.message_dict
    other = OrganisationFactory()
    other_recruiter = get_actor_for_user(user=member(other, Role.RECRUITER))
    assert services.create_vacancy(actor=other_recruiter, details=details(other)).reference == "KCC-2026-01"


def test_evaluators_must_hold_the_evaluator_role_in_the_organisation(organisation, recruiter):
    outsider = member(OrganisationFactory(), Role.EVALUATOR)
    advisor = member(organisation, Role.ADVISOR)
    for wrong in (outsider, advisor):
        with pytest.raises(ValidationError) as error:
            services.create_vacancy(actor=recruiter, details=details(organisation, evaluators=[wrong]))
        assert "evaluators" in error.value.message_dict
    assert not Vacancy.objects.exists()


def test_department_of_another_organisation_is_refused(organisation, recruiter):
    foreign = DepartmentFactory()
    with pytest.raises(ValidationError):
        services.create_vacancy(actor=recruiter, details=details(organisation, department=foreign))


def test_update_vacancy_changes_details_and_team(organisation, recruiter):
    vacancy = VacancyFactory(organisation=organisation)
    evaluator = member(organisation, Role.EVALUATOR)
    services.update_vacancy(
        actor=recruiter,
        vacancy=vacancy,
        details=details(organisation, title="Senior medewerker", status=VacancyStatus.CLOSED, evaluators=[evaluator]),
    )
    vacancy.refresh_from_db()
    assert vacancy.title == "Senior medewerker"
    assert vacancy.status == VacancyStatus.CLOSED
    assert list(vacancy.evaluators.all()) == [evaluator]


def test_hours_out_of_order_are_refused(organisation, recruiter):
    with pytest.raises(ValidationError):
        services.create_vacancy(actor=recruiter, details=details(organisation, hours_min=36, hours_max=24))


# --- requirements before the freeze ---


def data_for(requirement, **changes):
    values = {
        "kind": requirement.kind,
        "label": requirement.label,
        "description": requirement.description,
        "is_must_have": requirement.is_must_have,
        "level": requirement.level,
        "years": requirement.years,
        "replaces": requirement,
    }
    return RequirementData(**(values | changes))


@pytest.fixture
def vacancy(organisation):
    vacancy = VacancyFactory(organisation=organisation)
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.LANGUAGE, label="Nederlands", level="B2", position=0)
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.SKILL, label="Excel", position=1)
    return vacancy


def current(vacancy):
    return list(Requirement.current.filter(vacancy=vacancy).order_by("position"))


def test_before_the_freeze_requirements_are_edited_in_place(recruiter, vacancy):
    dutch, excel = current(vacancy)
    services.change_requirements(
        actor=recruiter,
        vacancy=vacancy,
        requirements=[
            data_for(dutch, level="C1"),
            RequirementData(kind=RequirementKind.EXPERIENCE, label="Klantcontact", years=2),
        ],
    )
    vacancy.refresh_from_db()
    assert vacancy.requirements_version == 1
    assert not RequirementChange.objects.exists()
    assert [(r.pk == dutch.pk, r.label, r.level) for r in current(vacancy)] == [
        (True, "Nederlands", "C1"),
        (False, "Klantcontact", ""),
    ]
    assert not Requirement.objects.filter(pk=excel.pk).exists()


def test_before_the_freeze_a_requirement_used_by_a_criterion_cannot_be_removed(recruiter, vacancy):
    dutch, excel = current(vacancy)
    CriterionFactory(stage=vacancy.stages.first(), requirement=excel)
    with pytest.raises(ValidationError) as error:
        services.change_requirements(actor=recruiter, vacancy=vacancy, requirements=[data_for(dutch)])
    assert "Excel" in error.value.messages[0]
    assert len(current(vacancy)) == 2


@pytest.mark.parametrize(
    ("kind", "level", "years"),
    [
        (RequirementKind.LANGUAGE, "", None),
        (RequirementKind.LANGUAGE, "D1", None),
        (RequirementKind.EDUCATION_LEVEL, "B2", None),
        (RequirementKind.EXPERIENCE, "", None),
        (RequirementKind.SKILL, "B2", None),
        (RequirementKind.CERTIFICATE, "", 3),
    ],
)
def test_level_and_years_must_fit_the_kind(recruiter, vacancy, kind, level, years):
    before = [(r.pk, r.label) for r in current(vacancy)]
    with pytest.raises(ValidationError):
        services.change_requirements(
            actor=recruiter,
            vacancy=vacancy,
            requirements=[RequirementData(kind=kind, label="Nieuw", level=level, years=years)],
        )
    assert [(r.pk, r.label) for r in current(vacancy)] == before


def test_a_requirement_of_another_vacancy_cannot_be_smuggled_in(recruiter, vacancy, organisation):
    foreign = RequirementFactory(vacancy=VacancyFactory(organisation=organisation))
    with pytest.raises(ValidationError):
        services.change_requirements(actor=recruiter, vacancy=vacancy, requirements=[data_for(foreign, label="X")])
    foreign.refresh_from_db()
    assert foreign.label != "X"


# --- the freeze and versions ---


def test_freeze_is_idempotent(vacancy):
    services.freeze_requirements(vacancy=vacancy)
    first = vacancy.requirements_frozen_at
    services.freeze_requirements(vacancy=vacancy)
    assert first is not None
    assert Vacancy.objects.get(pk=vacancy.pk).requirements_frozen_at == first


def test_after_the_freeze_a_change_needs_a_reason(recruiter, vacancy):
    services.freeze_requirements(vacancy=vacancy)
    dutch, excel = current(vacancy)
    with pytest.raises(ValidationError) as error:
        services.change_requirements(
            actor=recruiter, vacancy=vacancy, requirements=[data_for(dutch, level="C1"), data_for(excel)], reason=" "
        )
    assert "reason" in error.value.message_dict
    assert [r.level for r in current(vacancy)] == ["B2", ""]


def test_after_the_freeze_a_change_makes_a_logged_new_version(recruiter, vacancy):
    services.freeze_requirements(vacancy=vacancy)
    dutch, excel = current(vacancy)
    criterion = CriterionFactory(stage=vacancy.stages.first(), requirement=dutch)
    excel_criterion = CriterionFactory(stage=vacancy.stages.first(), requirement=excel)
    services.change_requirements(
        actor=recruiter,
        vacancy=vacancy,
        requirements=[
            data_for(dutch, level="C1"),
            RequirementData(kind=RequirementKind.CERTIFICATE, label="VCA", is_must_have=False),
        ],
        reason="De functie vraagt meer schriftelijk werk dan gedacht.",
    )
    vacancy.refresh_from_db()
    assert vacancy.requirements_version == 2

    dutch.refresh_from_db()
    excel.refresh_from_db()
    assert (dutch.level, dutch.retired_in_version) == ("B2", 2)  # the old yardstick stays as it was
    assert excel.retired_in_version == 2

    successor, vca = current(vacancy)
    assert (successor.label, successor.level, successor.introduced_in_version) == ("Nederlands", "C1", 2)
    assert (vca.label, vca.introduced_in_version) == ("VCA", 2)

    criterion.refresh_from_db()
    excel_criterion.refresh_from_db()
    assert criterion.requirement == successor  # follows to its successor
    assert excel_criterion.requirement == excel  # stays on the removed one: flagged on the page
    assert excel_criterion.requirement.retired_in_version == 2

    change = RequirementChange.objects.get(vacancy=vacancy)
    assert change.version == 2
    assert change.changed_by == recruiter.user
    assert change.reason == "De functie vraagt meer schriftelijk werk dan gedacht."
    assert "“Nederlands”" in change.summary and "B2" in change.summary and "C1" in change.summary
    assert "VCA" in change.summary and "Excel" in change.summary


def test_after_the_freeze_unchanged_requirements_keep_their_rows(recruiter, vacancy):
    services.freeze_requirements(vacancy=vacancy)
    dutch, excel = current(vacancy)
    services.change_requirements(
        actor=recruiter,
        vacancy=vacancy,
        requirements=[data_for(dutch), data_for(excel, description="Draaitabellen maken.")],
        reason="Uitleg toegevoegd.",
    )
    new_dutch, new_excel = current(vacancy)
    assert new_dutch.pk == dutch.pk and new_dutch.introduced_in_version == 1
    assert new_excel.pk != excel.pk and new_excel.description == "Draaitabellen maken."
    assert "Draaitabellen" in RequirementChange.objects.get().summary


def test_after_the_freeze_reordering_alone_makes_no_version(recruiter, vacancy):
    services.freeze_requirements(vacancy=vacancy)
    dutch, excel = current(vacancy)
    services.change_requirements(actor=recruiter, vacancy=vacancy, requirements=[data_for(excel), data_for(dutch)])
    vacancy.refresh_from_db()
    assert vacancy.requirements_version == 1
    assert not RequirementChange.objects.exists()
    assert [r.pk for r in current(vacancy)] == [excel.pk, dutch.pk]


def test_two_versions_in_a_row(recruiter, vacancy):
    services.freeze_requirements(vacancy=vacancy)
    dutch, excel = current(vacancy)
    services.change_requirements(
        actor=recruiter, vacancy=vacancy, requirements=[data_for(dutch, level="C1"), data_for(excel)], reason="Een"
    )
    dutch2, excel2 = current(vacancy)
    services.change_requirements(actor=recruiter, vacancy=vacancy, requirements=[data_for(dutch2)], reason="Twee")
    vacancy.refresh_from_db()
    assert vacancy.requirements_version == 3
    assert list(RequirementChange.objects.values_list("version", "reason")) == [(2, "Een"), (3, "Twee")]
    assert [r.pk for r in current(vacancy)] == [dutch2.pk]
    excel2.refresh_from_db()
    assert excel2.retired_in_version == 3


# --- stages ---


def test_add_rename_and_reorder_stages(recruiter, vacancy):
    stage = services.add_stage(actor=recruiter, vacancy=vacancy, kind=StageKind.ASSESSMENT, name="Assessment")
    assert stage.position == 3
    services.update_stage(actor=recruiter, stage=stage, kind=StageKind.ASSESSMENT, name="Praktijkopdracht")
    services.move_stage(actor=recruiter, stage=stage, up=True)
    names = list(vacancy.stages.order_by("position").values_list("name", flat=True))
    assert names == ["Cv-selectie", "Eerste gesprek", "Praktijkopdracht", "Aanbod"]


def test_the_first_stage_cannot_move_up(recruiter, vacancy):
    first = vacancy.stages.order_by("position").first()
    with pytest.raises(ValidationError):
        services.move_stage(actor=recruiter, stage=first, up=True)


def test_an_unused_stage_can_be_removed_with_its_criteria(recruiter, vacancy):
    stage = StageFactory(vacancy=vacancy)
    CriterionFactory(stage=stage)
    services.remove_stage(actor=recruiter, stage=stage)
    assert not Stage.objects.filter(pk=stage.pk).exists()
    assert not Criterion.objects.filter(stage_id=stage.pk).exists()


def test_a_used_stage_cannot_be_removed(recruiter, vacancy):
    application = ApplicationFactory(vacancy=vacancy)
    with pytest.raises(ValidationError) as error:
        services.remove_stage(actor=recruiter, stage=application.stage)
    assert application.stage.name in error.value.messages[0]
    assert Stage.objects.filter(pk=application.stage_id).exists()


def test_the_only_stage_cannot_be_removed(recruiter, organisation):
    vacancy = VacancyFactory(organisation=organisation, with_stages=False)
    stage = StageFactory(vacancy=vacancy)
    with pytest.raises(ValidationError):
        services.remove_stage(actor=recruiter, stage=stage)


def test_stage_of_another_organisation_is_out_of_reach(recruiter):
    foreign = VacancyFactory().stages.first()
    with pytest.raises(Stage.DoesNotExist):
        services.update_stage(actor=recruiter, stage=foreign, kind=StageKind.INTERVIEW, name="Gekaapt")


# --- criteria ---


def test_criterion_tied_to_a_requirement_or_a_competency(recruiter, vacancy):
    dutch, _excel = current(vacancy)
    stage = vacancy.stages.first()
    tied = services.add_criterion(actor=recruiter, stage=stage, requirement=dutch, competency="")
    named = services.add_criterion(actor=recruiter, stage=stage, requirement=None, competency="Luistert goed")
    assert (tied.label, named.label) == ("Nederlands", "Luistert goed")
    assert named.position == tied.position + 1


@pytest.mark.parametrize("competency", ["", "Beide ingevuld"])
def test_criterion_needs_exactly_one_of_requirement_and_competency(recruiter, vacancy, competency):
    dutch = current(vacancy)[0] if competency else None
    with pytest.raises(ValidationError):
        services.add_criterion(actor=recruiter, stage=vacancy.stages.first(), requirement=dutch, competency=competency)


def test_criterion_cannot_point_at_a_retired_requirement_or_another_vacancy(recruiter, vacancy, organisation):
    retired = RequirementFactory(vacancy=vacancy, retired_in_version=2)
    foreign = RequirementFactory(vacancy=VacancyFactory(organisation=organisation))
    for requirement in (retired, foreign):
        with pytest.raises(ValidationError):
            services.add_criterion(actor=recruiter, stage=vacancy.stages.first(), requirement=requirement)


def test_a_flagged_criterion_can_be_relinked(recruiter, vacancy):
    dutch, excel = current(vacancy)
    criterion = CriterionFactory(stage=vacancy.stages.first(), requirement=excel)
    excel.retired_in_version = 2
    excel.save()
    services.update_criterion(actor=recruiter, criterion=criterion, requirement=dutch)
    criterion.refresh_from_db()
    assert criterion.requirement == dutch


def test_a_rated_criterion_cannot_be_removed(recruiter, vacancy):
    application = ApplicationFactory(vacancy=vacancy)
    criterion = CriterionFactory(stage=application.stage)
    CriterionRatingFactory(scorecard=ScorecardFactory(application=application, submitted_at=None), criterion=criterion)
    with pytest.raises(ValidationError):
        services.remove_criterion(actor=recruiter, criterion=criterion)
    assert Criterion.objects.filter(pk=criterion.pk).exists()


def test_an_unrated_criterion_can_be_removed(recruiter, vacancy):
    criterion = CriterionFactory(stage=vacancy.stages.first())
    services.remove_criterion(actor=recruiter, criterion=criterion)
    assert not Criterion.objects.filter(pk=criterion.pk).exists()
