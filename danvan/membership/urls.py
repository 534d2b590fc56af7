from django.urls import path

from danvan.membership.views import excel, reports, stats

app_name = "membership"

urlpatterns = [
    path("", reports.report_list, name="report-list"),
    path("<int:pk>/", reports.report_detail, name="report-detail"),
    path("nhap/", reports.entry_choose, name="entry-choose"),
    path("nhap/<int:unit>/<int:year>/<int:months>/", reports.entry, name="entry"),
    path("xuat-excel/", excel.report_export, name="export"),
    path("mau-excel/", excel.report_template, name="template"),
    path("dan-so/xuat-excel/", excel.population_export, name="population-export"),
    path("dan-so/mau-excel/", excel.population_template, name="population-template"),
    path("thong-ke/", stats.statistics, name="statistics"),
    path("thong-ke/bao-cao/", stats.report_docx, name="statistics-report"),
]
