from django.tasks import task

from nagesprek.emails import services


@task()
def deliver_outbox_message(message_id: int) -> None:
    """Deliver one outbox message. Idempotent: a second run finds it SENT and does nothing."""
    services.deliver_message(message_id=message_id)
