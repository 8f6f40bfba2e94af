from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nagesprek.emails import selectors, services
from nagesprek.emails.constants import OutboxStatus
from nagesprek.organisations.access import actor_required

PAGE_SIZE = 25


@require_GET
@actor_required(*selectors.OUTBOX_ROLES)
def outbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    chosen = OutboxStatus(status) if status in OutboxStatus.values else None
    listed = selectors.list_outbox_for_actor(actor=request.actor, status=chosen)  # type: ignore[attr-defined]
    page = Paginator(listed.only(*selectors.LIST_FIELDS), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "status": chosen, "statuses": OutboxStatus.choices}
    return render(request, "emails/outbox.html", context)


@require_GET
@actor_required(*selectors.OUTBOX_ROLES)
def outbox_message(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.get_outbox_message_for_actor(actor=request.actor, message_id=message_id)  # type: ignore[attr-defined]
    services.record_message_viewed(actor=request.actor, message=message)  # type: ignore[attr-defined]
    context = {
        "message": message,
        "can_retry": message.status == OutboxStatus.FAILED,
        "not_before": message.send_after if message.status == OutboxStatus.QUEUED else None,
    }
    return render(request, "emails/outbox_message.html", context)


@require_POST
@actor_required(*selectors.OUTBOX_ROLES)
def retry_message(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.get_outbox_message_for_actor(actor=request.actor, message_id=message_id)  # type: ignore[attr-defined]
    try:
        services.requeue_message(message=message, user=request.user)  # type: ignore[arg-type]
    except services.OutboxError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The message is queued and will be sent again shortly."))
    return redirect("emails:message", message_id=message.pk)
