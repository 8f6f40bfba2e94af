"""What each role sees first: a panel per role the actor holds, with live counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from nagesprek.advising import dashboard as advising_dashboard
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.models import AuditEvent
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Membership
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals import dashboard as referral_dashboard
from nagesprek.referrals import hires
from nagesprek.referrals import selectors as referral_selectors
from nagesprek.retention import selectors as retention_selectors
from nagesprek.vacancies import timeliness
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy


@dataclass(frozen=True)
class Figure:
    label: str | Promise
    value: int
    url: str = ""


@dataclass(frozen=True)
class Detail:
    """A list under a panel's figures (e.g. the latest hires after rejection, with paths): template and data."""

    template: str
    data: dict


@dataclass
class Panel:
    role: str
    title: str | Promise
    intro: str | Promise
    figures: list[Figure] = field(default_factory=list)
    details: list[Detail] = field(default_factory=list)


def _application_counts(actor: Actor, **filters: object) -> dict[str, int]:
    rows = Application.objects.filter(organisation=actor.organisation, **filters).aggregate(
        active=Count("id", filter=Q(status=ApplicationStatus.ACTIVE)),
        rejected=Count("id", filter=Q(status=ApplicationStatus.REJECTED)),
        hired=Count("id", filter=Q(status=ApplicationStatus.HIRED)),
        total=Count("id"),
    )
    return {key: value or 0 for key, value in rows.items()}


def _late_figure(actor: Actor, *, mine: bool) -> Figure:
    """Timeliness warning: candidates who have not heard anything N days after their vacancy closed (one query)."""
    summary = timeliness.late_summary(organisation=actor.organisation, recruiter=actor.user if mine else None)
    label = ngettext_lazy(
        "Candidates not heard %(days)s day after closing",
        "Candidates not heard %(days)s days after closing",
        "days",
    ) % {"days": summary.days}
    url = reverse("rejections:late_vacancies") + ("?mine=1" if mine else "")
    return Figure(label, summary.candidates, url)


def _recruiter_panel(actor: Actor) -> Panel:
    mine = Vacancy.objects.filter(organisation=actor.organisation, recruiters=actor.user, status=VacancyStatus.OPEN)
    counts = _application_counts(actor, vacancy__recruiters=actor.user)
    vacancies_url = reverse("vacancies:list")
    return Panel(
        Role.RECRUITER,
        _("Recruiter"),
        _("Your vacancies and the candidates in them."),
        [
            Figure(_("Your open vacancies"), mine.count(), f"{vacancies_url}?status=open"),
            Figure(_("Candidates in procedure"), counts["active"]),
            Figure(_("Rejected candidates"), counts["rejected"]),
            _late_figure(actor, mine=True),
            Figure(
                _("Referrals waiting for your answer"),
                referral_selectors.count_waiting_for_recruiter(actor=actor),
                reverse("referrals:list") + "?status=pending",
            ),
            Figure(
                _("Hired after an earlier rejection, in your vacancies"),
                hires.count_hires_after_rejection_for_actor(actor=actor, mine_only=True),
                reverse("referrals:hires"),
            ),
        ],
    )


def _evaluator_panel(actor: Actor) -> Panel:
    vacancies = Vacancy.objects.filter(organisation=actor.organisation, evaluators=actor.user)
    counts = _application_counts(actor, vacancy__evaluators=actor.user)
    return Panel(
        Role.EVALUATOR,
        _("Evaluator"),
        _("The procedures you assess candidates in."),
        [
            Figure(_("Vacancies you evaluate"), vacancies.count(), reverse("vacancies:list")),
            Figure(_("Candidates in procedure"), counts["active"]),
        ],
    )


def _advisor_panel(actor: Actor) -> Panel:
    counts = _application_counts(actor)
    referrals = referral_dashboard.advisor_referral_counts(actor=actor)
    referrals_url = reverse("referrals:list")
    return Panel(
        Role.ADVISOR,
        _("Career advisor"),
        _("Rejected candidates who may want a conversation about their next step."),
        [
            Figure(_("Rejected candidates in your organisation"), counts["rejected"], reverse("referrals:candidates")),
            Figure(_("Your referrals waiting for an answer"), referrals["pending"], f"{referrals_url}?status=pending"),
            Figure(_("Your referrals accepted"), referrals["accepted"], f"{referrals_url}?status=accepted"),
            Figure(_("Your referrals declined"), referrals["declined"], f"{referrals_url}?status=declined"),
            Figure(_("Hired after your referral"), referrals["hired"], reverse("referrals:hires")),
        ],
        details=[
            Detail("advising/_dashboard_agenda.html", advising_dashboard.agenda_for_advisor(actor=actor)),
            Detail(
                "referrals/_dashboard_referrals.html",
                {"referrals": referral_dashboard.latest_referrals_of_advisor(actor=actor)},
            ),
        ],
    )


def _hr_lead_panel(actor: Actor) -> Panel:
    counts = _application_counts(actor)
    open_vacancies = Vacancy.objects.filter(organisation=actor.organisation, status=VacancyStatus.OPEN).count()
    return Panel(
        Role.HR_LEAD,
        _("HR lead"),
        _("How your organisation treats its candidates."),
        [
            Figure(_("Open vacancies"), open_vacancies, reverse("vacancies:list") + "?status=open"),
            Figure(_("Applications"), counts["total"]),
            Figure(_("Rejected"), counts["rejected"]),
            Figure(_("Hired"), counts["hired"]),
            _late_figure(actor, mine=False),
            Figure(
                _("Hired after an earlier rejection"),
                hires.count_hires_after_rejection_for_actor(actor=actor),
                reverse("referrals:hires"),
            ),
        ],
        details=[Detail("referrals/_dashboard_hires.html", {"paths": referral_dashboard.latest_hires(actor=actor)})],
    )


def _privacy_panel(actor: Actor) -> Panel:
    now = timezone.now()
    since = now - timedelta(days=7)
    views = AuditEvent.objects.filter(organisation=actor.organisation, created_at__gte=since).count()
    due_soon = retention_selectors.list_upcoming_erasures_for_actor(actor=actor, now=now, days=7).count()
    erased = retention_selectors.list_erasures_for_actor(actor=actor).filter(erased_at__gte=now - timedelta(days=30))
    return Panel(
        Role.PRIVACY_OFFICER,
        _("Privacy officer"),
        _("Access to candidate files and the e-mail your organisation sends."),
        [
            Figure(_("Audit events in the last 7 days"), views, reverse("audit:log")),
            Figure(
                _("Undelivered e-mails"),
                OutboxMessage.objects.filter(organisation=actor.organisation, status=OutboxStatus.FAILED).count(),
                reverse("emails:outbox") + "?status=failed",
            ),
            Figure(_("Files to be erased within 7 days"), due_soon, reverse("retention:overview")),
            Figure(_("Files erased in the last 30 days"), erased.count(), reverse("retention:overview")),
        ],
    )


def _admin_panel(actor: Actor) -> Panel:
    members = Membership.objects.filter(organisation=actor.organisation).values("user").distinct().count()
    return Panel(
        Role.ORG_ADMIN,
        _("Organisation admin"),
        _("Your organisation's members, look and e-mail."),
        [
            Figure(_("Members"), members),
            Figure(
                _("E-mails in the outbox"),
                OutboxMessage.objects.filter(organisation=actor.organisation).count(),
                reverse("emails:outbox"),
            ),
        ],
    )


PANELS = {
    Role.RECRUITER: _recruiter_panel,
    Role.EVALUATOR: _evaluator_panel,
    Role.ADVISOR: _advisor_panel,
    Role.HR_LEAD: _hr_lead_panel,
    Role.PRIVACY_OFFICER: _privacy_panel,
    Role.ORG_ADMIN: _admin_panel,
}


def get_dashboard_for_actor(*, actor: Actor) -> list[Panel]:
    """One panel per role the actor holds, in a fixed order; a handful of count queries each."""
    return [build(actor) for role, build in PANELS.items() if actor.has_role(role)]
