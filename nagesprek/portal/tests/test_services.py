from datetime import timedelta

import pytest
from django.utils import timezone

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.emails.models import OutboxMessage
from nagesprek.letters.tests.factories import RejectionFactory
from nagesprek.portal.constants import FRESH_LINKS_PER_HOUR
from nagesprek.portal.models import CandidateLink
from nagesprek.portal.selectors import resolve_link
from nagesprek.portal.services import issue_link, record_page_viewed, revoke_links, send_fresh_links
from nagesprek.rejections.constants import RejectionStatus

pytestmark = pytest.mark.django_db


def _candidate_with_sent_letter(**candidate_fields):
    rejection = RejectionFactory(application__candidate=CandidateFactory(**candidate_fields))
    return rejection.application.candidate


def test_issuing_a_link_is_audited_as_a_system_action():
    candidate = CandidateFactory()

    issue_link(candidate=candidate)

    event = AuditEvent.objects.get(action=AuditAction.CREATE)
    assert (event.actor_kind, event.candidate_id, event.object_type) == (
        ActorKind.SYSTEM,
        candidate.pk,
        "portal.CandidateLink",
    )


def test_each_link_gets_its_own_nonce():
    candidate = CandidateFactory()

    issue_link(candidate=candidate)
    issue_link(candidate=candidate)

    nonces = set(CandidateLink.objects.values_list("nonce", flat=True))
    assert len(nonces) == 2
    assert all(len(nonce) >= 32 for nonce in nonces)


def test_revoking_is_audited_once_and_only_when_something_changed():
    candidate = CandidateFactory()
    issue_link(candidate=candidate)

    revoke_links(candidate=candidate)
    revoke_links(candidate=candidate)

    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, candidate_id=candidate.pk).count() == 1


def test_recording_a_view_marks_the_link_used_and_audits_the_candidate_as_actor():
    candidate = CandidateFactory()
    link = resolve_link(token=issue_link(candidate=candidate).rstrip("/").rsplit("/", 1)[1])

    record_page_viewed(link=link)

    link.refresh_from_db()
    assert link.last_used_at is not None
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.actor_kind, event.actor, event.candidate_id) == (ActorKind.CANDIDATE, None, candidate.pk)


def test_a_fresh_link_goes_to_a_known_address_with_a_sent_letter():
    candidate = _candidate_with_sent_letter(email="sanne@example.net", language="en")

    assert send_fresh_links(email="  SANNE@example.net ") == 1

    message = OutboxMessage.objects.get()
    assert (message.recipient, message.template, message.language) == ("sanne@example.net", "candidate_link", "en")
    assert message.candidate_id == candidate.pk
    link = CandidateLink.objects.get()
    assert "/c/" in message.body_text
    token = message.body_text.split("/c/", 1)[1].split("/", 1)[0]
    assert resolve_link(token=token) == link


def test_no_link_for_an_unknown_address_or_a_candidate_without_a_sent_letter():
    RejectionFactory(application__candidate=CandidateFactory(email="draft@example.net"), status=RejectionStatus.DRAFT)
    CandidateFactory(email="nothing@example.net")

    assert send_fresh_links(email="unknown@example.net") == 0
    assert send_fresh_links(email="draft@example.net") == 0
    assert send_fresh_links(email="nothing@example.net") == 0
    assert not OutboxMessage.objects.exists()
    assert not CandidateLink.objects.exists()


def test_fresh_links_are_rate_limited_per_address_per_hour():
    _candidate_with_sent_letter(email="sanne@example.net")
    now = timezone.now()

    sent = [send_fresh_links(email="sanne@example.net", now=now) for _ in range(FRESH_LINKS_PER_HOUR + 2)]

    assert sent == [1] * FRESH_LINKS_PER_HOUR + [0, 0]
    assert OutboxMessage.objects.count() == FRESH_LINKS_PER_HOUR
    OutboxMessage.objects.update(created_at=now - timedelta(hours=1, minutes=1))
    assert send_fresh_links(email="sanne@example.net", now=now) == 1


def test_one_address_at_two_organisations_gets_a_link_for_each():
    first = _candidate_with_sent_letter(email="sanne@example.net")
    second = _candidate_with_sent_letter(email="sanne@example.net")
    assert first.organisation != second.organisation

    assert send_fresh_links(email="sanne@example.net") == 2

    assert set(OutboxMessage.objects.values_list("organisation", flat=True)) == {
        first.organisation_id,
        second.organisation_id,
    }
