from django.urls import path

from waypoint.places import views

app_name = "places"
urlpatterns = [
    path("sites/", views.sites, name="sites"),
    path("sites/<str:code>/", views.site, name="site"),
    path("map/", views.map_page, name="map"),
]
