"""The candidate books, sees, moves and cancels through their personal link; nothing of anyone else's opens."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from nagesprek.audit.constants import ActorKind
from nagesprek.audit.models import AuditEvent
from nagesprek.conversations import services
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.conversations.slots import encode_time
from nagesprek.conversations.tests.factories import make_advisor, make_offer
from nagesprek.portal.services import issue_link

pytestmark = pytest.mark.django_db


def _token(candidate) -> str:
    return urlsplit(issue_link(candidate=candidate)).path.strip("/").split("/")[-1]


@pytest.fixture
def offer():
    offer = make_offer(deadline=timezone.localdate() + datetime.timedelta(days=21))
    make_advisor(offer.organisation, full_name="Ingrid Bakker")
    return offer


@pytest.fixture
def token(offer):
    return _token(offer.candidate)


def _first_slot(client, token, offer) -> str:
    page = client.get(reverse("conversations:book", args=[token, offer.pk]))
    assert page.status_code == 200
    return page.context["days"][0][1][0].value


def test_pick_confirm_and_see_the_booking(client, offer, token):
    slot = _first_slot(client, token, offer)
    confirm_url = reverse("conversations:book_confirm", args=[token, offer.pk])
    data = {"slot": slot, "mode": "video", "advisor": ""}

    page = client.get(confirm_url, data)
    assert page.status_code == 200 and not Conversation.objects.exists()  # looking changes nothing
    response = client.post(confirm_url, data)

    conversation = Conversation.objects.get()
    assert response.status_code == 302 and f"/{conversation.pk}/" in response["Location"]
    assert encode_time(conversation.starts_at) == slot
    mine = client.get(response["Location"])
    assert "Ingrid Bakker" in mine.content.decode()
    # The candidate page shows the appointment, and opening the booking page again leads to it.
    assert (
        reverse("conversations:mine", args=[token, conversation.pk])
        in client.get(reverse("portal:page", args=[token])).content.decode()
    )
    assert client.get(reverse("conversations:book", args=[token, offer.pk])).status_code == 302


def test_a_time_taken_meanwhile_says_so_and_shows_fresh_times(client, offer, token):
    slot = _first_slot(client, token, offer)
    other = make_offer(vacancy__organisation=offer.organisation, deadline=offer.deadline)
    services.book_slot(offer=other, starts_at=offer_time(slot), mode="video")

    response = client.post(
        reverse("conversations:book_confirm", args=[token, offer.pk]), {"slot": slot, "mode": "video"}
    )
    assert response.status_code == 409
    assert response.context["message"] == translation.gettext("This time was just taken. Choose another time.")
    assert slot not in [o.value for _day, options in response.context["days"] for o in options]
    assert Conversation.objects.filter(offer=offer).count() == 0


def offer_time(value: str) -> datetime.datetime:
    from nagesprek.conversations.slots import decode_time

    result = decode_time(value)
    assert result is not None
    return result


@pytest.mark.parametrize("slot", ["", "tomorrow", "20270101T0000Z"])
def test_a_bad_choice_is_explained_and_changes_nothing(client, offer, token, slot):
    response = client.post(
        reverse("conversations:book_confirm", args=[token, offer.pk]), {"slot": slot, "mode": "video"}
    )
    assert response.status_code in (409, 422)
    assert response.context["message"]
    assert not Conversation.objects.exists()


def test_move_and_cancel_through_the_link(client, offer, token):
    slot = _first_slot(client, token, offer)
    conversation = services.book_slot(offer=offer, starts_at=offer_time(slot), mode="video")
    move_page = client.get(reverse("conversations:move", args=[token, conversation.pk]))
    later = move_page.context["days"][-1][1][-1].value

    response = client.post(
        reverse("conversations:move_confirm", args=[token, conversation.pk]), {"slot": later, "mode": "phone"}
    )
    conversation.refresh_from_db()
    assert response.status_code == 302
    assert (encode_time(conversation.starts_at), conversation.mode, conversation.sequence) == (later, "phone", 1)

    client.post(reverse("conversations:cancel_mine", args=[token, conversation.pk]), {"reason": ""})
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.CANCELLED_BY_CANDIDATE
    ics = client.get(reverse("conversations:ics", args=[token, conversation.pk]))
    assert ics["Content-Type"].startswith("text/calendar") and b"METHOD:CANCEL" in ics.content


def test_another_candidates_offer_or_conversation_does_not_open(client, offer, token):
    stranger = make_offer(vacancy__organisation=offer.organisation)
    conversation = services.book_slot(
        offer=offer, starts_at=offer_time(_first_slot(client, token, offer)), mode="video"
    )
    other_token = _token(stranger.candidate)
    assert client.get(reverse("conversations:book", args=[other_token, offer.pk])).status_code == 404
    for name in ("mine", "move", "cancel_mine", "ics"):
        assert client.get(reverse(f"conversations:{name}", args=[other_token, conversation.pk])).status_code == 404
    assert client.get(reverse("conversations:book", args=["not-a-token", offer.pk])).status_code == 302


def test_every_page_the_candidate_opens_is_audited(client, offer, token):
    before = AuditEvent.objects.filter(actor_kind=ActorKind.CANDIDATE).count()
    _first_slot(client, token, offer)
    assert AuditEvent.objects.filter(actor_kind=ActorKind.CANDIDATE, candidate_id=offer.candidate_id).count() > before


def test_the_page_is_in_english_for_an_english_candidate(client, offer):
    offer.candidate.language = "en"
    offer.candidate.save()
    page = client.get(reverse("conversations:book", args=[_token(offer.candidate), offer.pk]))
    assert "Make an appointment with a career advisor" in page.content.decode()
