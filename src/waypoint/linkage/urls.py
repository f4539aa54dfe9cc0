from django.urls import path

from waypoint.linkage import views

app_name = "linkage"
urlpatterns = [
    path("", views.home, name="home"),
    path("runs/", views.runs, name="runs"),
    path("runs/<int:run_id>/", views.run_progress, name="run_progress"),
    path("review/", views.review, name="review"),
    path("review/<int:pair_id>/", views.pair, name="pair"),
    path("lists/", views.outside_list, name="list"),
    path("decisions/<int:decision_id>/undo/", views.undo, name="undo"),
]
