"""What the database itself refuses, whatever the code above it does (belt and braces)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import AdvisorProfile, ConversationPolicy
from nagesprek.conversations.tests.factories import ConversationFactory, make_offer
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


def test_one_advisor_cannot_have_two_active_conversations_starting_at_the_same_time():
    first = ConversationFactory()
    other_offer = make_offer(vacancy__organisation=first.organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        ConversationFactory(offer=other_offer, advisor=first.advisor, starts_at=first.starts_at)


def test_a_cancelled_conversation_frees_its_time():
    first = ConversationFactory(status=ConversationStatus.CANCELLED_BY_CANDIDATE)
    other_offer = make_offer(vacancy__organisation=first.organisation)
    second = ConversationFactory(offer=other_offer, advisor=first.advisor, starts_at=first.starts_at)
    assert second.pk


def test_one_application_has_at_most_one_active_conversation():
    first = ConversationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ConversationFactory(offer=first.offer, starts_at=first.starts_at + datetime.timedelta(days=1))


def test_an_organisation_has_one_policy_without_a_vacancy():
    organisation = OrganisationFactory()
    ConversationPolicy.objects.create(organisation=organisation, modes=["video"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ConversationPolicy.objects.create(organisation=organisation, modes=["phone"])


@pytest.mark.parametrize(
    ("languages", "modes", "field"),
    [([], ["video"], "languages"), (["nl"], [], "modes"), (["nl", "fr"], ["video"], "languages"),
     (["nl"], ["video", "video"], "modes"), (["nl"], ["on_site"], "location")],
)  # fmt: skip
def test_a_profile_with_impossible_choices_is_refused(languages, modes, field):
    organisation = OrganisationFactory()
    profile = AdvisorProfile(
        organisation=organisation, user=member(organisation, Role.ADVISOR), languages=languages, modes=modes
    )
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert field in error.value.message_dict
