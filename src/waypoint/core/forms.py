"""What every app's views do with a form a service refused."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def show_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal on the form: on the field it names, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
