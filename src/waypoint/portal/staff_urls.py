from django.urls import path

from waypoint.portal import staff_views

app_name = "portal_admin"
urlpatterns = [
    path("", staff_views.pages, name="pages"),
    path("versions/<int:pk>/", staff_views.version, name="version"),
    path("versions/<int:pk>/publish/", staff_views.publish, name="publish"),
    path("<slug:slug>/<str:language>/", staff_views.edit, name="edit"),
]
