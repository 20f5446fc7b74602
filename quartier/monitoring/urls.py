from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("gebiete/<slug:code>/", views.area_detail, name="area"),
    path("indikatoren/", views.indicator_list, name="indicators"),
    path("indikatoren/<slug:slug>/", views.indicator_detail, name="indicator"),
    path(
        "indikatoren/<slug:slug>/daten.csv", views.indicator_csv, name="indicator_csv"
    ),
    path(
        "indikatoren/<slug:slug>/daten-maschinenlesbar.csv",
        views.indicator_csv,
        {"variant": "machine"},
        name="indicator_csv_machine",
    ),
    path("karte/", views.area_map, name="map"),
]
