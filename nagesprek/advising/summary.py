"""The first draft of the written summary a candidate gets after the conversation, in their language.

Plain words (Dutch at level B1, "je"; or English): what we talked about, the advice, the routes with
provider, duration and cost where known, and what happens next. The advisor reads it, changes what
they want and only then sends it; this is a starting point, not the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import formats, translation
from django.utils.translation import gettext


@dataclass(frozen=True)
class RouteLine:
    title: str
    provider: str
    duration: str = ""
    cost: str = ""  # already formatted, "" when unknown
    link: str = ""


def draft_summary_text(
    *,
    candidate_name: str,
    advisor_name: str,
    vacancy_title: str,
    advice: str,
    routes: Sequence[RouteLine],
    follow_up_on: date | None,
    referred_to: Sequence[str],
    contact_email: str,
    language: str,
) -> str:
    """The draft, as plain text with blank lines between paragraphs."""
    with translation.override(language):
        parts = [
            gettext("Dear %(name)s,") % {"name": candidate_name},
            gettext(
                "Thank you for our conversation about your application for %(vacancy)s. "
                "Here is a short summary of my advice, so you can read it again later."
            )
            % {"vacancy": vacancy_title},
        ]
        if advice.strip():
            parts += [gettext("My advice:"), advice.strip()]
        if routes:
            parts += [gettext("Routes that can help you:"), "\n".join(_route(r) for r in routes)]
        if referred_to:
            parts.append(
                gettext(
                    "With your permission, I have passed your details to the recruiter of: %(vacancies)s. "
                    "The recruiter will tell you if they want to talk to you."
                )
                % {"vacancies": ", ".join(referred_to)}
            )
        if follow_up_on is not None:
            parts.append(
                gettext("I will contact you again around %(date)s to hear how it is going.")
                % {"date": formats.date_format(follow_up_on, "j F Y")}
            )
        parts += [
            gettext("Do you have a question? Send me an e-mail: %(email)s.") % {"email": contact_email},
            gettext("Kind regards,") + "\n" + advisor_name,
        ]
    return "\n\n".join(parts)


def _route(route: RouteLine) -> str:
    facts = [route.provider] + [fact for fact in (route.duration, route.cost) if fact]
    line = f"- {route.title} ({', '.join(f for f in facts if f)})"
    return f"{line}\n  {route.link}" if route.link else line
