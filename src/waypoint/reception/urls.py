from django.urls import path

from waypoint.reception import views

app_name = "reception"
urlpatterns = [
    path("", views.centres, name="centres"),
    path("stays/<int:stay_id>/", views.stay, name="stay"),
    path("stays/<int:stay_id>/transfer/", views.stay_transfer, name="stay_transfer"),
    path("stays/<int:stay_id>/exit/", views.stay_exit, name="stay_exit"),
    path("stays/<int:stay_id>/bed/", views.stay_bed, name="stay_bed"),
    path("stays/<int:stay_id>/confirm-exit/", views.absence_confirm, name="absence_confirm"),
    path("stays/<int:stay_id>/card.pdf", views.card, name="card"),
    path("<str:code>/", views.centre, name="centre"),
    path("<str:code>/residents/", views.residents, name="residents"),
    path("<str:code>/admit/", views.admit_search, name="admit_search"),
    path("<str:code>/admit/take-over/", views.take_over, name="take_over"),
    path("<str:code>/admit/<str:number>/", views.admit, name="admit"),
    path("<str:code>/roll-call/", views.rollcall, name="rollcall"),
    path("<str:code>/absences/", views.absences, name="absences"),
    path("<str:code>/services/", views.service_new, name="services"),
    path("<str:code>/distribution/", views.distribution, name="distribution"),
    path("<str:code>/occupancy/", views.occupancy, name="occupancy"),
]
