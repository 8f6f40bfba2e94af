"""The navigation per role: which sections an actor sees. Role rules live here, not in templates."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nagesprek.consultations.selectors import MANAGE_ROLES as CONSULTATION_ROLES
from nagesprek.conversations.selectors import AGENDA_ROLES, POLICY_ROLES, WAVE_ROLES
from nagesprek.emails.selectors import OUTBOX_ROLES
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals.constants import REFERRAL_ROLES, REFERRING_ROLES
from nagesprek.vacancies.selectors import VACANCY_ROLES


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: tuple[str, ...]

    @property
    def url(self) -> str:
        return reverse(self.url_name)


NAVIGATION = (
    NavItem(_("Dashboard"), "dashboards:home", ()),
    NavItem(_("Vacancies"), "vacancies:list", VACANCY_ROLES),
    NavItem(_("To review"), "rejections:review", (Role.RECRUITER, Role.HR_LEAD)),
    NavItem(_("Routes"), "routes:list", (Role.RECRUITER, Role.HR_LEAD)),  # the route catalogue (issue 4, part E)
    NavItem(_("Consultation hours"), "consultations:list", CONSULTATION_ROLES),  # issue 5
    NavItem(_("Referrals"), "referrals:list", REFERRAL_ROLES),  # issue 6
    NavItem(_("Rejected candidates"), "referrals:candidates", REFERRING_ROLES),  # issue 6: advisors refer from here
    NavItem(_("Agenda"), "conversations:agenda", AGENDA_ROLES),  # the advisors' conversations (issue 5)
    NavItem(_("Wave planner"), "conversations:waves", WAVE_ROLES),  # propose times to many candidates at once
    NavItem(_("Career advisors"), "conversations:advisors", (Role.ORG_ADMIN,)),
    NavItem(_("Conversation policy"), "conversations:policy", POLICY_ROLES),
    NavItem(_("Outbox"), "emails:outbox", OUTBOX_ROLES),
    NavItem(_("Audit log"), "audit:log", (Role.PRIVACY_OFFICER, Role.ORG_ADMIN)),
    NavItem(_("Retention"), "retention:overview", (Role.PRIVACY_OFFICER, Role.ORG_ADMIN)),
    NavItem(_("Vocabulary"), "matching:vocabulary", (Role.ORG_ADMIN,)),  # matching's synonyms (issue 4)
    NavItem(_("API keys"), "integrations:api_keys", (Role.ORG_ADMIN,)),  # the ATS's access to the API
    NavItem(_("Requests"), "privacy_requests:find", (Role.PRIVACY_OFFICER,)),
    NavItem(_("Organisation"), "organisations:theme", (Role.ORG_ADMIN,)),
)


def navigation_for_actor(actor: Actor | None) -> list[NavItem]:
    if actor is None:
        return []
    return [item for item in NAVIGATION if not item.roles or actor.has_role(*item.roles)]


__all__ = ["NavItem", "navigation_for_actor"]
