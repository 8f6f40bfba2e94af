"""Demo advising: per organisation, the login advisor's latest held conversation with notes, an outcome and a
summary the candidate received.

Runs after the conversations and the referrals (``demo.services._later_steps``): it picks a conversation
the conversations demo recorded as held. Everything goes through this app's services, dated on the day
of the conversation; the summary's e-mail is recorded as delivered that day, as the letters' are, so
loading the demo sends nothing. Safe to run twice: a conversation with an outcome is left alone.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from nagesprek.advice import selectors as advice_selectors
from nagesprek.advising import services
from nagesprek.advising.models import AdvisorNote, ConversationOutcome
from nagesprek.advising.prefill import summary_prefill
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections.models import Rejection

LOGIN_ADVISOR = "loopbaanadviseur@"  # the advisor who logs in to the demo (demo.catalogue's StaffSpec)
NOTES = (
    "Voorbereiding: {name} kreeg de brief met redenen. In het gesprek wil ik vooral horen wat {name} zelf "
    "belangrijk vindt in werk, en welke route haalbaar is naast de huidige baan.",
    "Gesprek gehouden. {name} herkende de redenen uit de brief en wil verder in dezelfde richting. "
    "We hebben de routes uit de brief besproken; {name} kiest eerst voor de kortste.",
)
ADVICE = (
    "Begin met de route die het belangrijkste tekort sluit. Vraag je huidige werkgever of die wil meebetalen. "
    "Solliciteer daarna opnieuw: je ervaring telt mee, en de recruiter kent je dan al."
)
FOLLOW_UP_AFTER = timedelta(weeks=6)


def add_demo_advising(organisation: Organisation, rng: random.Random) -> int:
    """Notes, outcome and a sent summary on the login advisor's latest held conversation; returns 1 or 0."""
    conversation = _conversation(organisation)
    if conversation is None:
        return 0
    actor = Actor(user=conversation.advisor, organisation=organisation, roles=frozenset({Role.ADVISOR}))
    held_at = conversation.ends_at
    name = conversation.candidate.full_name.split()[0]
    for text in NOTES:
        note = services.add_note(actor=actor, conversation=conversation, text=text.format(name=name))
        AdvisorNote.objects.filter(pk=note.pk).update(created_at=held_at, updated_at=held_at)
    services.record_outcome(
        actor=actor,
        conversation=conversation,
        advice=ADVICE,
        routes=_letter_routes(conversation),
        follow_up_on=timezone.localdate(held_at + FOLLOW_UP_AFTER),
        now=held_at,
    )
    language = conversation.candidate.language
    text = summary_prefill(conversation=conversation, language=language)
    summary = services.save_summary(actor=actor, conversation=conversation, text=text, language=language)
    summary = services.send_summary(actor=actor, summary=summary, now=held_at)
    # Delivered on the day, like the demo's letters: loading the demo e-mails nobody.
    OutboxMessage.objects.filter(pk=summary.outbox_message_id or 0).update(
        status=OutboxStatus.SENT, attempts=1, sent_at=held_at, created_at=held_at
    )
    return 1


def _conversation(organisation: Organisation) -> Conversation | None:
    held = Conversation.objects.filter(
        organisation=organisation,
        status=ConversationStatus.HELD,
        advisor__email__startswith=LOGIN_ADVISOR,
        ends_at__lt=timezone.now(),
        application__rejection__isnull=False,
    )
    if ConversationOutcome.objects.filter(conversation__in=held).exists():
        return None  # loaded before
    return (
        held.select_related("candidate", "application__vacancy", "advisor", "organisation")
        .order_by("-starts_at")
        .first()
    )


def _letter_routes(conversation: Conversation) -> list:
    """The routes the letter advised: the conversation confirms them (the advisor may choose others)."""
    rejection = Rejection.objects.get(application_id=conversation.application_id)
    items = advice_selectors.list_advice_items(rejection=rejection, include_removed=False)
    return list({item.route.pk: item.route for item in items if item.route is not None}.values())
