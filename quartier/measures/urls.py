from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("", views.index, name="index"),
    path("m/<id:pk>/", views.detail, name="detail"),
    path("<slug:quarter_slug>/", views.plan, name="plan"),
    path("<slug:quarter_slug>/liste/", views.measure_list, name="list"),
    path("<slug:quarter_slug>/karte/", views.measure_map, name="map"),
    path("<slug:quarter_slug>/zeitplan/", views.measure_timeline, name="timeline"),
    path("<slug:quarter_slug>/finanzen/", views.finance, name="finance"),
    path(
        "<slug:quarter_slug>/finanzen/massnahmen.<str:fmt>",
        views.export,
        name="export",
    ),
    path("<slug:quarter_slug>/bericht/", views.report, name="report"),
    path(
        "<slug:quarter_slug>/adresse-pruefen/",
        views.address_check,
        name="address_check",
    ),
]
