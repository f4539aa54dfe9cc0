from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresenceConfig(AppConfig):
    name = "waypoint.presence"
    verbose_name = _("Presence")
