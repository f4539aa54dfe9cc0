"""Reviewer-facing names of the model's comparisons and levels, in the staff languages.

The model names its levels in English for its own logs; a label missing here is shown as
it is rather than hidden.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FIELD_LABELS: dict[str, str | Promise] = {
    "given_name": _("Given name(s)"),
    "family_name": _("Family name"),
    "father_name": _("Father's name"),
    "mother_name": _("Mother's name"),
    "birth": _("Date of birth"),
    "birth_place": _("Place of birth"),
    "sex": _("Sex"),
    "nationality": _("Nationality"),
    "document_number": _("Document number"),
    "phone": _("Phone"),
    "other_columns": _("Other columns"),
}

LEVEL_LABELS: dict[str, str | Promise] = {
    "null": _("missing on one side"),
    "same spelling": _("same spelling"),
    "same skeleton": _("same name, another spelling"),
    "jaro-winkler >= 0.92": _("very similar spelling"),
    "jaro-winkler >= 0.88": _("similar spelling"),
    "jaro-winkler >= 0.8": _("somewhat similar spelling"),
    "same sound": _("same name, a spelling that sounds alike"),
    "the same names in another order": _("the same names in another order"),
    "another order (counted on the given name)": _(
        "the same names in another order (counted on the given name)"
    ),
    "same very common name": _("the same very common name"),
    "very common name, same skeleton": _("a very common name, written another way"),
    "same common name": _("the same common name"),
    "common name, same skeleton": _("a common name, written another way"),
    "swapped, written another way": _("given and family name swapped, written another way"),
    "swapped, written another way (counted on the given name)": _(
        "given and family name swapped, written another way (counted on the given name)"
    ),
    "a common name within the other": _("one has a common name part the other lacks"),
    "one within the other": _("one has a name part the other lacks"),
    "a skeleton in common": _("one name in common"),
    "skeletons one letter apart": _("one letter apart"),
    "neighbouring countries": _("neighbouring countries"),
    "same date": _("same date"),
    "same year, a placeholder date": _("same year, one date a placeholder (1 January)"),
    "same day and month, another year": _("the same day and month, another year"),
    "day and month swapped": _("day and month swapped"),
    "a year apart, same day": _("a year apart, same day and month"),
    "a year apart, a placeholder date": _("a year apart, one date a placeholder"),
    "same year": _("same year"),
    "a year apart": _("a year apart"),
    "same": _("same"),
    "one character apart": _("one character apart"),
    "different": _("different"),
}


def field_label(field: str) -> str:
    return str(FIELD_LABELS.get(field, field))


def level_label(level: str) -> str:
    return str(LEVEL_LABELS.get(level, level))
