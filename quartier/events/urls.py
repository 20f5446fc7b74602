from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender/", views.event_calendar, name="calendar"),
    path("karte/", views.event_map, name="map"),
    path("feed.ics", views.feed_all, name="feed"),
    path("quartier/<slug:slug>/feed.ics", views.feed_quarter, name="feed_quarter"),
    path(
        "kategorie/<slug:category>/feed.ics", views.feed_category, name="feed_category"
    ),
    path("einreichen/", views.event_submit_view, name="submit"),
    path("meine/", views.my_events, name="mine"),
    path("pruefen/", views.review_list, name="review_list"),
    path("import/", views.ics_import, name="import"),
    path(
        "anmeldung/<str:token>/bestaetigen/",
        views.registration_confirm_view,
        name="registration_confirm",
    ),
    path(
        "anmeldung/<str:token>/absagen/",
        views.registration_cancel_view,
        name="registration_cancel",
    ),
    path(
        "termin/<id:pk>/verschieben/",
        views.occurrence_move_view,
        name="occurrence_move",
    ),
    path(
        "termin/<id:pk>/absagen/",
        views.occurrence_cancel_view,
        name="occurrence_cancel",
    ),
    path("<id:pk>/", views.event_detail, name="detail"),
    path("<id:pk>/kalender.ics", views.event_ics, name="ics"),
    path("<id:pk>/anmelden/", views.event_register, name="register"),
    path("<id:pk>/bearbeiten/", views.event_submit_view, name="edit_submission"),
    path("<id:pk>/pruefen/", views.review_decide, name="review"),
    path("<id:pk>/teilnehmende/", views.event_attendees, name="attendees"),
    path("<id:pk>/teilnehmende.csv", views.event_attendees_csv, name="attendees_csv"),
    path("<id:pk>/nachricht/", views.event_contact_attendees, name="contact_attendees"),
]
