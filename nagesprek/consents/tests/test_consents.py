"""Talent-pool consent as the candidate gives and withdraws it, and what the talent pool then holds."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.consents import selectors, services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consents.models import Consent
from nagesprek.portal.services import issue_link

pytestmark = pytest.mark.django_db
POOL = ConsentPurpose.TALENT_POOL


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def _grant(candidate, **kwargs):
    return services.grant_consent(candidate=candidate, purpose=POOL, source=ConsentSource.CANDIDATE_PAGE, **kwargs)


def _pool(candidate, now=None):
    return list(selectors.list_consented_candidates(organisation=candidate.organisation, purpose=POOL, now=now))


def test_without_consent_a_candidate_is_never_in_the_talent_pool():
    candidate = CandidateFactory()

    assert _pool(candidate) == []
    assert not selectors.has_valid_consent(candidate=candidate, purpose=POOL)


def test_consent_lasts_at_most_twelve_months_and_then_ends_by_itself():
    candidate = CandidateFactory()
    granted = timezone.now()
    consent = _grant(candidate, now=granted)

    assert consent.expires_at - consent.granted_at <= timedelta(days=366)
    assert _pool(candidate, now=granted + timedelta(days=364)) == [candidate]
    assert _pool(candidate, now=consent.expires_at) == []
    assert not selectors.has_valid_consent(candidate=candidate, purpose=POOL, now=consent.expires_at)


def test_withdrawal_stops_talent_pool_inclusion_at_once_and_both_steps_are_audited():
    candidate = CandidateFactory()
    consent = _grant(candidate)
    assert _pool(candidate) == [candidate]

    services.revoke_consent(consent=consent)

    assert _pool(candidate) == []
    events = AuditEvent.objects.filter(object_type="consents.Consent", candidate_id=candidate.pk)
    assert sorted(events.values_list("action", flat=True)) == sorted([AuditAction.CREATE, AuditAction.UPDATE])
    assert set(events.values_list("actor_kind", flat=True)) == {ActorKind.CANDIDATE}


def test_the_wording_shown_is_stored_in_the_candidates_language():
    candidate = CandidateFactory(language="en")

    consent = _grant(candidate)

    assert consent.language == "en"
    assert candidate.organisation.name in consent.wording
    assert "12 months" in consent.wording


def test_granting_twice_keeps_one_consent_and_its_dates():
    candidate = CandidateFactory()
    first = _grant(candidate)

    second = _grant(candidate, now=timezone.now() + timedelta(days=10))

    assert first.pk == second.pk
    assert Consent.objects.count() == 1


def test_consent_of_another_organisation_does_not_count():
    candidate = CandidateFactory()
    other = CandidateFactory()
    _grant(other)

    assert _pool(candidate) == []


class TestTheCandidatePage:
    def _urls(self, candidate):
        page = urlsplit(issue_link(candidate=candidate)).path
        token = page.split("/")[2]
        return page, f"/consents/{token}/talent-pool/"

    def test_giving_and_withdrawing_from_the_page(self, client):
        candidate = CandidateFactory(language="nl")
        page, consent_url = self._urls(candidate)

        assert nl("Keeping your data for other vacancies") in client.get(page).content.decode()
        form = client.get(consent_url)
        assert form.status_code == 200
        assert form["Referrer-Policy"] == "same-origin"

        response = client.post(consent_url, {"choice": "give"})
        assert response.status_code == 302
        assert selectors.has_valid_consent(candidate=candidate, purpose=POOL)
        assert nl("You have given permission.") in client.get(page).content.decode()

        client.post(consent_url, {"choice": "withdraw"})
        assert not selectors.has_valid_consent(candidate=candidate, purpose=POOL)
        assert nl("You have not given permission.") in client.get(page).content.decode()

    def test_no_choice_changes_nothing_and_says_why(self, client):
        candidate = CandidateFactory()
        _, consent_url = self._urls(candidate)

        response = client.post(consent_url, {"choice": "maybe"})

        assert response.status_code == 422
        assert Consent.objects.count() == 0

    def test_a_bad_link_grants_nothing(self, client):
        response = client.post("/consents/nonsense/talent-pool/", {"choice": "give"})

        assert response.status_code == 302
        assert Consent.objects.count() == 0
