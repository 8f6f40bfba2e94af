"""Who reads which conversations: advisors their own, HR leads and org admins all, nobody outside the organisation."""

import pytest
from django.http import Http404

from nagesprek.conversations import selectors
from nagesprek.conversations.tests.factories import ConversationFactory, make_offer
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections.tests.factories import actor_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    mine = ConversationFactory()
    organisation = mine.organisation
    colleagues = ConversationFactory(offer=make_offer(vacancy__organisation=organisation))
    elsewhere = ConversationFactory()
    return mine, colleagues, elsewhere


def _ids(conversations):
    return {c.pk for c in conversations}


def test_an_advisor_sees_only_their_own_conversations(agenda):
    mine, colleagues, elsewhere = agenda
    actor = actor_for(mine.advisor, mine.organisation)
    assert _ids(selectors.list_conversations_for_actor(actor=actor)) == {mine.pk}
    assert selectors.get_conversation_for_actor(actor=actor, conversation_id=mine.pk) == mine
    for other in (colleagues, elsewhere):
        with pytest.raises(Http404):
            selectors.get_conversation_for_actor(actor=actor, conversation_id=other.pk)


@pytest.mark.parametrize("role", [Role.HR_LEAD, Role.ORG_ADMIN])
def test_hr_leads_and_org_admins_see_every_advisor_of_their_organisation(agenda, role):
    mine, colleagues, elsewhere = agenda
    actor = actor_for(member(mine.organisation, role), mine.organisation)
    assert _ids(selectors.list_conversations_for_actor(actor=actor)) == {mine.pk, colleagues.pk}
    assert _ids(selectors.list_conversations_for_actor(actor=actor, advisor_id=colleagues.advisor_id)) == {
        colleagues.pk
    }
    with pytest.raises(Http404):
        selectors.get_conversation_for_actor(actor=actor, conversation_id=elsewhere.pk)


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.EVALUATOR, Role.PRIVACY_OFFICER])
def test_other_roles_read_no_agenda(agenda, role):
    mine, _colleagues, _elsewhere = agenda
    actor = actor_for(member(mine.organisation, role), mine.organisation)
    with pytest.raises(Http404):
        selectors.list_conversations_for_actor(actor=actor)
    with pytest.raises(Http404):
        selectors.get_conversation_for_actor(actor=actor, conversation_id=mine.pk)


def test_an_advisor_of_another_organisation_sees_nothing_here(agenda):
    mine, _colleagues, _elsewhere = agenda
    outsider = OrganisationFactory()
    actor = actor_for(member(outsider, Role.ADVISOR, Role.HR_LEAD), outsider)
    assert not selectors.list_conversations_for_actor(actor=actor).exists()
    with pytest.raises(Http404):
        selectors.get_conversation_for_actor(actor=actor, conversation_id=mine.pk)
