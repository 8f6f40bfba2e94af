"""Render an e-mail's three parts (subject, text, HTML) in the recipient's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render_email(*, template: str, context: dict[str, Any], language: str) -> RenderedEmail:
    """Render ``emails/<template>/{subject.txt,body.txt,body.html}`` with ``language`` active."""
    with translation.override(language):
        full_context = {"language": language, **context}
        subject = render_to_string(f"emails/{template}/subject.txt", full_context)
        text = render_to_string(f"emails/{template}/body.txt", full_context)
        html = render_to_string(f"emails/{template}/body.html", full_context)
    return RenderedEmail(subject=" ".join(subject.split()), text=text.strip() + "\n", html=html)
