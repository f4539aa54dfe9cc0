from django.urls import path

from waypoint.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.home, name="home"),
    path("cases/", views.cases, name="cases"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/<int:case_id>/", views.case, name="case"),
    path("cases/<int:case_id>/<slug:action>/", views.case_action, name="case_action"),
    path("refer/<int:person_id>/", views.refer, name="refer"),
    path("figures/", views.figures, name="figures"),
]
