import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nagesprek.candidates.validators import MAX_CV_BYTES, validate_cv_file


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.pdf", b"%PDF-1.4\n%..."),
        ("CV.PDF", b"%PDF-1.7\n"),
        ("cv.docx", b"PK\x03\x04rest-of-zip"),
        ("cv.odt", b"PK\x03\x04rest-of-zip"),
        ("cv.txt", "Ervaring: tien jaar in de zorg, één stage.".encode()),
    ],
)
def test_accepted_cv_files(name, content):
    validate_cv_file(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("cv.exe", b"MZ\x90\x00", "PDF, Word"),
        ("cv", b"%PDF-1.4", "PDF, Word"),
        ("cv.pdf", b"MZ\x90\x00 renamed program", "does not match"),
        ("cv.docx", b"%PDF-1.4", "does not match"),
        ("cv.txt", b"\xff\xfe\x00\x00binary\x00\xff\xfe" * 10, "UTF-8"),
    ],
)
def test_refused_cv_files_say_why(name, content, says):
    with pytest.raises(ValidationError) as error:
        validate_cv_file(SimpleUploadedFile(name, content))
    assert says in error.value.messages[0]


def test_a_cv_over_the_limit_is_refused_with_its_size():
    with pytest.raises(ValidationError) as error:
        validate_cv_file(SimpleUploadedFile("cv.pdf", b"%PDF-" + b"0" * MAX_CV_BYTES))
    assert "5.0" in error.value.messages[0] or "5,0" in error.value.messages[0]
