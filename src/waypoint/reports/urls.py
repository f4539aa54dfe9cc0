from django.urls import path

from waypoint.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.home, name="home"),
    path("exact/", views.exact, name="exact"),
    path("rounds/<int:number>/", views.round_page, name="round"),
    path("rounds/<int:number>/<str:name>", views.round_file, name="round_file"),
    path("months/<str:month>/", views.month_page, name="month"),
    path("months/<str:month>/<str:name>", views.month_file, name="month_file"),
    path("new/", views.report_new, name="report_new"),
    path("<int:report_id>/", views.report_page, name="report"),
    path("<int:report_id>/pdf", views.report_pdf, name="report_pdf"),
]
