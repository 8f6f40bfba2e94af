"""Checks on an uploaded CV: allowed kind, size, and that the content is what the name says."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_CV_BYTES = 5 * 1024 * 1024
CV_EXTENSIONS = ("pdf", "docx", "odt", "txt")
# Word and OpenDocument files are zip archives; a PDF starts with its own signature.
_SIGNATURES = {"pdf": (b"%PDF-",), "docx": (b"PK\x03\x04",), "odt": (b"PK\x03\x04",)}


def validate_cv_file(upload: UploadedFile) -> None:
    """Refuse anything but a PDF, Word, OpenDocument or text file of at most MAX_CV_BYTES.

    The content is sniffed, not only the name, so a renamed program is not stored as a "CV".
    """
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in CV_EXTENSIONS:
        raise ValidationError(_("Upload the CV as a PDF, Word (.docx), OpenDocument (.odt) or text (.txt) file."))
    if upload.size is not None and upload.size > MAX_CV_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the maximum is %(max)s."),
            params={"size": filesizeformat(upload.size), "max": filesizeformat(MAX_CV_BYTES)},
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension == "txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A cut in the middle of a multi-byte character at the end of the sample is fine.
            if error.start < len(head) - 3:
                raise ValidationError(_("The text file could not be read; save it as UTF-8 text.")) from error
        return
    if not head.startswith(_SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content does not match its name (.%(extension)s)."), params={"extension": extension}
        )
