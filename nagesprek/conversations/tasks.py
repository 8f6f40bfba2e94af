from django.tasks import task

from nagesprek.conversations import services


@task()
def send_wave_proposals_task(wave_id: int) -> None:
    """Queue the e-mail of every proposal of a confirmed wave (see services.send_proposal_emails).

    Idempotent: each e-mail is claimed first, so a second run, or the housekeeping sweep at the same
    time, sends nothing twice.
    """
    services.send_proposal_emails(wave_id=wave_id)
