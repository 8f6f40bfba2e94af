"""The wave planner's services: propose a wave as confirmed, the candidate's answers, expiry, and re-planning."""

from __future__ import annotations

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from nagesprek.audit.models import AuditEvent
from nagesprek.conversations import replanning, selectors, services, slots
from nagesprek.conversations.constants import ConversationStatus, WaveScope
from nagesprek.conversations.models import Conversation, Proposal, Wave
from nagesprek.conversations.tests.factories import make_advisor, make_wave_setting, rejected
from nagesprek.conversations.tests.support import NOW, TODAY, at, event_of, messages_to
from nagesprek.conversations.tests.waves import confirm, plan
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections.tests.factories import actor_for
from nagesprek.scheduling import planner
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return make_wave_setting()


def proposals(wave: Wave) -> list[Conversation]:
    return list(Conversation.objects.filter(proposal__wave=wave).select_related("candidate", "advisor", "offer"))


def test_the_three_methods_are_compared_on_the_real_offers(setting):
    shown = plan(setting)

    assert [m.method for m in shown.methods] == [planner.OPTIMAL, planner.FIRST_COME_FIRST_SERVED, planner.ROUND_ROBIN]
    optimal, fcfs, _round_robin = shown.methods
    assert optimal.coverage == 1.0 and optimal.coverage >= fcfs.coverage
    assert all(m.language_match == 1.0 for m in shown.methods)
    assert sum(optimal.load.values()) == len(setting.offers)
    assert optimal.load_spread <= fcfs.load_spread  # the planner spreads by each advisor's free time
    assert not Conversation.objects.exists()  # showing a plan proposes nothing


def test_confirming_proposes_every_time_within_its_deadline_in_the_candidates_language(setting):
    wave = confirm(setting)

    made = proposals(wave)
    assert len(made) == len(setting.offers) == wave.proposed
    for conversation in made:
        assert conversation.status == ConversationStatus.PROPOSED
        assert conversation.offer.candidate == conversation.candidate
        assert at(3, "09:00") <= conversation.starts_at  # not before two working days from Monday
        assert timezone.localdate(conversation.starts_at) <= conversation.offer.deadline
        profile = conversation.advisor.advisor_profiles.get()
        assert conversation.candidate.language in profile.languages
        assert conversation.mode in conversation.offer.modes and conversation.mode in profile.modes
    english = next(c for c in made if c.candidate.language == "en")
    assert english.advisor == setting.bilingual.user
    codes = [r["code"] for r in english.proposal.reasons]
    assert codes[0] == "speaks_language" and english.proposal.reasons[0]["params"]["language"] == "en"
    assert AuditEvent.objects.filter(object_type="conversations.Wave", object_id=str(wave.pk)).count() == 1
    assert AuditEvent.objects.filter(object_type="conversations.Conversation", action="create").count() == len(made)


def test_nothing_is_sent_before_the_emails_go_out_and_then_each_candidate_gets_one(setting):
    wave = confirm(setting)
    assert not messages_to(setting.offers[0].candidate.email)

    assert services.send_proposal_emails(wave_id=wave.pk, now=NOW) == len(setting.offers)
    assert services.send_proposal_emails(now=NOW) == 0  # the sweep finds nothing left

    for conversation in proposals(wave):
        [message] = messages_to(conversation.candidate.email)
        assert not message.attachments.exists()  # not an appointment yet: no calendar file
        assert "/conversations/c/" in message.body_text and "/accept/" in message.body_text
        assert "/other-time/" in message.body_text
        assert conversation.advisor.full_name in message.body_text
    assert not messages_to(setting.expert.user.email) and not messages_to(setting.bilingual.user.email)


def test_confirming_twice_proposes_nothing_twice(setting):
    key = plan(setting).fingerprint
    first = confirm(setting, expected=key)
    again = confirm(setting, expected=key)

    assert again == first
    assert Conversation.objects.count() == len(setting.offers) and Wave.objects.count() == 1
    assert plan(setting).offers == []  # nobody is left to plan


def test_a_plan_that_changed_since_it_was_shown_proposes_nothing(setting):
    key = plan(setting).fingerprint
    someone = setting.offers[0]
    services.book_slot(offer=someone, starts_at=at(3, "09:00"), mode="video", now=NOW)

    with pytest.raises(services.PlanChanged):
        confirm(setting, expected=key)
    assert not Conversation.objects.filter(status=ConversationStatus.PROPOSED).exists()
    assert not Wave.objects.exists()


def test_accepting_books_the_time_with_invitations_to_both(setting):
    wave = confirm(setting)
    conversation = proposals(wave)[0]

    booked = services.accept_proposal(conversation=conversation, now=NOW)

    assert (booked.status, booked.starts_at, booked.booked_at) == (
        ConversationStatus.BOOKED,
        conversation.starts_at,
        NOW,
    )
    for address in (conversation.candidate.email, conversation.advisor.email):
        method, uid, sequence, starts_at = event_of(messages_to(address)[-1])
        assert (method, uid, sequence, starts_at) == ("REQUEST", conversation.uid, 0, conversation.starts_at)
    assert services.accept_proposal(conversation=conversation, now=NOW).status == ConversationStatus.BOOKED
    assert len(messages_to(conversation.advisor.email)) == 1  # a double click sends nothing twice


def test_choosing_another_time_releases_the_proposal_for_the_normal_booking(setting):
    wave = confirm(setting)
    conversation = proposals(wave)[0]

    services.decline_proposal(conversation=conversation, now=NOW)

    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.DECLINED
    times = [o.starts_at for o in slots.available_slots(offer=conversation.offer, mode="video", now=NOW)]
    assert conversation.starts_at in times  # the time is free again, for them and for anyone
    booked = services.book_slot(offer=conversation.offer, starts_at=times[-1], mode="video", now=NOW)
    assert booked.status == ConversationStatus.BOOKED
    with pytest.raises(services.BookingError):
        services.accept_proposal(conversation=conversation, now=NOW)
    assert conversation.offer not in plan(setting).offers  # their own choice: no new proposal


def test_a_proposal_not_answered_in_time_is_released_once_and_the_candidate_can_still_book(setting):
    wave = confirm(setting)
    services.send_proposal_emails(wave_id=wave.pk, now=NOW)
    conversation = proposals(wave)[0]
    expires_at = conversation.proposal.expires_at
    assert NOW < expires_at <= conversation.starts_at - datetime.timedelta(hours=12)

    assert services.release_expired_proposals(now=expires_at - datetime.timedelta(minutes=1)) == 0
    released = services.release_expired_proposals(now=expires_at)
    assert released >= 1 and services.release_expired_proposals(now=expires_at) == 0

    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.EXPIRED
    told = messages_to(conversation.candidate.email)[-1]
    assert told.key == f"conversation:{conversation.pk}:proposal:expired" and "/offer/" in told.body_text
    with pytest.raises(services.BookingError):
        services.accept_proposal(conversation=conversation, now=expires_at)
    later = expires_at + datetime.timedelta(minutes=1)
    times = slots.available_slots(offer=conversation.offer, mode="video", now=later)
    assert services.book_slot(offer=conversation.offer, starts_at=times[0].starts_at, mode="video", now=later)


def test_accepting_after_the_time_to_answer_is_refused_even_before_the_sweep(setting):
    conversation = proposals(confirm(setting))[0]
    with pytest.raises(services.BookingError):
        services.accept_proposal(conversation=conversation, now=conversation.proposal.expires_at)
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.PROPOSED


def test_replanning_the_rest_leaves_bookings_and_open_proposals_as_they_are(setting):
    wave = confirm(setting)
    first, second, third, *others = proposals(wave)
    services.accept_proposal(conversation=first, now=NOW)
    advisor = actor_for(second.advisor, setting.organisation)
    services.cancel_conversation(conversation=second, actor=advisor, reason="Ik ben op cursus.", now=NOW)
    services.decline_proposal(conversation=third, now=NOW)
    before = {c.pk: (c.starts_at, c.advisor_id, c.status) for c in others}

    rest = replanning.plan_rest(wave, now=NOW)
    assert [o.pk for o in rest.offers] == [second.offer_id]  # not the one who chose for themselves
    assert rest.kept == len(others)
    new = services.replan_wave(actor=setting.hr_lead, wave=wave, expected=rest.fingerprint, now=NOW)

    [again] = proposals(new)
    assert again.offer_id == second.offer_id and again.status == ConversationStatus.PROPOSED
    assert (again.starts_at, again.advisor_id) != (second.starts_at, second.advisor_id)  # not the cancelled time
    assert new.parent == wave
    for conversation in Conversation.objects.filter(pk__in=before):
        assert (conversation.starts_at, conversation.advisor_id, conversation.status) == before[conversation.pk]
    first.refresh_from_db()
    assert first.status == ConversationStatus.BOOKED
    assert services.replan_wave(actor=setting.hr_lead, wave=wave, expected=rest.fingerprint, now=NOW) == new


def test_the_advisor_withdraws_a_proposal_and_the_candidate_is_told_without_a_calendar_file(setting):
    conversation = proposals(confirm(setting))[0]
    advisor = actor_for(conversation.advisor, setting.organisation)

    services.cancel_conversation(conversation=conversation, actor=advisor, reason="Ziek.", now=NOW)

    [message] = messages_to(conversation.candidate.email)
    assert "Ziek." in message.body_text and not message.attachments.exists()
    assert "/offer/" in message.body_text  # a link to choose another time


def test_a_candidate_nobody_can_talk_with_gets_no_proposal_and_the_others_do(setting):
    on_site_only = rejected(setting.vacancy, language="en", modes=["on_site"])  # Grace talks by video or phone
    shown = plan(setting)

    assert on_site_only in shown.unplanned
    assert len(shown.proposals) == len(setting.offers)
    assert all(m.coverage < 1 for m in shown.methods)


def test_one_proposal_per_candidate_and_none_for_who_has_a_time_already(setting):
    candidate = setting.offers[0].candidate
    other_vacancy = VacancyFactory(organisation=setting.organisation)
    second = rejected(other_vacancy, deadline=TODAY + datetime.timedelta(days=20))
    second.candidate = candidate
    second.save()
    offers = selectors.list_plannable_offers_for_actor(actor=setting.hr_lead, scope=WaveScope.ALL, today=TODAY)
    assert [o for o in offers if o.candidate == candidate] == [second]  # the later deadline

    services.book_slot(offer=second, starts_at=at(4, "09:00"), mode="phone", now=NOW)
    offers = selectors.list_plannable_offers_for_actor(actor=setting.hr_lead, scope=WaveScope.ALL, today=TODAY)
    assert candidate not in [o.candidate for o in offers]


@pytest.mark.parametrize("role", [r for r in Role.values if r not in (Role.HR_LEAD, Role.ORG_ADMIN)])
def test_only_hr_leads_and_org_admins_plan_waves(setting, role):
    actor = actor_for(member(setting.organisation, role), setting.organisation)
    with pytest.raises(Http404):
        selectors.list_plannable_offers_for_actor(actor=actor, scope=WaveScope.ALL, today=TODAY)
    with pytest.raises(Http404):
        services.propose_wave(actor=actor, scope=WaveScope.ALL, expected="0" * 64, now=NOW)
    assert not Conversation.objects.exists()


def test_another_organisations_vacancy_or_wave_is_not_found(setting):
    wave = confirm(setting)
    outsider_org = OrganisationFactory()
    make_advisor(outsider_org)
    outsider = actor_for(member(outsider_org, Role.HR_LEAD), outsider_org)
    with pytest.raises(Http404):
        selectors.list_plannable_offers_for_actor(
            actor=outsider, scope=WaveScope.VACANCY, vacancy_id=setting.vacancy.pk, today=TODAY
        )
    with pytest.raises(Http404):
        selectors.get_wave_for_actor(actor=outsider, wave_id=wave.pk)
    with pytest.raises(Http404):
        services.replan_wave(actor=outsider, wave=wave, expected="0" * 64, now=NOW)
    assert Proposal.objects.count() == len(setting.offers)


def test_without_an_advisor_taking_conversations_nobody_gets_a_proposal(setting):
    for profile in (setting.expert, setting.bilingual):
        profile.is_active = False
        profile.save()
    shown = plan(setting)
    assert shown.proposals == [] and len(shown.unplanned) == len(setting.offers)
    assert all(m.coverage == 0 for m in shown.methods)
    with pytest.raises(services.PlanChanged):
        confirm(setting, expected=shown.fingerprint)  # nothing to propose: nothing sent
    assert not Wave.objects.exists()
