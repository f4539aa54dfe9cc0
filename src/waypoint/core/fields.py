"""Form fields that take words, not codes: a country picked or typed by its name in any of
Waypoint's languages (or its ISO code), and languages by name or code. Pages keep storing the
codes; people see and type names."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from waypoint.core.countries import country_code_from, country_name, country_options
from waypoint.core.spoken import language_code_from, language_name


class NamedChoiceInput(forms.TextInput):
    """A text box with the names to choose from as a ``<datalist>``: the browser filters the
    list as one types (on phones too), and any spelling of a listed name or code is taken."""

    def __init__(self, options: Any, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.options = options

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or name}-choices"
        attrs["list"] = list_id
        field = super().render(name, value, attrs, renderer)
        choices = format_html_join(
            "", '<option value="{}"></option>', ((n,) for _c, n in self.options())
        )
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, choices)


class CountryField(forms.CharField):
    """A country by name (in any of Waypoint's languages) or ISO 3166 code; cleans to the
    three-letter code, shows the name."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        super().__init__(widget=NamedChoiceInput(country_options), **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and len(value) == 3 and value.isupper():
            return country_name(value)
        return value

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return ""
        code = country_code_from(text)
        if code is None:
            raise ValidationError(
                _("No country is called “%(text)s”: choose one from the list, or type its code."),
                code="country",
                params={"text": text},
            )
        return code


class LanguagesField(forms.CharField):
    """Languages by name or ISO 639 code, separated by commas; cleans to a list of codes."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "help_text", _("Names or codes, separated by commas, e.g. Pashto, Dari or ps, prs.")
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(language_name(code) for code in value)
        return value

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value)
        codes: list[str] = []
        for part in (piece.strip() for piece in (text or "").split(",")):
            if not part:
                continue
            code = language_code_from(part)
            if code is None:
                raise ValidationError(
                    _("“%(text)s” is not a language Waypoint knows: use its name or code."),
                    code="language",
                    params={"text": part},
                )
            codes.append(code)
        return codes
