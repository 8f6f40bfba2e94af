"""Writes of the advisor's workspace: opening the brief, notes, the outcome, consent given in the conversation,
and the written summary for the candidate.

Every service takes the actor and refuses (PermissionDenied) anyone but an advisor of the conversation's
organisation; every one records an audit row in its own transaction (the notes and the outcome are the
candidate's data). E-mail leaves only through ``emails.services.queue_email``, after commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.accounts.constants import Language
from nagesprek.advising import brief as brief_module
from nagesprek.advising import selectors
from nagesprek.advising.constants import ADVICE_MAX_LENGTH, NOTE_MAX_LENGTH, SUMMARY_MAX_LENGTH, SummaryStatus
from nagesprek.advising.models import AdviceSummary, AdvisorNote, ConversationOutcome
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consents.models import Consent
from nagesprek.conversations import services as conversation_services
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.emails.services import queue_email
from nagesprek.matching import services as matching_services
from nagesprek.matching.models_log import Audience, SuggestionKind
from nagesprek.organisations.selectors import Actor
from nagesprek.portal import services as portal_services
from nagesprek.referrals import explanations
from nagesprek.referrals import services as referral_services
from nagesprek.referrals.models import Referral
from nagesprek.routes.models import Route
from nagesprek.vacancies.models import Vacancy

SUMMARY_TEMPLATE = "advice_summary"
# An outcome is recorded for a conversation that takes or took place, not for one cancelled or missed.
OUTCOME_STATUSES = (ConversationStatus.BOOKED, ConversationStatus.HELD)


def _check(actor: Actor, conversation: Conversation) -> None:
    if not selectors.may_advise(actor) or conversation.organisation_id != actor.organisation.pk:
        raise PermissionDenied


def _audit(actor: Actor, action: AuditAction, target, conversation: Conversation, summary: str) -> None:
    record_event(
        organisation=actor.organisation,
        action=action,
        target=target,
        candidate_id=conversation.candidate_id,
        user=actor.user,
        summary=summary,
    )


def _text(value: str, *, field: str, limit: int, required: bool, missing: str) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: missing})
    if len(value) > limit:
        raise ValidationError({field: _("Keep it under %(max)s characters.") % {"max": limit}})
    return value


@transaction.atomic
def prepare_brief(*, actor: Actor, conversation: Conversation, today: date | None = None) -> brief_module.Brief:
    """The preparation brief of the conversation's application, audited as a view of the candidate's file.

    The vacancies that fit are asked from the matching now and logged there as a suggestion set (AI Act:
    what was shown, to whom, with which engine). PermissionDenied for anyone but an advisor of the organisation.
    """
    _check(actor, conversation)
    application = conversation.application
    suggestions = matching_services.suggest_vacancies_for_application(
        actor=actor, application=application, audience=Audience.STAFF
    )
    _audit(actor, AuditAction.VIEW, conversation, conversation, "Preparation brief opened")
    return brief_module.assemble_brief(actor=actor, application=application, suggestions=suggestions, today=today)


@transaction.atomic
def add_note(*, actor: Actor, conversation: Conversation, text: str) -> AdvisorNote:
    """Add a note to the conversation (kept apart from the hiring file). Raises ValidationError for empty text."""
    _check(actor, conversation)
    note = AdvisorNote(
        organisation=conversation.organisation,
        conversation=conversation,
        candidate_id=conversation.candidate_id,
        author=actor.user,
        text=_text(text, field="text", limit=NOTE_MAX_LENGTH, required=True, missing=_("Write the note.")),
    )
    note.full_clean()
    note.save()
    _audit(actor, AuditAction.CREATE, note, conversation, "Advisor's note written")
    return note


@transaction.atomic
def update_note(*, actor: Actor, note: AdvisorNote, text: str) -> AdvisorNote:
    """Change a note. Only its author may (PermissionDenied otherwise): a note says who wrote what."""
    conversation = note.conversation
    _check(actor, conversation)
    if note.author_id != actor.user.pk:
        raise PermissionDenied
    note.text = _text(text, field="text", limit=NOTE_MAX_LENGTH, required=True, missing=_("Write the note."))
    note.full_clean()
    note.save(update_fields=["text", "updated_at"])
    _audit(actor, AuditAction.UPDATE, note, conversation, "Advisor's note changed")
    return note


def _checked_routes(conversation: Conversation, routes: Iterable[Route]) -> list[Route]:
    routes = list(routes)
    if any(route.organisation_id != conversation.organisation_id for route in routes):
        raise ValidationError({"routes": _("Choose routes from your organisation's catalogue.")})
    return routes


def _checked_follow_up(conversation: Conversation, follow_up_on: date | None) -> date | None:
    if follow_up_on is not None and follow_up_on < timezone.localdate(conversation.starts_at):
        raise ValidationError({"follow_up_on": _("Choose a follow-up date on or after the day of the conversation.")})
    return follow_up_on


@transaction.atomic
def record_outcome(
    *,
    actor: Actor,
    conversation: Conversation,
    advice: str,
    routes: Iterable[Route] = (),
    follow_up_on: date | None = None,
    held: bool = False,
    now: datetime | None = None,
) -> ConversationOutcome:
    """Record (or change) what came out of the conversation: advice in words and/or routes, and a follow-up date.

    At least one of advice and routes. Only for a booked or held conversation (ValidationError otherwise).
    Saving again replaces the advice, routes and date; a changed follow-up date opens the follow-up again.
    ``held`` also records that the conversation took place (``conversations.services.mark_held``: only once
    it has started), in the same transaction: when that is refused, nothing here is saved either.
    """
    _check(actor, conversation)
    if held:
        try:
            conversation_services.mark_held(actor=actor, conversation=conversation, now=now)
        except conversation_services.BookingError as error:
            raise ValidationError({"held": str(error)}) from None
    conversation = Conversation.objects.select_for_update(of=("self",)).get(pk=conversation.pk)
    if conversation.status not in OUTCOME_STATUSES:
        raise ValidationError(_("This conversation was cancelled or missed: there is no outcome to record."))
    advice = _text(advice, field="advice", limit=ADVICE_MAX_LENGTH, required=False, missing="")
    routes = _checked_routes(conversation, routes)
    if not advice and not routes:
        raise ValidationError({"advice": _("Write the advice you gave, or choose at least one route.")})
    outcome = ConversationOutcome.objects.filter(conversation=conversation).first()
    created = outcome is None
    if outcome is None:
        outcome = ConversationOutcome(
            organisation=conversation.organisation, conversation=conversation, candidate_id=conversation.candidate_id
        )
    follow_up_on = _checked_follow_up(conversation, follow_up_on)
    if outcome.follow_up_on != follow_up_on:
        outcome.follow_up_done_at = None
    outcome.advice, outcome.follow_up_on = advice, follow_up_on
    outcome.recorded_by, outcome.recorded_at = actor.user, now or timezone.now()
    outcome.full_clean()
    outcome.save()
    outcome.routes.set(routes)
    _audit(
        actor,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        outcome,
        conversation,
        "Conversation outcome recorded",
    )
    return outcome


@transaction.atomic
def complete_follow_up(
    *, actor: Actor, outcome: ConversationOutcome, now: datetime | None = None
) -> ConversationOutcome:
    """Mark the follow-up done (it leaves the advisor's dashboard). Idempotent."""
    _check(actor, outcome.conversation)
    outcome = ConversationOutcome.objects.select_for_update().get(pk=outcome.pk)
    if outcome.follow_up_done_at is None and outcome.follow_up_on is not None:
        outcome.follow_up_done_at = now or timezone.now()
        outcome.save(update_fields=["follow_up_done_at", "updated_at"])
        _audit(actor, AuditAction.UPDATE, outcome, outcome.conversation, "Follow-up done")
    return outcome


@transaction.atomic
def record_referral_consent(*, actor: Actor, conversation: Conversation, language: str | None = None) -> Consent:
    """Record that the candidate agreed, in the conversation, to be passed to a recruiter for another job.

    The advisor read the wording out (in ``language``, default the candidate's) and the candidate said yes;
    it is stored with that wording and source "conversation", valid 12 months and revocable on the
    candidate's page (``consents.services.record_consent_answers``). Idempotent while a valid consent exists.
    """
    _check(actor, conversation)
    answers = consent_services.record_consent_answers(
        actor=actor,
        candidate=conversation.candidate,
        answers={ConsentPurpose.REFERRAL: True},
        source=ConsentSource.CONVERSATION,
        language=language,
    )
    consent = answers[ConsentPurpose.REFERRAL]
    assert consent is not None  # a "yes" always leaves a valid consent
    return consent


@transaction.atomic
def refer_from_conversation(
    *, actor: Actor, conversation: Conversation, vacancy: Vacancy, note: str, suggestion_log_id: int | None = None
) -> Referral:
    """Refer the candidate to ``vacancy`` from this conversation (``referrals.services.refer_candidate``).

    The referral keeps the conversation (the path to a later hire) and, when the vacancy was among the
    suggestions the brief showed, that logged suggestion and its explanation in words. Needs the
    candidate's REFERRAL consent: ValidationError (code ``no_consent``) otherwise, and nothing is saved.
    """
    _check(actor, conversation)
    log, explanation = explanations.from_log(
        organisation=conversation.organisation,
        log_id=suggestion_log_id,
        kind=SuggestionKind.VACANCIES_FOR_CANDIDATE,
        subject_id=conversation.application_id,
        target_id=vacancy.pk,
    )
    return referral_services.refer_candidate(
        actor=actor,
        candidate=conversation.candidate,
        vacancy=vacancy,
        note=note,
        explanation=explanation,
        source_conversation=conversation,
        suggestion_log=log,
    )


def _editable_summary(conversation: Conversation) -> AdviceSummary | None:
    summary = AdviceSummary.objects.select_for_update().filter(conversation=conversation).first()
    if summary is not None and summary.is_sent:
        raise ValidationError(_("This summary has been sent; it can no longer be changed."))
    return summary


@transaction.atomic
def save_summary(*, actor: Actor, conversation: Conversation, text: str, language: str) -> AdviceSummary:
    """Save the advisor's draft of the written summary (not sent). Refused once it has been sent."""
    _check(actor, conversation)
    if language not in Language.values:
        raise ValidationError({"language": _("Choose Dutch or English.")})
    text = _text(text, field="text", limit=SUMMARY_MAX_LENGTH, required=True, missing=_("Write the summary."))
    summary = _editable_summary(conversation) or AdviceSummary(
        organisation=conversation.organisation, conversation=conversation, candidate_id=conversation.candidate_id
    )
    summary.text, summary.language, summary.drafted_by = text, language, actor.user
    summary.full_clean()
    summary.save()
    _audit(actor, AuditAction.UPDATE, summary, conversation, "Advice summary saved as draft")
    return summary


@transaction.atomic
def send_summary(*, actor: Actor, summary: AdviceSummary, now: datetime | None = None) -> AdviceSummary:
    """Send the reviewed summary to the candidate by e-mail with a link to their page, where it shows from now on.

    Only after the conversation was held (ValidationError otherwise). Idempotent: the row is locked, a sent
    summary is returned as it is, and the e-mail's key is the summary's, so a retry never sends twice.
    """
    conversation = summary.conversation
    _check(actor, conversation)
    summary = AdviceSummary.objects.select_for_update().select_related("candidate__organisation").get(pk=summary.pk)
    if summary.is_sent:
        return summary
    if conversation.status != ConversationStatus.HELD:
        raise ValidationError(_("Mark the conversation as held before you send the summary."))
    candidate = summary.candidate
    message = queue_email(
        key=f"{SUMMARY_TEMPLATE}:{summary.pk}",
        to=candidate.email,
        template=SUMMARY_TEMPLATE,
        context={
            "text": summary.text,
            "candidate_url": portal_services.issue_link(candidate=candidate),
            "organisation_name": candidate.organisation.name,
        },
        language=summary.language,
        organisation=candidate.organisation,
        candidate_id=candidate.pk,
    )
    summary.status, summary.sent_at, summary.sent_by = SummaryStatus.SENT, now or timezone.now(), actor.user
    summary.outbox_message = message
    summary.full_clean()
    summary.save()
    _audit(actor, AuditAction.SEND, summary, conversation, "Advice summary sent to the candidate")
    return summary
