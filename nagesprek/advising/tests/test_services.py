"""Notes, outcome, consent from the conversation and the written summary: the rules an advisor would notice."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nagesprek.advice.tests.factories import make_route
from nagesprek.advising import selectors, services
from nagesprek.advising.models import AdviceSummary, AdvisorNote, ConversationOutcome
from nagesprek.advising.prefill import summary_prefill
from nagesprek.advising.tests.factories import make_story
from nagesprek.audit.models import AuditEvent
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.emails.models import OutboxMessage
from nagesprek.matching.tests.helpers import give_profile, vacancy_asking
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.privacy_requests.personal_data import collect_personal_data
from nagesprek.referrals.models import Referral
from nagesprek.rejections.tests.factories import actor_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_story()


@pytest.fixture
def held():
    """A conversation that took place yesterday."""
    story = make_story(starts_at=timezone.now() - datetime.timedelta(days=1), status=ConversationStatus.HELD)
    return story


# Notes


def test_an_advisor_writes_a_note_and_it_is_audited(story):
    note = services.add_note(
        actor=story.actor(), conversation=story.conversation, text="  Wil graag in de zorg blijven. "
    )

    assert note.text == "Wil graag in de zorg blijven."
    assert (note.author, note.candidate) == (story.advisor, story.candidate)
    assert AuditEvent.objects.filter(summary="Advisor's note written", candidate_id=story.candidate.pk).exists()


def test_an_empty_note_is_refused_and_nothing_is_saved(story):
    with pytest.raises(ValidationError) as refused:
        services.add_note(actor=story.actor(), conversation=story.conversation, text="   ")
    assert "text" in refused.value.message_dict
    assert not AdvisorNote.objects.exists()


def test_another_advisor_of_the_organisation_reads_the_notes_but_changes_only_their_own(story):
    note = services.add_note(actor=story.actor(), conversation=story.conversation, text="Eerste indruk.")
    colleague = story.someone(Role.ADVISOR)

    assert list(selectors.list_notes(conversation=selectors.get_conversation_for_advisor(
        actor=colleague, conversation_id=story.conversation.pk))) == [note]  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.update_note(actor=colleague, note=note, text="Iets anders.")
    services.update_note(actor=story.actor(), note=note, text="Tweede indruk.")
    note.refresh_from_db()
    assert note.text == "Tweede indruk."


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.EVALUATOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_only_advisors_write_notes(story, role):
    with pytest.raises(PermissionDenied):
        services.add_note(actor=story.someone(role), conversation=story.conversation, text="Niet van mij.")


def test_an_advisor_of_another_organisation_reaches_nothing(story):
    other = OrganisationFactory()
    stranger = actor_for(member(other, Role.ADVISOR), other)
    with pytest.raises(PermissionDenied):
        services.add_note(actor=stranger, conversation=story.conversation, text="Niet van mij.")
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.get_conversation_for_advisor(actor=stranger, conversation_id=story.conversation.pk)


# Outcome


def test_the_outcome_keeps_the_advice_the_routes_and_the_follow_up(story):
    follow_up = timezone.localdate() + datetime.timedelta(days=30)
    outcome = services.record_outcome(
        actor=story.actor(), conversation=story.conversation, advice="Haal eerst je BIG-registratie weer op orde.",
        routes=[story.routes["big"]], follow_up_on=follow_up,
    )  # fmt: skip

    assert list(outcome.routes.all()) == [story.routes["big"]]
    assert outcome.follow_up_on == follow_up and outcome.follow_up_open
    again = services.record_outcome(actor=story.actor(), conversation=story.conversation, advice="Alleen woorden.")
    assert again.pk == outcome.pk and list(again.routes.all()) == [] and again.follow_up_on is None


def test_recording_the_outcome_can_mark_the_conversation_held_once_it_has_started(story):
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(actor=story.actor(), conversation=story.conversation, advice="x", held=True)
    assert "held" in refused.value.message_dict
    assert not ConversationOutcome.objects.exists()

    Conversation.objects.filter(pk=story.conversation.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1), ends_at=timezone.now()
    )
    story.conversation.refresh_from_db()
    services.record_outcome(actor=story.actor(), conversation=story.conversation, advice="x", held=True)

    story.conversation.refresh_from_db()
    assert story.conversation.status == ConversationStatus.HELD


def test_an_outcome_needs_advice_or_a_route(story):
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(actor=story.actor(), conversation=story.conversation, advice=" ")
    assert "advice" in refused.value.message_dict


def test_routes_of_another_organisation_are_refused(story):
    foreign = make_route(OrganisationFactory(), "Elders")
    with pytest.raises(ValidationError):
        services.record_outcome(actor=story.actor(), conversation=story.conversation, advice="x", routes=[foreign])


def test_a_follow_up_before_the_conversation_is_refused(story):
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(
            actor=story.actor(), conversation=story.conversation, advice="x",
            follow_up_on=timezone.localdate() - datetime.timedelta(days=1),
        )  # fmt: skip
    assert "follow_up_on" in refused.value.message_dict


def test_no_outcome_for_a_cancelled_conversation(story):
    Conversation.objects.filter(pk=story.conversation.pk).update(status=ConversationStatus.CANCELLED_BY_CANDIDATE)
    story.conversation.refresh_from_db()
    with pytest.raises(ValidationError):
        services.record_outcome(actor=story.actor(), conversation=story.conversation, advice="x")


def test_a_follow_up_is_due_on_its_day_until_it_is_done(held):
    today = timezone.localdate()
    outcome = services.record_outcome(
        actor=held.actor(), conversation=held.conversation, advice="Bel over de opleiding.", follow_up_on=today
    )
    assert list(selectors.list_follow_ups_due(actor=held.actor(), today=today - datetime.timedelta(days=1))) == []
    assert list(selectors.list_follow_ups_due(actor=held.actor(), today=today)) == [outcome]
    assert list(selectors.list_follow_ups_due(actor=held.someone(Role.ADVISOR), today=today)) == []  # not theirs

    services.complete_follow_up(actor=held.actor(), outcome=outcome)
    services.complete_follow_up(actor=held.actor(), outcome=outcome)  # twice: still one done date

    assert list(selectors.list_follow_ups_due(actor=held.actor(), today=today)) == []
    assert AuditEvent.objects.filter(summary="Follow-up done").count() == 1


# Consent given in the conversation


def test_consent_given_in_the_conversation_is_recorded_with_its_wording_and_source(story):
    consent = services.record_referral_consent(actor=story.actor(), conversation=story.conversation, language="en")

    assert (consent.purpose, consent.source, consent.language) == (
        ConsentPurpose.REFERRAL, ConsentSource.CONVERSATION, "en",
    )  # fmt: skip
    assert "passes my application data to a colleague" in consent.wording
    assert services.record_referral_consent(actor=story.actor(), conversation=story.conversation) == consent


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.EVALUATOR])
def test_only_advisors_record_consent_from_a_conversation(story, role):
    with pytest.raises(PermissionDenied):
        services.record_referral_consent(actor=story.someone(role), conversation=story.conversation)


# The written summary


def _summary(story, text="Beste Sanne,\n\nJe advies: haal je BIG-registratie.", language="nl"):
    return services.save_summary(actor=story.actor(), conversation=story.conversation, text=text, language=language)


def test_the_summary_is_sent_once_by_email_in_the_chosen_language(held, django_capture_on_commit_callbacks):
    summary = _summary(held, text="Dear Sanne,\n\nMy advice: renew your BIG registration.", language="en")

    with django_capture_on_commit_callbacks(execute=False):
        sent = services.send_summary(actor=held.actor(), summary=summary)
        again = services.send_summary(actor=held.actor(), summary=summary)

    message = OutboxMessage.objects.get()
    assert (message.recipient, message.language, message.template) == (held.candidate.email, "en", "advice_summary")
    assert "renew your BIG registration" in message.body_text and "/c/" in message.body_text
    assert sent.is_sent and again.sent_at == sent.sent_at and sent.outbox_message == message
    assert AuditEvent.objects.filter(summary="Advice summary sent to the candidate").count() == 1


def test_the_summary_is_sent_only_after_the_conversation_was_held(story):
    summary = _summary(story)
    with pytest.raises(ValidationError):
        services.send_summary(actor=story.actor(), summary=summary)
    assert not OutboxMessage.objects.exists()


def test_a_sent_summary_can_no_longer_be_changed(held):
    services.send_summary(actor=held.actor(), summary=_summary(held))
    with pytest.raises(ValidationError):
        _summary(held, text="Iets anders.")
    assert AdviceSummary.objects.get().text.startswith("Beste Sanne")


def test_the_summary_needs_text_and_a_language_we_offer(story):
    with pytest.raises(ValidationError):
        _summary(story, text="  ")
    with pytest.raises(ValidationError):
        _summary(story, language="de")
    assert not AdviceSummary.objects.exists()


def test_the_candidate_page_shows_only_sent_summaries(held):
    summary = _summary(held)
    assert list(selectors.sent_summaries_for_candidate(candidate=held.candidate)) == []
    services.send_summary(actor=held.actor(), summary=summary)
    assert list(selectors.sent_summaries_for_candidate(candidate=held.candidate)) == [summary]


# Access request


def test_an_access_request_export_discloses_the_notes_outcome_and_summary(held):
    services.add_note(actor=held.actor(), conversation=held.conversation, text="Wil parttime werken.")
    services.record_outcome(actor=held.actor(), conversation=held.conversation, advice="Volg de opleiding.")
    _summary(held)
    other = make_story()  # another candidate's notes stay out
    services.add_note(actor=other.actor(), conversation=other.conversation, text="Niet van Sanne.")

    exported = json.dumps(collect_personal_data(held.candidate), ensure_ascii=False)

    assert "Wil parttime werken." in exported and "Volg de opleiding." in exported
    assert "Je advies: haal je BIG-registratie." in exported
    assert "Niet van Sanne." not in exported


def test_notes_go_with_the_candidate_when_the_file_is_erased(held):
    services.add_note(actor=held.actor(), conversation=held.conversation, text="Wil parttime werken.")
    held.candidate.delete()
    assert not AdvisorNote.objects.exists()


# Referral from the conversation


def _other_vacancy(story):
    """An open vacancy that fits the candidate now (they note minutes, it asks for that)."""
    give_profile(story.candidate, skills=["Notuleren"])
    vacancy = vacancy_asking(story.organisation, skills=["Notuleren"], title="Medisch secretaresse")
    vacancy.recruiters.add(member(story.organisation, Role.RECRUITER))
    return vacancy


def test_without_consent_no_referral_is_made(story):
    vacancy = _other_vacancy(story)
    with pytest.raises(ValidationError) as refused:
        services.refer_from_conversation(actor=story.actor(), conversation=story.conversation, vacancy=vacancy,
                                         note="Past goed bij het secretariaat.")  # fmt: skip
    assert refused.value.error_list[0].code == "no_consent"
    assert not Referral.objects.exists()


def test_a_referral_from_the_conversation_keeps_the_conversation_and_the_suggestion_shown(story):
    vacancy = _other_vacancy(story)
    services.record_referral_consent(actor=story.actor(), conversation=story.conversation)
    shown = services.prepare_brief(actor=story.actor(), conversation=story.conversation)
    assert [item.target for item in shown.suggestions.items] == [vacancy]

    referral = services.refer_from_conversation(
        actor=story.actor(), conversation=story.conversation, vacancy=vacancy, note="Past goed.",
        suggestion_log_id=shown.suggestions.log.pk,
    )  # fmt: skip

    assert (referral.source_conversation, referral.origin_application) == (story.conversation, story.application)
    assert referral.suggestion_log == shown.suggestions.log
    assert "Notuleren" in referral.explanation  # the recruiter reads what the advisor read
    assert selectors.referred_vacancy_titles(conversation=story.conversation) == ["Medisch secretaresse"]


def test_the_summary_draft_names_the_advice_routes_follow_up_and_referral(held):
    vacancy = _other_vacancy(held)
    services.record_referral_consent(actor=held.actor(), conversation=held.conversation)
    services.refer_from_conversation(actor=held.actor(), conversation=held.conversation, vacancy=vacancy, note="x y z")
    follow_up = timezone.localdate() + datetime.timedelta(days=40)
    services.record_outcome(
        actor=held.actor(), conversation=held.conversation, advice="Vraag je registratie opnieuw aan.",
        routes=[held.routes["big"]], follow_up_on=follow_up,
    )  # fmt: skip

    dutch = summary_prefill(conversation=held.conversation, language="nl")
    english = summary_prefill(conversation=held.conversation, language="en")

    assert dutch.startswith("Beste Sanne de Vries,") and "Met vriendelijke groet," in dutch
    for expected in ("Vraag je registratie opnieuw aan.", "BIG-herregistratie", "8 weken", "€ 110,00",
                     "Medisch secretaresse", held.advisor.email):  # fmt: skip
        assert expected in dutch
    assert english.startswith("Dear Sanne de Vries,") and "8 weeks" in english and "Medisch secretaresse" in english
    assert " u " not in f" {dutch} " and " uw " not in f" {dutch} "  # "je" to candidates, never "u"
