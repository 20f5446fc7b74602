from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("akteure/", views.organisation_list, name="organisation_list"),
    path("akteure/export.csv", views.organisation_export, name="organisation_export"),
    path("akteure/anfragen/", views.claim_list, name="claim_list"),
    path("akteure/anfragen/<id:pk>/", views.claim_decide, name="claim_decide"),
    path("akteure/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "akteure/<slug:slug>/beanspruchen/",
        views.organisation_claim,
        name="organisation_claim",
    ),
    path(
        "akteure/<slug:slug>/bearbeiten/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "akteure/<slug:slug>/nachricht/",
        views.organisation_message,
        name="organisation_message",
    ),
    path("nachrichten/", views.conversation_list, name="conversation_list"),
    path("nachrichten/<id:pk>/", views.conversation_detail, name="conversation_detail"),
    path("nachbarschaftshilfe/", views.help_list, name="help_list"),
    path("nachbarschaftshilfe/neu/", views.help_create, name="help_create"),
    path(
        "nachbarschaftshilfe/moderation/",
        views.help_moderation,
        name="help_moderation",
    ),
    path("nachbarschaftshilfe/<id:pk>/", views.help_detail, name="help_detail"),
    path("nachbarschaftshilfe/<id:pk>/antworten/", views.help_reply, name="help_reply"),
    path("nachbarschaftshilfe/<id:pk>/melden/", views.help_report, name="help_report"),
    path("nachbarschaftshilfe/<id:pk>/erledigt/", views.help_close, name="help_close"),
    path(
        "nachbarschaftshilfe/<id:pk>/moderieren/",
        views.help_moderate,
        name="help_moderate",
    ),
    path("engagement/", views.opportunity_list, name="opportunity_list"),
    path("engagement/neu/", views.opportunity_create, name="opportunity_create"),
    path("engagement/<id:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path(
        "engagement/<id:pk>/bearbeiten/",
        views.opportunity_edit,
        name="opportunity_edit",
    ),
    path(
        "engagement/<id:pk>/interesse/",
        views.opportunity_interest,
        name="opportunity_interest",
    ),
    path("wirtschaft/", views.business_list, name="business_list"),
    path("wirtschaft/leerstand/", views.vacancy_list, name="vacancy_list"),
    path(
        "wirtschaft/leerstand/verlauf/", views.vacancy_history, name="vacancy_history"
    ),
    path(
        "wirtschaft/leerstand/export.csv",
        views.vacancy_export,
        name="vacancy_export",
    ),
    path("wirtschaft/leerstand/melden/", views.vacancy_submit, name="vacancy_submit"),
    path("wirtschaft/leerstand/<id:pk>/", views.vacancy_detail, name="vacancy_detail"),
    path(
        "wirtschaft/leerstand/<id:pk>/grundriss.pdf",
        views.vacancy_floor_plan,
        name="vacancy_floor_plan",
    ),
]
