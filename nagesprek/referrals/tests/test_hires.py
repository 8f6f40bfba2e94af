"""Hired after all: computed from the data, with the original rejection and the path between them."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from nagesprek.advice.models import AdviceItem
from nagesprek.applications import services as application_services
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.conversations.constants import ConversationMode, ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member
from nagesprek.referrals import hires, invitations, services
from nagesprek.referrals.tests.factories import grant, make_world
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def _hire(application, world):
    return application_services.close_application(
        application=application, status=ApplicationStatus.HIRED, by=world.recruiter
    )


def _hired_through_referral(world, *, conversation=None):
    referral = world.refer(source_conversation=conversation)
    referral = services.accept_referral(
        actor=world.actor(world.recruiter), referral=referral, stage=world.vacancy.stages.last()
    )
    _hire(referral.application, world)
    return referral


def _letter(world):
    rejection = Rejection.objects.create(
        organisation=world.organisation,
        application=world.rejected,
        outcome=Outcome.REJECTED,
        stage=world.rejected.stage,
        requirements_version=1,
        status=RejectionStatus.SENT,
        language="nl",
        sent_at=world.rejected.closed_at,
    )
    for position in range(2):
        AdviceItem.objects.create(rejection=rejection, position=position, kind="cv", text=f"Advies {position}")
    return rejection


def _held_conversation(world):
    start = timezone.now() - timedelta(minutes=30)
    return Conversation.objects.create(
        organisation=world.organisation,
        candidate=world.candidate,
        application=world.rejected,
        advisor=world.advisor,
        starts_at=start,
        ends_at=start + timedelta(minutes=45),
        mode=ConversationMode.VIDEO,
        language="nl",
        status=ConversationStatus.HELD,
        uid="test-conversation@nagesprek",
    )


def _steps(path):
    return [step.kind for step in path.steps]


def test_a_referral_that_ends_in_a_hire_links_it_to_the_rejection_with_the_whole_path(world):
    world.rejected.closed_at = timezone.now() - timedelta(days=10)
    world.rejected.save()
    _letter(world)
    conversation = _held_conversation(world)
    referral = _hired_through_referral(world, conversation=conversation)

    [path] = hires.paths_for(hires.list_hires_after_rejection_for_actor(actor=world.actor(world.hr_lead)))

    assert (path.hire, path.rejection, path.way) == (referral.application, world.rejected, hires.Way.REFERRAL)
    assert _steps(path) == ["rejected", "letter", "conversation", "referral", "accepted", "hired"]
    assert path.steps[1].data == {"advice_count": 2}
    assert path.steps[2].data["advisor"] == "Anna Adviseur"
    assert referral.source_conversation == conversation


def test_a_talent_pool_invitation_that_ends_in_a_hire(world):
    grant(world.candidate, "talent_pool")
    invitation = invitations.invite_candidate(
        actor=world.actor(world.recruiter), vacancy=world.vacancy, candidate=world.candidate
    )
    invitation = invitations.answer_invitation(invitation=invitation, apply=True)
    _hire(invitation.application, world)

    [path] = hires.paths_for(hires.list_hires_after_rejection_for_actor(actor=world.actor(world.hr_lead)))

    assert path.way == hires.Way.TALENT_POOL
    assert _steps(path) == ["rejected", "invitation", "applied", "hired"]


def test_applying_again_by_oneself_counts_too(world):
    again = ApplicationFactory(vacancy=world.vacancy, candidate=world.candidate)
    _hire(again, world)

    [path] = hires.paths_for(hires.list_hires_after_rejection_for_actor(actor=world.actor(world.hr_lead)))

    assert (path.way, path.rejection) == (hires.Way.APPLIED_AGAIN, world.rejected)


def test_a_hire_without_an_earlier_rejection_is_not_counted(world):
    newcomer = ApplicationFactory(vacancy=world.vacancy)
    _hire(newcomer, world)
    withdrew = ApplicationFactory(vacancy=VacancyFactory(organisation=world.organisation))
    application_services.close_application(application=withdrew, status=ApplicationStatus.WITHDRAWN, by=None)
    _hire(ApplicationFactory(vacancy=world.vacancy, candidate=withdrew.candidate), world)

    assert hires.count_hires_after_rejection_for_actor(actor=world.actor(world.hr_lead)) == 0


def test_a_rejection_after_the_new_application_started_is_not_its_origin(world):
    later = ApplicationFactory(vacancy=world.vacancy, candidate=world.candidate)
    later.applied_at = world.rejected.closed_at - timedelta(days=1)
    later.save()
    _hire(later, world)

    assert hires.count_hires_after_rejection_for_actor(actor=world.actor(world.hr_lead)) == 0


def test_who_sees_which_hires(world):
    _hired_through_referral(world)
    other_recruiter = member(world.organisation, Role.RECRUITER)
    other_advisor = member(world.organisation, Role.ADVISOR)

    def count(user):
        return hires.count_hires_after_rejection_for_actor(actor=world.actor(user))

    assert [count(u) for u in (world.hr_lead, world.recruiter, world.advisor)] == [1, 1, 1]
    assert [count(u) for u in (other_recruiter, other_advisor)] == [0, 0]
    other = make_world()
    assert hires.count_hires_after_rejection_for_actor(actor=other.actor(other.hr_lead)) == 0
    with pytest.raises(Http404):
        hires.list_hires_after_rejection_for_actor(actor=world.actor(member(world.organisation, Role.EVALUATOR)))


def test_the_paths_take_a_fixed_number_of_queries(world, django_assert_num_queries):
    _hired_through_referral(world)
    actor = world.actor(world.hr_lead)
    with django_assert_num_queries(6):
        one = hires.paths_for(hires.list_hires_after_rejection_for_actor(actor=actor))
    for _ in range(3):
        application = ApplicationFactory(vacancy=VacancyFactory(organisation=world.organisation))
        application_services.close_application(application=application, status=ApplicationStatus.REJECTED, by=None)
        _hire(ApplicationFactory(vacancy=world.vacancy, candidate=application.candidate), world)
    with django_assert_num_queries(6):
        many = hires.paths_for(hires.list_hires_after_rejection_for_actor(actor=actor))
    assert (len(one), len(many)) == (1, 4)


def test_the_hr_lead_dashboard_counts_and_lists_the_hire_with_its_path(client, world):
    _hired_through_referral(world)
    client.force_login(world.hr_lead)

    page = client.get(reverse("dashboards:home")).content.decode()

    assert reverse("referrals:hires") in page
    assert world.candidate.full_name in page
    assert "Anna Adviseur" in page  # the referral step names the advisor
    listing = client.get(reverse("referrals:hires"))
    assert listing.status_code == 200 and world.candidate.full_name in listing.content.decode()


def test_the_advisor_dashboard_shows_their_referrals_outcomes(client, world):
    _hired_through_referral(world)
    client.force_login(world.advisor)

    response = client.get(reverse("dashboards:home"))

    advisor_panel = next(p for p in response.context["panels"] if p.role == Role.ADVISOR)
    hired = next(f for f in advisor_panel.figures if f.url == reverse("referrals:hires"))
    assert hired.value == 1
    assert world.candidate.full_name in response.content.decode()
