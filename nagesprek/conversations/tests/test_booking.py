"""Booking, moving and cancelling: the right advisor, no double booking, invitations that calendars understand."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from nagesprek.conversations import services, slots
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.conversations.tests.factories import make_advisor, make_offer
from nagesprek.conversations.tests.support import NOW, TODAY, at, event_of, messages_to
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member
from nagesprek.rejections.tests.factories import actor_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer():
    return make_offer(deadline=TODAY + datetime.timedelta(days=14))


@pytest.fixture
def advisor(offer):
    return make_advisor(offer.organisation, full_name="Ingrid Bakker")


def book(offer, day=3, clock="09:45", **kwargs):
    return services.book_slot(
        offer=offer, starts_at=at(day, clock), mode=kwargs.pop("mode", "video"), now=NOW, **kwargs
    )


def test_booking_confirms_to_candidate_and_advisor_with_one_calendar_event(offer, advisor):
    conversation = book(offer)

    assert conversation.status == ConversationStatus.BOOKED
    assert conversation.advisor == advisor.user
    assert conversation.ends_at - conversation.starts_at == datetime.timedelta(minutes=45)
    [to_candidate] = messages_to(offer.candidate.email)
    [to_advisor] = messages_to(advisor.user.email)
    for message in (to_candidate, to_advisor):
        method, uid, sequence, starts_at = event_of(message)
        assert (method, uid, sequence, starts_at) == ("REQUEST", conversation.uid, 0, at(3, "09:45"))
    assert "woensdag 3 maart 2027" in to_candidate.body_text or "3 March 2027" in to_candidate.body_text
    assert "/conversations/c/" in to_candidate.body_text  # the candidate's own link to move or cancel
    assert "/conversations/c/" not in to_advisor.body_text  # never the candidate's personal link


def test_a_time_already_taken_is_refused_with_slot_taken(offer, advisor):
    book(offer)
    other = make_offer(vacancy__organisation=offer.organisation, deadline=offer.deadline)
    with pytest.raises(services.SlotTaken):
        book(other, advisor_id=advisor.user_id)
    assert not Conversation.objects.filter(offer=other).exists()
    # The time is gone from the other candidate's choices.
    times = [o.starts_at for o in slots.available_slots(offer=other, mode="video", now=NOW)]
    assert at(3, "09:45") not in times and at(3, "10:30") in times


def test_one_offer_books_one_conversation(offer, advisor):
    book(offer)
    with pytest.raises(services.BookingError):
        book(offer, clock="11:15")


@pytest.mark.parametrize(
    ("starts_at", "mode"),
    [(at(3, "10:10"), "video"), (at(1, "15:00"), "video"), (at(30, "09:45"), "video"), (at(3, "09:45"), "carrier")],
    ids=["off-grid", "too-soon", "after-deadline", "unknown-mode"],
)
def test_impossible_requests_change_nothing(offer, advisor, starts_at, mode):
    with pytest.raises(services.BookingError):
        services.book_slot(offer=offer, starts_at=starts_at, mode=mode, now=NOW)
    assert not Conversation.objects.exists()


def test_any_advisor_goes_to_the_expert_then_spreads_load(offer, advisor):
    family = offer.application.vacancy.job_family
    expert = make_advisor(offer.organisation, job_families=[family], full_name="Expert")
    first = book(offer)
    assert first.advisor == expert.user  # expertise in the vacancy's job family comes first

    organisation = offer.organisation
    other_family = [make_offer(vacancy__organisation=organisation, deadline=offer.deadline) for _ in range(2)]
    second, third = (book(o, clock="14:15") for o in other_family)
    # Neither is expert in these job families: the one with fewer conversations first, then the other.
    assert {second.advisor, third.advisor} == {advisor.user, expert.user}
    assert second.advisor == advisor.user


def test_an_english_speaking_candidate_gets_an_english_speaking_advisor(offer, advisor):
    offer.candidate.language = "en"
    offer.candidate.save()
    english = make_advisor(offer.organisation, languages=("nl", "en"), full_name="Grace Mensah")
    conversation = book(offer)
    assert (conversation.advisor, conversation.language) == (english.user, "en")
    assert "Your conversation" in messages_to(offer.candidate.email)[0].subject


def test_moving_keeps_the_uid_and_raises_the_sequence(offer, advisor):
    conversation = book(offer)
    moved = services.move_conversation(conversation=conversation, starts_at=at(4, "13:30"), now=NOW)

    assert (moved.uid, moved.sequence, moved.starts_at) == (conversation.uid, 1, at(4, "13:30"))
    latest = messages_to(offer.candidate.email)[-1]
    assert event_of(latest) == ("REQUEST", conversation.uid, 1, at(4, "13:30"))
    assert event_of(messages_to(advisor.user.email)[-1])[:3] == ("REQUEST", conversation.uid, 1)
    # The old time is free again for someone else.
    other = make_offer(vacancy__organisation=offer.organisation, deadline=offer.deadline)
    assert book(other).starts_at == at(3, "09:45")


def test_moving_onto_its_own_time_with_another_mode_is_allowed(offer, advisor):
    conversation = book(offer)
    moved = services.move_conversation(conversation=conversation, starts_at=at(3, "09:45"), mode="phone", now=NOW)
    assert (moved.mode, moved.sequence) == ("phone", 1)


def test_moving_to_another_advisor_cancels_it_in_the_first_advisors_calendar(offer, advisor):
    conversation = book(offer)
    colleague = make_advisor(offer.organisation, full_name="Collega")
    services.move_conversation(
        conversation=conversation, starts_at=at(5, "09:00"), advisor_id=colleague.user_id, now=NOW
    )

    assert event_of(messages_to(advisor.user.email)[-1])[:3] == ("CANCEL", conversation.uid, 1)
    assert event_of(messages_to(colleague.user.email)[-1])[:3] == ("REQUEST", conversation.uid, 1)


def test_the_candidate_cancels_and_both_calendars_drop_it(offer, advisor):
    conversation = book(offer)
    cancelled = services.cancel_conversation(conversation=conversation, reason="Ik heb een nieuwe baan.", now=NOW)

    assert cancelled.status == ConversationStatus.CANCELLED_BY_CANDIDATE
    for address in (offer.candidate.email, advisor.user.email):
        assert event_of(messages_to(address)[-1])[:3] == ("CANCEL", conversation.uid, 1)
    again = services.cancel_conversation(conversation=conversation, now=NOW)  # a double click
    assert again.sequence == 1 and len(messages_to(advisor.user.email)) == 2
    assert book(offer).status == ConversationStatus.BOOKED  # and they may book again


def test_the_advisor_cancels_with_a_reason_and_the_candidate_gets_new_times(offer, advisor):
    conversation = book(offer)
    actor = actor_for(advisor.user, offer.organisation)
    with pytest.raises(ValidationError):
        services.cancel_conversation(conversation=conversation, actor=actor, reason="  ", now=NOW)

    later = NOW + datetime.timedelta(days=12)
    services.cancel_conversation(conversation=conversation, actor=actor, reason="Ik ben ziek.", now=later)

    conversation.refresh_from_db()
    offer.refresh_from_db()
    assert conversation.status == ConversationStatus.CANCELLED_BY_ADVISOR
    assert offer.deadline > TODAY + datetime.timedelta(days=14)  # open again for ten working days from then
    message = messages_to(offer.candidate.email)[-1]
    assert "Ik ben ziek." in message.body_text
    assert f"/offer/{offer.pk}/" in message.body_text  # the link to choose a new time


def test_held_and_no_show_only_after_the_start_and_never_after_a_cancellation(offer, advisor):
    conversation = book(offer)
    actor = actor_for(advisor.user, offer.organisation)
    with pytest.raises(services.BookingError):
        services.mark_held(actor=actor, conversation=conversation, now=NOW)
    after = at(3, "11:00")
    assert services.mark_no_show(actor=actor, conversation=conversation, now=after).status == ConversationStatus.NO_SHOW
    assert services.mark_held(actor=actor, conversation=conversation, now=after).status == ConversationStatus.HELD

    other = book(make_offer(vacancy__organisation=offer.organisation, deadline=offer.deadline), clock="15:00")
    services.cancel_conversation(conversation=other, now=NOW)
    with pytest.raises(services.BookingError):
        services.mark_held(actor=actor, conversation=other, now=at(4, "09:00"))


def test_an_overseer_may_record_a_colleagues_conversation(offer, advisor):
    conversation = book(offer)
    hr_lead = actor_for(member(offer.organisation, Role.HR_LEAD), offer.organisation)
    assert services.mark_held(actor=hr_lead, conversation=conversation, now=at(3, "11:00")).status == "held"
