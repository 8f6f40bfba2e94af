"""Erasure on the date the letter promised: what goes, what stays, and who may see the schedule."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.models import Candidate
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consultations.models import ConsultationBooking
from nagesprek.consultations.tests.factories import hour_with_session
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.tests.factories import ConversationFactory, make_offer
from nagesprek.emails.models import OutboxMessage
from nagesprek.letters.tests.factories import RejectionFactory
from nagesprek.matching.models_log import SuggestionLog
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import member
from nagesprek.referrals.constants import ReferralStatus
from nagesprek.referrals.models import Referral
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.retention import selectors, services
from nagesprek.retention.constants import ErasureReason
from nagesprek.retention.models import Erasure
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _rejected(*, days_ago: int, status: str = RejectionStatus.SENT):
    """A candidate whose rejection letter went out ``days_ago`` days ago."""
    when = NOW - timedelta(days=days_ago)
    application = ApplicationFactory(status=ApplicationStatus.REJECTED, closed_at=when)
    RejectionFactory(
        application=application,
        status=status,
        decided_at=when,
        sent_at=when if status == RejectionStatus.SENT else None,
    )
    return application


def _outbox_copy(application: Application) -> OutboxMessage:
    return OutboxMessage.objects.create(
        organisation=application.organisation,
        key=f"letter-{application.pk}",
        recipient=application.candidate.email,
        language="nl",
        template="rejection_letter",
        subject="Je sollicitatie",
        body_text="Beste kandidaat, …",
        candidate_id=application.candidate_id,
    )


def test_a_file_is_erased_28_days_after_the_letter_with_its_e_mails():
    application = _rejected(days_ago=29)
    candidate = application.candidate
    _outbox_copy(application)

    erased = services.erase_due_candidates(now=NOW)

    assert erased == 1
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not OutboxMessage.objects.filter(candidate_id=candidate.pk).exists()
    erasure = Erasure.objects.get(candidate_id=candidate.pk)
    assert erasure.reason == ErasureReason.RETENTION_PASSED
    assert (erasure.applications, erasure.messages) == (1, 1)
    assert AuditEvent.objects.filter(candidate_id=candidate.pk, action=AuditAction.DELETE).exists()


@pytest.mark.django_db(transaction=True)
def test_the_stored_cv_file_is_deleted_once_the_erasure_commits():
    application = _rejected(days_ago=40)
    candidate = application.candidate
    candidate.cv_file.save("cv.pdf", ContentFile(b"%PDF-1.4 cv"), save=True)
    stored = candidate.cv_file.name
    assert default_storage.exists(stored)

    services.erase_due_candidates(now=NOW)

    assert not default_storage.exists(stored)


def test_nothing_is_erased_before_the_promised_date():
    application = _rejected(days_ago=27)

    assert services.erase_due_candidates(now=NOW) == 0
    assert Candidate.objects.filter(pk=application.candidate_id).exists()


@pytest.mark.parametrize(
    "other_status", [ApplicationStatus.ACTIVE, ApplicationStatus.HIRED], ids=["still-in-procedure", "hired"]
)
def test_a_candidate_with_a_running_procedure_or_a_hire_is_kept(other_status):
    application = _rejected(days_ago=90)
    ApplicationFactory(candidate=application.candidate, organisation=application.organisation, status=other_status)

    assert services.erase_due_candidates(now=NOW) == 0
    assert Candidate.objects.filter(pk=application.candidate_id).exists()


@pytest.mark.parametrize("status", [RejectionStatus.DRAFT, RejectionStatus.IN_REVIEW, RejectionStatus.SCHEDULED])
def test_a_candidate_who_has_not_been_told_yet_is_kept(status):
    application = _rejected(days_ago=90, status=status)

    assert services.erase_due_candidates(now=NOW) == 0
    assert Candidate.objects.filter(pk=application.candidate_id).exists()


def test_the_window_counts_from_the_last_procedure_not_the_first():
    old = _rejected(days_ago=200)
    recent = ApplicationFactory(
        candidate=old.candidate,
        organisation=old.organisation,
        status=ApplicationStatus.WITHDRAWN,
        closed_at=NOW - timedelta(days=10),
    )

    assert services.erase_due_candidates(now=NOW) == 0
    assert services.erase_due_candidates(now=NOW + timedelta(days=19)) == 1
    assert not Candidate.objects.filter(pk=recent.candidate_id).exists()


def test_talent_pool_consent_keeps_the_file_until_it_ends():
    application = _rejected(days_ago=60)
    consent = consent_services.grant_consent(
        candidate=application.candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        source=ConsentSource.CANDIDATE_PAGE,
        now=NOW - timedelta(days=59),
    )

    assert services.erase_due_candidates(now=NOW) == 0
    assert services.erase_due_candidates(now=consent.expires_at - timedelta(minutes=1)) == 0

    assert services.erase_due_candidates(now=consent.expires_at + timedelta(minutes=1)) == 1
    assert Erasure.objects.get(candidate_id=application.candidate_id).reason == ErasureReason.CONSENT_ENDED


def test_withdrawing_consent_ends_the_extension():
    application = _rejected(days_ago=60)
    consent = consent_services.grant_consent(
        candidate=application.candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        source=ConsentSource.CANDIDATE_PAGE,
        now=NOW - timedelta(days=59),
    )
    assert services.erase_due_candidates(now=NOW) == 0

    consent_services.revoke_consent(consent=consent, now=NOW)

    assert services.erase_due_candidates(now=NOW + timedelta(minutes=1)) == 1


def test_a_referral_consent_alone_does_not_extend_the_file():
    application = _rejected(days_ago=60)
    consent_services.grant_consent(
        candidate=application.candidate,
        purpose=ConsentPurpose.REFERRAL,
        source=ConsentSource.CANDIDATE_PAGE,
        now=NOW - timedelta(days=59),
    )

    assert services.erase_due_candidates(now=NOW) == 1


def test_a_referral_waiting_for_the_recruiters_answer_keeps_the_file():
    application = _rejected(days_ago=40)
    referral = Referral.objects.create(
        organisation=application.organisation,
        candidate=application.candidate,
        vacancy=VacancyFactory(organisation=application.organisation),
        origin_application=application,
        note="Past goed.",
        created_at=NOW - timedelta(days=2),
        respond_by=(NOW + timedelta(days=3)).date(),
    )

    assert services.erase_due_candidates(now=NOW) == 0

    referral.status = ReferralStatus.DECLINED
    referral.decline_reason = "De vacature vraagt een BIG-registratie."
    referral.save()
    assert services.erase_due_candidates(now=NOW) == 1


def test_erasing_twice_is_a_no_op():
    application = _rejected(days_ago=40)

    first = services.erase_candidate(candidate_id=application.candidate_id, now=NOW)
    second = services.erase_candidate(candidate_id=application.candidate_id, now=NOW)

    assert first is not None
    assert second is None
    assert Erasure.objects.filter(candidate_id=application.candidate_id).count() == 1


def test_old_logs_are_pruned_and_recent_ones_kept(settings):
    application = _rejected(days_ago=1)
    organisation = application.organisation
    old_audit = AuditEvent.objects.create(
        organisation=organisation,
        actor_kind="system",
        actor_label="System",
        action=AuditAction.VIEW,
        object_type="x",
        object_id="1",
    )
    AuditEvent.objects.filter(pk=old_audit.pk).update(
        created_at=NOW - timedelta(days=settings.AUDIT_RETENTION_DAYS + 1)
    )
    log = SuggestionLog.objects.create(
        organisation=organisation,
        engine_version="1",
        kind="vacancies",
        audience="staff",
        subject_type="applications.Application",
        subject_id=application.pk,
    )
    SuggestionLog.objects.filter(pk=log.pk).update(created_at=NOW - timedelta(days=200))
    recent = SuggestionLog.objects.create(
        organisation=organisation,
        engine_version="1",
        kind="vacancies",
        audience="staff",
        subject_type="applications.Application",
        subject_id=application.pk,
    )

    assert services.prune_logs(now=NOW) == 2
    assert not AuditEvent.objects.filter(pk=old_audit.pk).exists()
    assert not SuggestionLog.objects.filter(pk=log.pk).exists()
    assert SuggestionLog.objects.filter(pk=recent.pk).exists()


def test_upcoming_erasures_stay_inside_the_organisation():
    mine = _rejected(days_ago=20)
    _rejected(days_ago=20)  # another organisation's candidate
    officer = member(mine.organisation, Role.PRIVACY_OFFICER)

    actor = Actor(user=officer, organisation=mine.organisation, roles=frozenset({Role.PRIVACY_OFFICER}))
    upcoming = list(selectors.list_upcoming_erasures_for_actor(actor=actor, now=NOW))

    assert [c.pk for c in upcoming] == [mine.candidate_id]
    assert upcoming[0].due_at.date() == (NOW + timedelta(days=8)).date()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.PRIVACY_OFFICER, 200),
        (Role.ORG_ADMIN, 200),
        (Role.RECRUITER, 403),
        (Role.ADVISOR, 403),
        (Role.HR_LEAD, 403),
    ],
)
def test_only_privacy_officers_and_admins_see_the_retention_page(client, role, status):
    application = _rejected(days_ago=20)
    client.force_login(member(application.organisation, role))

    response = client.get(reverse("retention:overview"))

    assert response.status_code == status
    if status == 200:
        assert str(application.candidate_id) in response.content.decode()
        assert application.candidate.full_name not in response.content.decode()


def test_a_conversation_keeps_the_file_until_the_window_after_it_has_passed():
    application = _rejected(days_ago=40)
    conversation = ConversationFactory(
        offer=make_offer(application),
        starts_at=NOW + timedelta(days=1),
        ends_at=NOW + timedelta(days=1, minutes=45),
    )

    assert services.erase_due_candidates(now=NOW) == 0

    conversation.status = ConversationStatus.HELD
    conversation.save()
    assert services.erase_due_candidates(now=NOW + timedelta(days=2)) == 0  # notes and follow-up need it
    assert services.erase_due_candidates(now=NOW + timedelta(days=30)) == 1


def test_the_privacy_officers_dashboard_counts_files_due_this_week_and_erased_this_month(client):
    soon = _rejected(days_ago=25)
    organisation = soon.organisation
    gone = ApplicationFactory(
        vacancy__organisation=organisation, status=ApplicationStatus.WITHDRAWN, closed_at=NOW - timedelta(days=60)
    )
    services.erase_due_candidates()
    client.force_login(member(organisation, Role.PRIVACY_OFFICER))

    panel = client.get(reverse("dashboards:home")).context["panels"][0]
    figures = {str(figure.label): figure.value for figure in panel.figures}

    assert not Candidate.objects.filter(pk=gone.candidate_id).exists()
    assert figures["Dossiers die binnen 7 dagen worden gewist"] == 1
    assert figures["Dossiers gewist in de afgelopen 30 dagen"] == 1


def test_a_consultation_booked_for_later_keeps_the_file_until_it_has_passed():
    application = _rejected(days_ago=40)
    _, session = hour_with_session(organisation=application.organisation, days_ahead=3)
    booking = ConsultationBooking.objects.create(
        organisation=application.organisation,
        session=session,
        candidate=application.candidate,
        host=session.hour.hosts.first(),
        starts_at=session.starts_at,
        ends_at=session.starts_at + timedelta(minutes=15),
    )

    assert services.erase_due_candidates(now=NOW) == 0
    assert services.erase_due_candidates(now=booking.ends_at + timedelta(minutes=1)) == 1
