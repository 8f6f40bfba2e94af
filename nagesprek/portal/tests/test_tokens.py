"""Personal links: valid, tampered, expired, revoked, wrong purpose, bound to one candidate.

Time is moved by passing a clock (``now``), never by sleeping.
"""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.portal import tokens
from nagesprek.portal.constants import DEFAULT_LINK_DAYS, LinkPurpose
from nagesprek.portal.models import CandidateLink
from nagesprek.portal.selectors import LinkExpired, LinkInvalid, LinkRevoked, resolve_link
from nagesprek.portal.services import issue_link, revoke_links

pytestmark = pytest.mark.django_db


def _token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


@pytest.fixture
def candidate():
    return CandidateFactory()


def test_a_fresh_link_opens_its_candidates_page(candidate):
    link = resolve_link(token=_token(issue_link(candidate=candidate)))

    assert link.candidate == candidate
    assert link.purpose == LinkPurpose.CANDIDATE_PAGE


def test_the_link_is_an_absolute_url_on_the_site(candidate, settings):
    settings.SITE_URL = "https://nagesprek.example.nl"

    url = issue_link(candidate=candidate)

    assert url.startswith("https://nagesprek.example.nl/c/")
    assert url.endswith("/")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "x" + token,  # payload changed
        lambda token: token.split(":")[0],  # signature removed
        lambda token: "not-a-token",
        lambda token: "",
    ],
)
def test_a_tampered_token_is_refused(candidate, tamper):
    token = _token(issue_link(candidate=candidate))

    with pytest.raises(LinkInvalid):
        resolve_link(token=tamper(token))


def test_a_token_for_another_purpose_is_refused(candidate):
    issue_link(candidate=candidate)
    link = CandidateLink.objects.get()
    payload = {"l": link.pk, "c": candidate.pk, "n": link.nonce, "d": 90}
    # The same payload, signed for some other purpose (another salt) or with Django's default salt.
    for salt in ("nagesprek.portal.link.survey", "django.core.signing"):
        other = signing.TimestampSigner(salt=salt).sign_object(payload)
        with pytest.raises(LinkInvalid):
            resolve_link(token=other)


def test_a_link_stops_working_after_its_validity(candidate):
    now = timezone.now()
    token = _token(issue_link(candidate=candidate, valid_days=30, now=now))

    assert resolve_link(token=token, now=now + timedelta(days=29, hours=23))
    with pytest.raises(LinkExpired):
        resolve_link(token=token, now=now + timedelta(days=30, minutes=1))


def test_the_token_itself_expires_even_if_the_row_says_otherwise(candidate):
    now = timezone.now()
    token = _token(issue_link(candidate=candidate, valid_days=10, now=now))
    CandidateLink.objects.update(expires_at=now + timedelta(days=365))  # a row tampered with, or a bug

    with pytest.raises(LinkExpired):
        resolve_link(token=token, now=now + timedelta(days=11))


def test_the_default_validity_is_ninety_days(candidate):
    now = timezone.now()
    token = _token(issue_link(candidate=candidate, now=now))

    assert DEFAULT_LINK_DAYS == 90
    assert resolve_link(token=token, now=now + timedelta(days=89))
    with pytest.raises(LinkExpired):
        resolve_link(token=token, now=now + timedelta(days=91))


@pytest.mark.parametrize("days", [0, -1, 366])
def test_validity_outside_one_day_to_a_year_is_refused(candidate, days):
    with pytest.raises(ValueError, match="valid for 1 to 365 days"):
        issue_link(candidate=candidate, valid_days=days)
    assert not CandidateLink.objects.exists()


def test_a_revoked_link_stops_working_and_others_of_other_candidates_do_not(candidate):
    other = CandidateFactory(organisation=candidate.organisation)
    first = _token(issue_link(candidate=candidate))
    second = _token(issue_link(candidate=candidate))
    others = _token(issue_link(candidate=other))

    assert revoke_links(candidate=candidate) == 2

    for token in (first, second):
        with pytest.raises(LinkRevoked):
            resolve_link(token=token)
    assert resolve_link(token=others).candidate == other
    assert revoke_links(candidate=candidate) == 0  # idempotent


def test_a_token_is_bound_to_its_candidate(candidate):
    other = CandidateFactory(organisation=candidate.organisation)
    issue_link(candidate=candidate)
    link = CandidateLink.objects.get(candidate=candidate)
    # A correctly signed token naming this link but another candidate (as a bug or a leaked key might make).
    forged = tokens.make_token(
        token=tokens.LinkToken(link_id=link.pk, candidate_id=other.pk, nonce=link.nonce, valid_days=90),
        purpose=LinkPurpose.CANDIDATE_PAGE,
    )

    with pytest.raises(LinkInvalid):
        resolve_link(token=forged)


def test_a_new_nonce_kills_every_copy_of_the_old_link(candidate):
    token = _token(issue_link(candidate=candidate))
    CandidateLink.objects.update(nonce="replaced")

    with pytest.raises(LinkInvalid):
        resolve_link(token=token)


def test_a_deleted_link_row_is_unknown(candidate):
    token = _token(issue_link(candidate=candidate))
    CandidateLink.objects.all().delete()

    with pytest.raises(LinkInvalid):
        resolve_link(token=token)


def test_read_token_checks_age_with_the_clock_it_is_given():
    token = tokens.LinkToken(link_id=1, candidate_id=2, nonce="n", valid_days=1)
    value = tokens.make_token(token=token, purpose=LinkPurpose.CANDIDATE_PAGE, clock=lambda: 1_000_000.0)

    assert tokens.read_token(value, purpose=LinkPurpose.CANDIDATE_PAGE, clock=lambda: 1_000_000.0 + 86_000) == token
    with pytest.raises(tokens.TokenExpired):
        tokens.read_token(value, purpose=LinkPurpose.CANDIDATE_PAGE, clock=lambda: 1_000_000.0 + 86_401)
