from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from waypoint.accounts import api as accounts_api
from waypoint.core import views as core_views
from waypoint.linkage import api as linkage_api
from waypoint.people import api as people_api
from waypoint.portal import views as portal_views
from waypoint.protection import api as protection_api
from waypoint.reception import api as reception_api
from waypoint.reports import api as reports_api
from waypoint.returns import api as returns_api

api_v1 = [
    path("auth/token/", accounts_api.token_obtain, name="token"),
    path("me/", accounts_api.me, name="me"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *people_api.router_urls,
    *linkage_api.router_urls,
    *reception_api.router_urls,
    *protection_api.router_urls,
    *reports_api.router_urls,
    *returns_api.router_urls,
]

urlpatterns = [
    path("", core_views.root, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("waypoint.accounts.urls")),
    path("audit/", include("waypoint.audit.urls")),
    path("privacy/", include("waypoint.privacy.urls")),
    path("people/", include("waypoint.people.urls")),
    path("reception/", include("waypoint.reception.urls")),
    path("protection/", include("waypoint.protection.urls")),
    path("places/", include("waypoint.places.urls")),
    path("linkage/", include("waypoint.linkage.urls")),
    path("presence/", include("waypoint.presence.urls")),
    path("forms/", include("waypoint.collect.urls")),
    path("openrosa/", include("waypoint.collect.openrosa.urls")),
    path("returns/", include("waypoint.returns.urls")),
    path("reports/", include("waypoint.reports.urls")),
    path("estimation/", include("waypoint.estimation.urls")),
    path("portal/", portal_views.entry, name="portal_entry"),
    path("portal-admin/", include("waypoint.portal.staff_urls")),
    path("api/v1/", include((api_v1, "api"))),
    path("django-admin/", admin.site.urls),
]
# The public portal: /en/, /bs/, /ar/, ... (issue 6).
urlpatterns += i18n_patterns(path("", include("waypoint.portal.urls")))

handler400 = "waypoint.core.views.error_400"
handler403 = "waypoint.core.views.error_403"
handler404 = "waypoint.core.views.error_404"
handler500 = "waypoint.core.views.error_500"
