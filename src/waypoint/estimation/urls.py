from django.urls import path

from waypoint.estimation import views

app_name = "estimation"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:estimate_id>/", views.estimate_page, name="estimate"),
    path("<int:estimate_id>/publish/", views.publish, name="publish"),
    path("lists/", views.outside_lists, name="lists"),
    path("lists/<int:list_id>/delete/", views.outside_list_delete, name="list-delete"),
]
