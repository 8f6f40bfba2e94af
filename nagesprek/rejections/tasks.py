from django.tasks import task

from nagesprek.rejections import services


@task()
def send_rejection_task(rejection_id: int) -> None:
    """Send one scheduled rejection at its time (see services.send_rejection).

    Idempotent: for a rejection that is sent, not yet due, or not scheduled it does nothing.
    """
    services.send_rejection(rejection_id=rejection_id)
