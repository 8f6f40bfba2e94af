"""The CSV import: good files in every encoding and delimiter, every kind of bad row, and never half an import."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.routes.csv_import import parse_cost, parse_routes_csv
from nagesprek.routes.models import Route


@pytest.fixture(autouse=True)
def _english():
    # The messages are checked in English (the msgids); the page tests below see the Dutch.
    with translation.override("en"):
        yield


HEADER = "kind;title;provider;closes;duration_weeks;cost_eur;language;delivery_mode;link"
GOOD = (
    "partial_certificate;Deelcertificaat Anesthesiologie;Zorgacademie (fictief);"
    "certificate: Deelcertificaat Anesthesiologie;26;4.500,00;nl;blended;https://example.org/anes\n"
    "language_exam;Staatsexamen NT2 II;Taalcentrum (fictief);language: Nederlands B2|language: Engels B1;30;;nl;"
    "classroom;\n"
)


def csv_bytes(body: str, *, delimiter: str = ";", bom: bool = False, header: str = HEADER) -> bytes:
    text = (header + "\n" + body).replace(";", delimiter) if delimiter != ";" else header + "\n" + body
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_a_good_file_in_any_supported_encoding_and_delimiter(bom, delimiter):
    body = GOOD.replace("4.500,00", "4500") if delimiter == "," else GOOD
    parsed = parse_routes_csv(csv_bytes(body, delimiter=delimiter, bom=bom))
    assert parsed.errors == []
    assert parsed.row_numbers == [2, 3]
    first, second = parsed.rows
    assert (first.kind, first.title, first.duration_weeks, first.cost_eur) == (
        "partial_certificate", "Deelcertificaat Anesthesiologie", 26, Decimal("4500"),
    )  # fmt: skip
    assert [(t.kind, t.name, t.level) for t in second.targets] == [
        ("language", "Nederlands", "B2"), ("language", "Engels", "B1"),
    ]  # fmt: skip
    assert second.cost_eur is None  # empty: unknown


BAD_ROWS = [
    ("course;;Aanbieder;;;;;;", "title is empty"),
    ("cursus;Titel;Aanbieder;;;;;;", "kind “cursus” is not one of"),
    ("course;Titel;Aanbieder;;vier;;;;", "duration_weeks “vier”"),
    ("course;Titel;Aanbieder;;;veel;;;", "cost_eur “veel”"),
    ("course;Titel;Aanbieder;;;-5;;;", "cost_eur “-5”"),
    ("course;Titel;Aanbieder;;;;de;;", "language “de”"),
    ("course;Titel;Aanbieder;;;;;thuis;", "delivery_mode “thuis”"),
    ("course;Titel;Aanbieder;;;;;;geen-link", "link “geen-link”"),
    ("course;Titel;Aanbieder;Deelcertificaat;;;;;", "is not of the form kind: name"),
    ("course;Titel;Aanbieder;hobby: zingen;;;;;", "“hobby” is not a kind"),
    ("course;Titel;Aanbieder;education_level: mbo9;;;;;", "“mbo9” is not an education level"),
    ("course;Titel;Aanbieder;;;;;;;extra", "more values than the header"),
    ("course;" + "T" * 201 + ";Aanbieder;;;;;;", "title is longer than 200"),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_each_kind_of_bad_row_is_named_with_its_row_number(row, message):
    parsed = parse_routes_csv(csv_bytes(GOOD + row + "\n"))
    assert [e.row for e in parsed.errors] == [4]
    assert message in parsed.errors[0].message
    assert not parsed.ok


def test_duplicates_in_the_file_and_with_the_catalogue_are_refused():
    again = GOOD.splitlines()[0]
    parsed = parse_routes_csv(
        csv_bytes(GOOD + again + "\n"), existing={("Staatsexamen NT2 II", "Taalcentrum (fictief)")}
    )
    assert [e.row for e in parsed.errors] == [3, 4]
    assert all("already in the catalogue" in e.message for e in parsed.errors)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("kind;title;provider\n".encode("utf-16"), "not UTF-8"),
        ("kind;title;provider\ncourse;Cursus Nederlands;Taalhuis\n".encode("cp1252").replace(b"N", b"\xe9N"), "UTF-8"),
        (b"kind;title\ncourse;Titel\n", "Missing column(s): provider"),
        (b"kind;title;provider;prijs\n", "Unknown column(s): prijs"),
        (b"kind;title;provider\n", "no routes"),
        (b"", "Missing column(s)"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(content, message):
    parsed = parse_routes_csv(content)
    assert message in parsed.errors[0].message
    assert parsed.rows == [] or not parsed.ok


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1250", "1250"), ("1.250", "1250"), ("1.250,50", "1250.50"), ("1250.50", "1250.50"), ("€ 95", "95"), ("0", "0")],
)
def test_amounts_as_people_write_them(text, amount):
    assert parse_cost(text) == Decimal(amount)


@pytest.fixture
def recruiter(db):
    organisation = OrganisationFactory()
    return member(organisation, Role.RECRUITER), organisation


def upload(content: bytes):
    return SimpleUploadedFile("routes.csv", content, content_type="text/csv")


@pytest.mark.django_db
def test_the_page_previews_then_imports_everything(client, recruiter):
    user, organisation = recruiter
    client.force_login(user)
    url = reverse("routes:import")
    preview = client.post(url, {"file": upload(csv_bytes(GOOD, bom=True)), "action": "preview"})
    assert preview.status_code == 200
    assert Route.objects.count() == 0  # a preview imports nothing
    content = preview.context["content"]
    assert "Deelcertificaat Anesthesiologie" in preview.content.decode()
    response = client.post(url, {"content": content, "action": "import"})
    assert response.status_code == 302
    assert sorted(Route.objects.filter(organisation=organisation).values_list("title", flat=True)) == [
        "Deelcertificaat Anesthesiologie", "Staatsexamen NT2 II",
    ]  # fmt: skip
    assert Route.objects.get(title="Staatsexamen NT2 II").targets.count() == 2


@pytest.mark.django_db
def test_one_bad_row_imports_nothing_even_when_posted_straight_to_import(client, recruiter):
    user, _organisation = recruiter
    client.force_login(user)
    bad = csv_bytes(GOOD + "course;Titel;Aanbieder;;;veel;;;\n")
    response = client.post(reverse("routes:import"), {"file": upload(bad), "action": "import"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing has been imported" in page or "Er is niets" in page
    assert "cost_eur" in page
    assert Route.objects.count() == 0


@pytest.mark.django_db
def test_a_clash_found_while_importing_rolls_back_every_row(recruiter):
    from django.core.exceptions import ValidationError

    from nagesprek.rejections.tests.factories import actor_for
    from nagesprek.routes.services import import_routes

    user, organisation = recruiter
    rows = parse_routes_csv(csv_bytes(GOOD)).rows
    Route.objects.create(organisation=organisation, kind="course", title=rows[1].title, provider=rows[1].provider)
    with pytest.raises(ValidationError):
        import_routes(actor=actor_for(user, organisation), rows=rows)
    assert Route.objects.filter(organisation=organisation).count() == 1
