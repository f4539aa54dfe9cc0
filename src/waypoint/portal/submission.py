"""The portal's side of an application: a valid form becomes the returns app's submission."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from waypoint.portal.forms import ApplicationForm
from waypoint.portal.models import PageVersion
from waypoint.returns.services import PortalApplication, PortalReceipt, application_submit

# The returns service names some checks after its own fields; show them on the form's.
_FIELD_FOR = {"family_members": None, "consent_privacy_notice": "consent"}


def submit(
    *, form: ApplicationForm, language: str, privacy_notice: PageVersion | None
) -> PortalReceipt | None:
    """Hand the application to the returns workspace; None (errors on ``form``) if refused."""
    data = form.cleaned_data
    application = PortalApplication(
        given_name=data["given_name"],
        family_name=data["family_name"],
        nationality=data["nationality"],
        return_country=data["return_country"],
        return_city=data["return_city"],
        contact=data["contact"],
        staying_at=data["staying_at"],
        staying_place=data["staying_place"],
        family_members=form.family_members(),
        preferred_language=data["preferred_language"],
        special_needs=data["special_needs"],
        consent_privacy_notice=privacy_notice.reference if privacy_notice else "",
        language=language,
    )
    try:
        return application_submit(application=application)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            target = _FIELD_FOR.get(field, field)
            form.add_error(target if target in form.fields else None, messages)
        return None
