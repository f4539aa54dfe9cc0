from django.urls import path

from waypoint.estimation import views

app_name = "estimation"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:estimate_id>/", views.estimate_page, name="estimate"),
]
