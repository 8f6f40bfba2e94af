"""The demo's advising: the login advisor's held conversation with notes, an outcome and a sent summary."""

from __future__ import annotations

import random

import pytest

from nagesprek.advising.demo import add_demo_advising
from nagesprek.advising.models import AdviceSummary, AdvisorNote, ConversationOutcome
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.demo.services import load_demo_data
from nagesprek.emails.constants import OutboxStatus
from nagesprek.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_each_organisation_has_one_held_conversation_with_notes_outcome_and_a_sent_summary():
    load_demo_data()

    for organisation in Organisation.objects.all():
        (outcome,) = ConversationOutcome.objects.filter(organisation=organisation).select_related("conversation")
        conversation = outcome.conversation
        assert conversation.status == ConversationStatus.HELD
        assert conversation.advisor.email.startswith("loopbaanadviseur@")
        assert outcome.advice and outcome.routes.exists() and outcome.follow_up_on > conversation.starts_at.date()
        assert AdvisorNote.objects.filter(conversation=conversation).count() == 2
        summary = AdviceSummary.objects.get(conversation=conversation)
        assert summary.is_sent and summary.outbox_message.status == OutboxStatus.SENT
        assert conversation.candidate.full_name.split()[0] in summary.text
        assert add_demo_advising(organisation, random.Random(0)) == 0  # a second run adds nothing
