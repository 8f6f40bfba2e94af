"""The demo holds referrals in every state and, in both organisations, a hire after an earlier rejection."""

from __future__ import annotations

import pytest
from django.db import transaction

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.demo import services as demo_services
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals import hires
from nagesprek.referrals.constants import InvitationStatus, ReferralStatus
from nagesprek.referrals.demo import add_demo_referrals
from nagesprek.referrals.models import Invitation, Referral

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_services.load_demo_data()
        transaction.set_rollback(True)


def _hr_lead(organisation: Organisation) -> Actor:
    membership = organisation.memberships.filter(role=Role.HR_LEAD).select_related("user")[0]
    return Actor(user=membership.user, organisation=organisation, roles=frozenset({Role.HR_LEAD}))


@pytest.mark.parametrize("slug", ["uitvoeringsdienst", "ziekenhuis-delftland"])
def test_each_organisation_has_referrals_in_every_state_and_a_hire_after_rejection(slug):
    organisation = Organisation.objects.get(slug=slug)
    referrals = Referral.objects.filter(organisation=organisation)

    assert set(referrals.values_list("status", flat=True)) == {
        ReferralStatus.PENDING,
        ReferralStatus.ACCEPTED,
        ReferralStatus.DECLINED,
    }
    assert not referrals.filter(status=ReferralStatus.DECLINED, decline_reason="").exists()
    invitations = Invitation.objects.filter(organisation=organisation)
    assert set(invitations.values_list("status", flat=True)) == {InvitationStatus.SENT, InvitationStatus.APPLIED}
    [path] = hires.paths_for(hires.list_hires_after_rejection_for_actor(actor=_hr_lead(organisation)))
    assert path.way == hires.Way.REFERRAL
    assert [step.kind for step in path.steps] == ["rejected", "letter", "referral", "accepted", "hired"]
    assert path.steps[1].data["advice_count"] >= 1


def test_every_referred_candidate_gave_permission_first_and_is_not_a_scripted_story():
    for referral in Referral.objects.select_related("candidate"):
        consent = referral.candidate.consents.get(purpose="referral")
        assert consent.granted_at < referral.created_at
        assert referral.candidate.full_name not in {"Joyce van Leeuwen", "Marja de Groot"}
    for invitation in Invitation.objects.select_related("candidate"):
        assert invitation.candidate.consents.filter(purpose="talent_pool", granted_at__lt=invitation.created_at)


def test_the_login_recruiter_has_referrals_waiting():
    for organisation in Organisation.objects.all():
        recruiter = organisation.memberships.filter(role=Role.RECRUITER).order_by("pk").first().user
        pending = Referral.objects.filter(status=ReferralStatus.PENDING, vacancy__recruiters=recruiter)
        assert pending.count() == 2


def test_one_hire_through_a_referral_per_organisation_and_the_step_runs_once():
    hired = Referral.objects.filter(application__status=ApplicationStatus.HIRED)
    assert hired.count() == 2
    organisation = Organisation.objects.first()
    assert add_demo_referrals(organisation, demo_services.demo_random(1, "again")) == 0
