"""Drafting advice from a rejection's record, and a person's edits: the rules a recruiter would notice."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nagesprek.advice import services
from nagesprek.advice.constants import AdviceKind, AdviceStatus
from nagesprek.advice.models import AdviceItem
from nagesprek.advice.tests.factories import make_route, setting_routes
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.models import Skill
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections import services as rejection_services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.tests.factories import actor_for, make_setting
from nagesprek.routes.constants import RouteKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    setting = make_setting()
    setting.candidate.cv_text = ""  # no CV text: no CV advice, unless a test writes one
    setting.candidate.save()
    return setting


def start(setting):
    return rejection_services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )


def items(rejection):
    return list(AdviceItem.objects.filter(rejection=rejection).exclude(status=AdviceStatus.REMOVED))


def test_starting_a_rejection_drafts_one_item_per_gap_with_the_best_route(setting):
    routes = setting_routes(setting.organisation)
    rejection = start(setting)
    drafted = items(rejection)
    assert [(i.kind, i.route, i.requirement, i.criterion) for i in drafted] == [
        (AdviceKind.ROUTE, routes["big"], setting.big, None),
        (AdviceKind.ROUTE, routes["dutch"], setting.dutch, None),
        (AdviceKind.INTERVIEW_PRACTICE, routes["practice"], None, setting.planning),
    ]
    assert all(i.status == AdviceStatus.DRAFTED for i in drafted)
    big = drafted[0].text
    assert "BIG-registratie" in big and "BIG-herregistratie" in big and "110" in big


def test_the_advice_is_written_in_the_candidates_language(setting):
    setting_routes(setting.organisation)
    setting.candidate.language = "en"
    setting.candidate.save()
    rejection = start(setting)
    assert items(rejection)[0].text.startswith("Your “BIG-registratie” has expired.")


def test_only_active_routes_of_the_own_organisation_are_proposed(setting):
    other = OrganisationFactory()
    make_route(other, "Snelle BIG", "registration: BIG-registratie", weeks=1, cost="1")
    make_route(setting.organisation, "Oude BIG-cursus", "registration: BIG-registratie", weeks=1, active=False)
    rejection = start(setting)
    big = next(i for i in items(rejection) if i.requirement_id == setting.big.pk)
    assert big.route is None
    assert "career advisor" in big.text or "loopbaanadviseur" in big.text


def test_a_gap_without_a_route_still_gets_advice(setting):
    rejection = start(setting)
    assert {i.requirement_id for i in items(rejection) if i.requirement_id} == {setting.big.pk, setting.dutch.pk}
    assert all(i.text.strip() for i in items(rejection))


def test_cv_advice_when_the_profile_holds_what_the_cv_does_not_show(setting):
    Skill.objects.create(candidate=setting.candidate, name="Excel")
    setting.candidate.cv_text = "Ik werkte tien jaar in de thuiszorg. BIG registratie. Nederlands."
    setting.candidate.save()
    rejection = start(setting)
    cv = [i for i in items(rejection) if i.kind == AdviceKind.CV]
    assert len(cv) == 1 and "Excel" in cv[0].text and "BIG" not in cv[0].text


def test_redrafting_keeps_what_a_person_saved_or_removed(setting):
    routes = setting_routes(setting.organisation)
    rejection = start(setting)
    big, dutch, practice = items(rejection)
    actor = setting.actor()
    services.save_advice_item(
        actor=actor, item=big, text="Vraag je herregistratie aan bij het BIG-register.", route=None
    )
    services.remove_advice_item(actor=actor, item=practice)
    routes["dutch"].duration_weeks = 40
    routes["dutch"].save()

    services.draft_advice(rejection=rejection)
    services.draft_advice(rejection=rejection)  # twice: still the same

    after = list(AdviceItem.objects.filter(rejection=rejection))
    assert len(after) == 3
    kept_big = next(i for i in after if i.requirement_id == setting.big.pk)
    assert (kept_big.status, kept_big.text, kept_big.route) == (
        AdviceStatus.APPROVED, "Vraag je herregistratie aan bij het BIG-register.", None,
    )  # fmt: skip
    assert next(i for i in after if i.criterion_id == setting.planning.pk).status == AdviceStatus.REMOVED
    new_dutch = next(i for i in after if i.requirement_id == setting.dutch.pk)
    assert new_dutch.pk != dutch.pk and "40" in new_dutch.text


def test_a_recruiter_adds_an_item_and_picks_another_route(setting):
    routes = setting_routes(setting.organisation)
    rejection = start(setting)
    actor = setting.actor()
    added = services.add_advice_item(
        actor=actor, rejection=rejection, kind=AdviceKind.EXPERIENCE,
        text="Werk een jaar op een verpleegafdeling. Dan kun je opnieuw solliciteren.", route=None,
    )  # fmt: skip
    assert added.status == AdviceStatus.APPROVED and added.position > max(i.position for i in items(rejection)[:-1])
    dutch = next(i for i in items(rejection) if i.requirement_id == setting.dutch.pk)
    saved = services.save_advice_item(actor=actor, item=dutch, text=dutch.text, route=routes["practice"])
    assert saved.route == routes["practice"]
    assert AuditEvent.objects.filter(summary__startswith="Advice item").count() == 2


def test_advice_mentioning_a_protected_ground_is_refused_and_nothing_changes(setting):
    setting_routes(setting.organisation)
    rejection = start(setting)
    item = items(rejection)[0]
    with pytest.raises(ValidationError) as error:
        services.save_advice_item(
            actor=setting.actor(), item=item, text="Na je zwangerschap kun je de registratie opnieuw aanvragen.",
            route=None,
        )  # fmt: skip
    assert "protected ground" in str(error.value) or "beschermde grond" in str(error.value)
    item.refresh_from_db()
    assert item.status == AdviceStatus.DRAFTED and "zwanger" not in item.text


def test_routes_of_another_organisation_or_inactive_ones_cannot_be_picked(setting):
    setting_routes(setting.organisation)
    rejection = start(setting)
    item = items(rejection)[0]
    foreign = make_route(OrganisationFactory(), "Elders", "registration: BIG-registratie")
    inactive = make_route(setting.organisation, "Uit", "registration: BIG-registratie", active=False)
    for route in (foreign, inactive):
        with pytest.raises(ValidationError):
            services.save_advice_item(actor=setting.actor(), item=item, text=item.text, route=route)


def test_only_recruiters_and_hr_leads_edit_and_only_before_approval(setting):
    setting_routes(setting.organisation)
    rejection = start(setting)
    item = items(rejection)[0]
    advisor = actor_for(member(setting.organisation, Role.ADVISOR), setting.organisation)
    with pytest.raises(PermissionDenied):
        services.remove_advice_item(actor=advisor, item=item)
    hr_lead = actor_for(member(setting.organisation, Role.HR_LEAD), setting.organisation)
    services.save_advice_item(actor=hr_lead, item=item, text=item.text + " Succes!", route=None)
    rejection.status = RejectionStatus.SCHEDULED
    rejection.save()
    with pytest.raises(ValidationError):
        services.remove_advice_item(actor=setting.actor(), item=item)


def test_no_advice_for_an_outcome_that_is_not_a_rejection(setting):
    setting_routes(setting.organisation)
    rejection = rejection_services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.WITHDRAWN
    )
    assert items(rejection) == []


def test_direction_advice_names_the_family_whose_vacancies_fit_the_experience(setting):
    from nagesprek.candidates.models import Experience
    from nagesprek.vacancies.constants import VacancyStatus
    from nagesprek.vacancies.models import JobFamily
    from nagesprek.vacancies.tests.factories import VacancyFactory

    Experience.objects.create(candidate=setting.candidate, role="Medisch secretaresse", years=6)
    family = JobFamily.objects.create(organisation=setting.organisation, name="Medisch secretariaat")
    VacancyFactory(organisation=setting.organisation, job_family=family, title="Secretaresse polikliniek",
                   status=VacancyStatus.OPEN)  # fmt: skip
    rejection = start(setting)
    direction = [i for i in items(rejection) if i.kind == AdviceKind.DIRECTION]
    assert len(direction) == 1 and "Medisch secretariaat" in direction[0].text


def test_direction_advice_names_what_the_candidate_holds_through_the_vocabulary(setting):
    from nagesprek.candidates.models import Qualification
    from nagesprek.matching.vocabulary import add_concept
    from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
    from nagesprek.vacancies.models import JobFamily, Requirement
    from nagesprek.vacancies.tests.factories import VacancyFactory

    add_concept(
        organisation=setting.organisation, kind="qualification", preferred_label_nl="Heftruckcertificaat",
        alternatives=[("en", "forklift licence")],
    )  # fmt: skip
    Qualification.objects.create(candidate=setting.candidate, kind="certificate", name="Forklift licence")
    family = JobFamily.objects.create(organisation=setting.organisation, name="Logistiek")
    vacancy = VacancyFactory(organisation=setting.organisation, job_family=family, title="Heftruckchauffeur",
                             status=VacancyStatus.OPEN)  # fmt: skip
    Requirement.objects.create(vacancy=vacancy, kind=RequirementKind.CERTIFICATE, label="Heftruckcertificaat")

    rejection = start(setting)

    direction = [i for i in items(rejection) if i.kind == AdviceKind.DIRECTION]
    assert len(direction) == 1
    assert "Logistiek" in direction[0].text and "Heftruckcertificaat" in direction[0].text


def test_work_experience_routes_make_experience_advice(setting):
    from nagesprek.candidates.models import Experience
    from nagesprek.vacancies.constants import RequirementKind
    from nagesprek.vacancies.models import Requirement

    label = "Drie jaar ervaring op de operatiekamer"
    Requirement.objects.create(
        vacancy=setting.vacancy, kind=RequirementKind.EXPERIENCE, label=label, years=3, position=5
    )
    Experience.objects.create(candidate=setting.candidate, role="Verkoper", years=2)
    make_route(
        setting.organisation, "Meeloopstage OK", "experience: operatiekamer", kind=RouteKind.WORK_EXPERIENCE, weeks=8
    )
    rejection = start(setting)
    assert [i.route.title for i in items(rejection) if i.kind == AdviceKind.EXPERIENCE] == ["Meeloopstage OK"]


def test_the_bulk_path_drafts_the_same_advice_from_the_records_it_already_read(setting):
    from nagesprek.rejections import selectors as rejection_selectors
    from nagesprek.rejections.models import Rejection

    setting_routes(setting.organisation)
    single = [(i.kind, i.route_id, i.text) for i in items(start(setting))]
    rejection = Rejection.objects.get(application=setting.application)
    AdviceItem.objects.all().delete()
    rejection.status = RejectionStatus.SCHEDULED
    rejection.save()
    rejection.application = setting.application  # as the bulk path holds it: candidate loaded
    record = rejection_selectors.load_rejection_record(
        application=setting.application, requirements_version=1, language="nl"
    )
    assert services.draft_advice_in_bulk(rejections=[rejection], records={setting.application.pk: record}) == 3
    assert [(i.kind, i.route_id, i.text) for i in items(rejection)] == single
    assert services.draft_advice_in_bulk(rejections=[rejection], records={}) == 0
