"""The main navigation marks exactly one item as the current page: the one the page belongs to."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page", "current"),
    [
        ("conversations:wave_plan", "conversations:waves"),  # under /conversations/, yet not the agenda
        ("conversations:agenda", "conversations:agenda"),
        ("conversations:policy", "conversations:policy"),
        ("dashboards:home", "dashboards:home"),
    ],
)
def test_one_navigation_item_is_the_current_page(client, page, current):
    client.force_login(member(OrganisationFactory(), Role.HR_LEAD))
    html = client.get(reverse(page)).content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', nav) == [reverse(current)]
