from django.tasks import task

from nagesprek.emails import services


@task()
def deliver_outbox_message(message_id: int) -> None:
    """Deliver one outbox message (see emails.services for the guarantee).

    Idempotent: a run for a message that is SENT, FAILED, not yet due or being
    sent by another worker does nothing. Failures are recorded on the message
    and retried by a new task, so this task itself does not fail.
    """
    services.deliver_message(message_id=message_id)
