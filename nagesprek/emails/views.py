from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nagesprek.emails import selectors
from nagesprek.emails.constants import OutboxStatus
from nagesprek.organisations.access import actor_required


@actor_required(*selectors.OUTBOX_ROLES)
def outbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in OutboxStatus.values:
        status = None
    messages = selectors.list_outbox_for_actor(actor=request.actor, status=status)  # type: ignore[attr-defined]
    page = Paginator(messages.only("id", "recipient", "subject", "status", "attempts", "created_at", "sent_at", "template"), 25).get_page(request.GET.get("page"))
    return render(request, "emails/outbox.html", {"page": page, "status": status, "statuses": OutboxStatus.choices})


@actor_required(*selectors.OUTBOX_ROLES)
def outbox_message(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.get_outbox_message_for_actor(actor=request.actor, message_id=message_id)  # type: ignore[attr-defined]
    return render(request, "emails/outbox_message.html", {"message": message})
