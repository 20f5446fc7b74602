from django.urls import path

from . import views

app_name = "funds"

urlpatterns = [
    path("", views.fund_index, name="index"),
    path("antraege/", views.my_applications, name="my_applications"),
    path("antraege/<id:pk>/", views.application_detail, name="application_detail"),
    path(
        "antraege/<id:pk>/bearbeiten/", views.application_edit, name="application_edit"
    ),
    path(
        "antraege/<id:pk>/schritt/",
        views.application_action,
        name="application_action",
    ),
    path(
        "antraege/<id:pk>/entscheidung/",
        views.application_decide,
        name="application_decide",
    ),
    path("antraege/<id:pk>/stimme/", views.application_vote, name="application_vote"),
    path(
        "antraege/<id:pk>/befangenheit/",
        views.application_conflict,
        name="application_conflict",
    ),
    path(
        "antraege/<id:pk>/auszahlung/",
        views.application_payment,
        name="application_payment",
    ),
    path(
        "antraege/<id:pk>/anhaenge/", views.attachment_upload, name="attachment_upload"
    ),
    path(
        "antraege/<id:pk>/anhaenge/<id:attachment>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "antraege/<id:pk>/verwendungsnachweis/",
        views.application_proof,
        name="application_proof",
    ),
    path(
        "antraege/<id:pk>/bescheid/",
        views.application_letter,
        name="application_letter",
    ),
    path("sitzungen/<id:pk>/", views.meeting_minutes, name="meeting_minutes"),
    path("<slug:slug>/", views.fund_detail, name="fund_detail"),
    path("<slug:slug>/antrag/", views.application_start, name="application_start"),
    path("<slug:slug>/verwaltung/", views.fund_manage, name="fund_manage"),
    path("<slug:slug>/jury/", views.fund_jury, name="fund_jury"),
    path("<slug:slug>/sitzung/", views.meeting_create, name="meeting_create"),
    path("<slug:slug>/bericht/", views.fund_report, name="fund_report"),
    path(
        "<slug:slug>/bericht.csv",
        views.fund_report_export,
        {"fmt": "csv"},
        name="fund_report_csv",
    ),
    path(
        "<slug:slug>/bericht.xlsx",
        views.fund_report_export,
        {"fmt": "xlsx"},
        name="fund_report_xlsx",
    ),
]
