"""What evaluators score in each stage: CV screening checks the requirements a CV can show;
interviews and assessments judge the competencies, plus a few the catalogue names per kind of stage."""

from __future__ import annotations

from nagesprek.demo.catalogue.common import ASSESSMENT_COMPETENCIES, CV_SCREENING_NOTE, INTERVIEW_COMPETENCIES
from nagesprek.vacancies.constants import RequirementKind, StageKind
from nagesprek.vacancies.models import Criterion, Requirement, Stage


def criteria_for(stage: Stage, requirements: list[Requirement]) -> list[Criterion]:
    """The criteria of one stage, in order; the offer stage has none."""
    competencies = [r for r in requirements if r.kind == RequirementKind.COMPETENCY]
    rows: list[tuple[Requirement | None, str, str]]
    if stage.kind == StageKind.CV_SCREENING:
        rows = [(r, "", CV_SCREENING_NOTE) for r in requirements if r.kind != RequirementKind.COMPETENCY]
    elif stage.kind == StageKind.INTERVIEW:
        rows = [(r, "", "") for r in competencies] + [(None, name, look) for name, look in INTERVIEW_COMPETENCIES]
    elif stage.kind == StageKind.ASSESSMENT:
        rows = [(r, "", "") for r in competencies] + [(None, name, look) for name, look in ASSESSMENT_COMPETENCIES]
    else:
        rows = []
    return [
        Criterion(stage=stage, requirement=requirement, competency=competency, description=look, position=position)
        for position, (requirement, competency, look) in enumerate(rows)
    ]
