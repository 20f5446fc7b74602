from django.urls import path

from . import views
from .feeds import QuarterIdeasFeed

app_name = "participation"

urlpatterns = [
    path("ideen/", views.idea_list, name="idea_list"),
    path("ideen/neu/", views.idea_choose_quarter, name="idea_choose_quarter"),
    path("ideen/neu/<slug:slug>/", views.idea_create, name="idea_create"),
    path("ideen/feed/<slug:slug>/", QuarterIdeasFeed(), name="idea_feed"),
    path("ideen/<id:pk>/", views.idea_detail, name="idea_detail"),
    path("ideen/<id:pk>/unterstuetzen/", views.idea_support, name="idea_support"),
    path("ideen/<id:pk>/bild/", views.idea_image_add, name="idea_image_add"),
    path("ideen/<id:pk>/rueckmeldung/", views.idea_feedback, name="idea_feedback"),
    path("ideen/<id:pk>/kommentieren/", views.comment_create, name="comment_create"),
    path("kommentare/<id:pk>/bearbeiten/", views.comment_edit, name="comment_edit"),
    path("kommentare/<id:pk>/loeschen/", views.comment_delete, name="comment_delete"),
    path("melden/<str:kind>/<id:pk>/", views.report_create, name="report"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/<str:kind>/<id:pk>/", views.moderate, name="moderate"),
    path("aufrufe/", views.call_list, name="call_list"),
    path("aufrufe/<id:pk>/", views.call_detail, name="call_detail"),
    path(
        "aufrufe/<id:call_pk>/idee/<slug:slug>/",
        views.idea_create,
        name="call_idea_create",
    ),
    path("umfragen/", views.poll_list, name="poll_list"),
    path("umfragen/<id:pk>/", views.poll_detail, name="poll_detail"),
    path("umfragen/<id:pk>/ergebnisse.csv", views.poll_export, name="poll_export"),
]
