"""Render an e-mail's three parts (subject, text, HTML) in the recipient's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template import Context
from django.template.loader import get_template
from django.utils import translation


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render_email(*, template: str, context: dict[str, Any], language: str) -> RenderedEmail:
    """Render ``emails/<template>/{subject.txt,body.txt,body.html}`` with ``language`` active.

    The language is also in the context as ``language`` (for ``<html lang>``).
    Subject and text are plain text: rendered without HTML escaping, so a name
    such as "O'Neil & Zn" reads as written; the HTML part is escaped as usual.
    The subject is folded onto one line.
    """
    full_context = {**context, "language": language}
    with translation.override(language):
        subject = _render_plain(f"emails/{template}/subject.txt", full_context)
        text = _render_plain(f"emails/{template}/body.txt", full_context)
        html = get_template(f"emails/{template}/body.html").render(full_context)
    return RenderedEmail(subject=" ".join(subject.split()), text=text.strip() + "\n", html=html)


def _render_plain(name: str, context: dict[str, Any]) -> str:
    # The Django engine's own Template (behind the backend wrapper) accepts a Context with autoescape off.
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]
