from django.tasks import task

from nagesprek.rejections import bulk, services


@task()
def send_rejection_task(rejection_id: int) -> None:
    """Send one scheduled rejection at its time (see services.send_rejection).

    Idempotent: for a rejection that is sent, not yet due, or not scheduled it does nothing.
    """
    services.send_rejection(rejection_id=rejection_id)


@task()
def process_bulk_rejection_task(bulk_id: int) -> None:
    """Draft, check and decide every application of a bulk rejection, chunk by chunk (see bulk.py).

    Idempotent and resumable: a second run continues after the last committed chunk, or does nothing when done.
    """
    bulk.process_bulk_rejection(bulk_id=bulk_id)


@task()
def send_rejections_task(rejection_ids: list[int]) -> None:
    """Send the letters one chunk of a bulk rejection scheduled (see bulk.send_rejections). Idempotent."""
    bulk.send_rejections(rejection_ids=rejection_ids)
