"""The organisation's logo is shown; uploaded files are never reachable by their storage path."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_the_logo_is_served_by_its_own_url_and_shown_in_the_header(client):
    organisation = OrganisationFactory(logo=SimpleUploadedFile("logo.png", PNG, content_type="image/png"))
    client.force_login(member(organisation, Role.RECRUITER))

    page = client.get(reverse("dashboards:home")).content.decode()
    logo_url = reverse("organisations:logo", args=[organisation.slug])
    assert f'src="{logo_url}"' in page
    response = client.get(logo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG


def test_an_organisation_without_a_logo_answers_404(client):
    organisation = OrganisationFactory()
    assert client.get(reverse("organisations:logo", args=[organisation.slug])).status_code == 404


def test_uploaded_files_are_not_served_from_media(client, settings):
    organisation = OrganisationFactory(logo=SimpleUploadedFile("logo.png", PNG, content_type="image/png"))
    settings.DEBUG = True
    assert client.get(settings.MEDIA_URL + organisation.logo.name).status_code == 404
