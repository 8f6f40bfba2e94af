"""Showing a service's ValidationError on the form that fed it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach the errors to the form's fields where the form has them, else to the form as a whole.

    Services validate whole models (``full_clean``), so an error may name a field the form
    does not show (``organisation``); ``form.add_error`` would raise for that one.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
