"""The demo's past decisions: every letter sent in the demo carries reasons drafted from its own record."""

import pytest

from nagesprek.demo.services import load_demo_data
from nagesprek.emails.constants import OutboxStatus
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.models import ProtectedGround, Rejection

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_data()
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def test_every_demo_organisation_has_the_gate_rules(demo):
    assert ProtectedGround.objects.values("organisation").distinct().count() == 2


def test_sent_rejections_have_reasons_about_their_own_vacancy_and_a_sent_letter(demo):
    rejected = Rejection.objects.filter(outcome=Outcome.REJECTED).prefetch_related(
        "reasons__requirement", "reasons__criterion__stage"
    )
    assert rejected.count() > 100
    for rejection in rejected.select_related("application", "outbox_message"):
        assert rejection.status == RejectionStatus.SENT
        reasons = list(rejection.reasons.all())
        assert reasons, rejection
        for reason in reasons:
            target_vacancy = reason.requirement.vacancy_id if reason.requirement else reason.criterion.stage.vacancy_id
            assert target_vacancy == rejection.application.vacancy_id
        assert rejection.outbox_message.status == OutboxStatus.SENT
        assert rejection.outbox_message.recipient == rejection.application.candidate.email


def test_withdrawn_and_cancelled_letters_carry_no_reasons(demo):
    others = Rejection.objects.exclude(outcome=Outcome.REJECTED)
    assert others.exists()
    assert not others.filter(reasons__isnull=False).exists()


def test_the_anaesthesia_story_names_the_missing_partial_certificate(demo):
    rejection = Rejection.objects.get(
        application__candidate__full_name="Joyce van Leeuwen", application__vacancy__title="Anesthesiemedewerker"
    )
    # Her interview went well: the missing partial certificate is the one reason (the article's story).
    assert ["Deelcertificaat Anesthesiologie" in reason.explanation for reason in rejection.reasons.all()] == [True]
    assert "Deelcertificaat Anesthesiologie" in rejection.outbox_message.body_text
