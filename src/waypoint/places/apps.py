from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "waypoint.places"
    verbose_name = _("Places")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, register

        register(NavItem(_("Sites"), "places:sites", roles=None, order=80))
        register(NavItem(_("Map"), "places:map", roles=None, order=81))
