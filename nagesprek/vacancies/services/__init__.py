"""Writes to vacancies: set-up, requirements (versioned once frozen), the pipeline of stages and criteria.

Vacancies hold no personal data, so these writes are not in the audit log; requirement changes after
the freeze are logged in RequirementChange instead (Besluit werving en selectie art. 18).
"""

from nagesprek.vacancies.services.pipeline import (
    add_criterion,
    add_stage,
    move_stage,
    remove_criterion,
    remove_stage,
    update_criterion,
    update_stage,
)
from nagesprek.vacancies.services.requirements import RequirementData, change_requirements, freeze_requirements
from nagesprek.vacancies.services.vacancies import VacancyDetails, create_vacancy, default_stages, update_vacancy

__all__ = [
    "RequirementData",
    "VacancyDetails",
    "add_criterion",
    "add_stage",
    "change_requirements",
    "create_vacancy",
    "default_stages",
    "freeze_requirements",
    "move_stage",
    "remove_criterion",
    "remove_stage",
    "update_criterion",
    "update_stage",
    "update_vacancy",
]
