"""Attachments: stored with the message, sent with it (content type parameters kept), the same on every attempt."""

import email
import email.policy

import pytest

from nagesprek.emails import services
from nagesprek.emails.models import OutboxAttachment

INVITATION = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
    b"UID:abc@nagesprek\r\nSUMMARY:Gesprek met \xc3\xa9\xc3\xa9n adviseur\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def queue(**overrides):
    arguments = {
        "key": "test:attachment",
        "to": "anne@example.org",
        "template": "password_reset",
        "context": {"name": "Anne", "reset_url": "https://nagesprek.example/reset/"},
        "language": "nl",
        "attachments": [
            services.Attachment("uitnodiging.ics", INVITATION, "text/calendar; method=REQUEST; charset=UTF-8"),
            services.Attachment("notitie.bin", b"\x00\x01\x02", "application/octet-stream"),
        ],
        **overrides,
    }
    return services.queue_email(**arguments)


def test_an_attachment_arrives_with_its_content_type_parameters(run_tasks, sent_mail):
    queue()
    run_tasks()

    [sent] = sent_mail
    parsed = email.message_from_bytes(sent.message().as_bytes(), policy=email.policy.default)
    parts = {part.get_filename(): part for part in parsed.iter_attachments()}
    invitation = parts["uitnodiging.ics"]
    assert invitation.get_content_type() == "text/calendar"
    assert invitation.get_param("method") == "REQUEST"
    assert invitation.get_payload(decode=True) == INVITATION  # byte for byte: UTF-8 and CRLF survive
    assert parts["notitie.bin"].get_content() == b"\x00\x01\x02"
    assert parsed.get_body(("plain",)) is not None  # the text itself is still there


@pytest.mark.django_db
def test_queuing_the_same_key_twice_keeps_the_first_attachments():
    first = queue()
    queue(attachments=[services.Attachment("ander.ics", b"X", "text/calendar")])
    assert list(OutboxAttachment.objects.values_list("message_id", "filename")) == [
        (first.pk, "uitnodiging.ics"),
        (first.pk, "notitie.bin"),
    ]


@pytest.mark.django_db
def test_a_message_without_attachments_is_sent_as_before():
    message = queue(key="test:none", attachments=())
    assert not message.attachments.exists()
    built = services._build_email(message)
    assert built.attachments == []
