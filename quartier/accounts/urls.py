from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("benachrichtigungen/", views.notification_list, name="notifications"),
    path(
        "benachrichtigungen/einstellungen/",
        views.notification_settings,
        name="notification_settings",
    ),
    path("meine-daten.json", views.data_download, name="data_download"),
    path("loeschen/", views.account_delete, name="delete"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
