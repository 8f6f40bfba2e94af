"""The advisor's agenda (day and week) and a conversation's page with its actions: held, no-show, cancel."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nagesprek.conversations import explanations, selectors, services
from nagesprek.conversations.calendars import local_bounds
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.forms import AdvisorCancelForm
from nagesprek.organisations.access import actor_required


def _period(request: HttpRequest) -> tuple[str, date, date]:
    """The view (``day`` or ``week``) and its first and last local date, from ``?view=`` and ``?date=``."""
    view = "day" if request.GET.get("view") == "day" else "week"
    try:
        day = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = timezone.localdate()
    if view == "day":
        return view, day, day
    monday = day - timedelta(days=day.weekday())
    return view, monday, monday + timedelta(days=6)


def _advisor_id(request: HttpRequest, advisors: list) -> int | None:
    """The advisor whose agenda is shown: an advisor sees their own; an overseer picks one or sees all (None)."""
    actor = request.actor  # type: ignore[attr-defined]
    if not actor.has_role(*selectors.OVERSEER_ROLES):
        return actor.user.pk
    wanted = request.GET.get("advisor", "")
    return int(wanted) if wanted.isdigit() and int(wanted) in {a.pk for a in advisors} else None


@require_GET
@actor_required(*selectors.AGENDA_ROLES)
def agenda(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    advisors = selectors.list_advisors_for_agenda(actor=actor)
    view, first, last = _period(request)
    advisor_id = _advisor_id(request, advisors)
    start, end = local_bounds(first, last)
    conversations = list(
        selectors.list_conversations_for_actor(actor=actor, advisor_id=advisor_id, start=start, end=end)
    )
    services.record_agenda_viewed(actor=actor, conversations=conversations)
    step = timedelta(days=1 if view == "day" else 7)
    context = {
        "view": view,
        "first": first,
        "last": last,
        "previous": first - step,
        "next": first + step,
        "today": timezone.localdate(),
        "advisors": advisors,
        "advisor_id": advisor_id,
        "is_overseer": actor.has_role(*selectors.OVERSEER_ROLES),
        "days": [(d, list(rows)) for d, rows in groupby(conversations, key=lambda c: timezone.localdate(c.starts_at))],
        "count": len(conversations),
        "now": timezone.now(),
    }
    return render(request, "conversations/agenda.html", context)


@require_GET
@actor_required(*selectors.AGENDA_ROLES)
def detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    conversation = selectors.get_conversation_for_actor(actor=actor, conversation_id=conversation_id)
    services.record_conversation_viewed(actor=actor, conversation=conversation)
    return render(request, "conversations/detail.html", _detail_context(conversation, AdvisorCancelForm()))


def _detail_context(conversation, form) -> dict:
    now = timezone.now()
    return {
        "conversation": conversation,
        "cancel_form": form,
        "can_record": conversation.starts_at <= now
        and conversation.status in (ConversationStatus.BOOKED, ConversationStatus.HELD, ConversationStatus.NO_SHOW),
        "can_cancel": conversation.status in (ConversationStatus.BOOKED, ConversationStatus.PROPOSED),
        "proposal_reasons": _proposal_reasons(conversation),
        "is_held": conversation.status == ConversationStatus.HELD,
        "is_no_show": conversation.status == ConversationStatus.NO_SHOW,
    }


def _proposal_reasons(conversation) -> list[str]:
    """Why the wave planner proposed this time (for staff), or nothing when the candidate booked it."""
    proposal = getattr(conversation, "proposal", None)
    if proposal is None:
        return []
    vacancy = conversation.application.vacancy
    return explanations.for_staff(
        proposal.reasons, advisor=conversation.advisor.full_name, job_family=vacancy.job_family.name
    )


def _back(request: HttpRequest, conversation_id: int) -> HttpResponse:
    # Back to where the action was taken: the agenda (same period) or the conversation's page.
    target = request.POST.get("next", "")
    if target.startswith(reverse("conversations:agenda")) and "//" not in target:
        return redirect(target)
    return redirect("conversations:detail", conversation_id=conversation_id)


def _record(request: HttpRequest, conversation_id: int, service, done: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    conversation = selectors.get_conversation_for_actor(actor=actor, conversation_id=conversation_id)
    try:
        service(actor=actor, conversation=conversation)
    except services.BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done % {"name": conversation.candidate.full_name})
    return _back(request, conversation_id)


@require_POST
@actor_required(*selectors.AGENDA_ROLES)
def mark_held(request: HttpRequest, conversation_id: int) -> HttpResponse:
    return _record(request, conversation_id, services.mark_held, _("The conversation with %(name)s is marked as held."))


@require_POST
@actor_required(*selectors.AGENDA_ROLES)
def mark_no_show(request: HttpRequest, conversation_id: int) -> HttpResponse:
    return _record(
        request, conversation_id, services.mark_no_show, _("%(name)s is recorded as not having come (no-show).")
    )


@require_http_methods(["POST"])
@actor_required(*selectors.AGENDA_ROLES)
def cancel(request: HttpRequest, conversation_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    conversation = selectors.get_conversation_for_actor(actor=actor, conversation_id=conversation_id)
    form = AdvisorCancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel_conversation(conversation=conversation, actor=actor, reason=form.cleaned_data["reason"])
        except services.BookingError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            form.add_error("reason", error.message_dict.get("reason", error.messages))
        else:
            messages.success(
                request,
                _("The conversation is cancelled. %(name)s gets an e-mail with new times.")
                % {"name": conversation.candidate.full_name},
            )
            return redirect("conversations:detail", conversation_id=conversation.pk)
    if not form.errors:
        return redirect("conversations:detail", conversation_id=conversation.pk)
    return render(request, "conversations/detail.html", _detail_context(conversation, form), status=422)
