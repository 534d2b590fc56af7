from django import forms
from django.contrib import admin

from danvan.documents.models import Addressee, FormatProfile, Issuer, LegalBasis, PartyTerm


@admin.register(FormatProfile)
class FormatProfileAdmin(admin.ModelAdmin):
    list_display = ("name", "system", "regulation", "valid_from", "valid_until")
    list_filter = ("system",)
    fieldsets = [
        (None, {"fields": ["code", "name", "system", "regulation", "order", "valid_from", "valid_until"]}),
        (
            "Trang giấy",
            {
                "fields": [
                    ("page_width_mm", "page_height_mm"),
                    ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm"),
                    "header_distance_mm",
                    "number_from_second_page",
                    "page_number_size",
                ]
            },
        ),
        (
            "Phông chữ, cỡ chữ",
            {
                "fields": [
                    "font_name",
                    "body_size",
                    ("superior_size", "issuer_size", "number_size"),
                    ("national_size", "motto_size", "place_date_size"),
                    ("type_size", "summary_size", "signature_size"),
                ]
            },
        ),
        (
            "Đoạn văn",
            {"fields": ["first_line_indent_cm", "line_spacing", "paragraph_spacing_pt", "signature_space_lines"]},
        ),
        (
            "Nơi nhận",
            {
                "fields": [
                    "recipients_label_size",
                    ("recipients_label_bold", "recipients_label_italic", "recipients_label_underline"),
                    "recipients_size",
                ]
            },
        ),
    ]


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ("issuer_line", "symbol", "unit", "head_name", "valid_from", "valid_until")
    list_filter = ("system",)
    search_fields = ("issuer_line", "symbol", "unit__name")
    autocomplete_fields = ("unit",)
    list_select_related = ("unit",)
    fieldsets = [
        (None, {"fields": ["unit", "system", ("valid_from", "valid_until")]}),
        ("Tiêu đề văn bản", {"fields": ["superior_line", "issuer_line", "symbol", "place"]}),
        (
            "Người ký",
            {
                "fields": [
                    ("head_title", "head_name"),
                    ("deputy_title", "deputy_name"),
                    ("is_collective", "collective_name"),
                ]
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Names that print on two lines ("ỦY BAN NHÂN DÂN" / "TỈNH TÂY NINH") are typed on two lines.
        if db_field.name in {"superior_line", "issuer_line"}:
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 50})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(PartyTerm)
class PartyTermAdmin(admin.ModelAdmin):
    list_display = ("name", "start", "end")


@admin.register(Addressee)
class AddresseeAdmin(admin.ModelAdmin):
    list_display = ("name", "purpose", "tier", "order", "valid_from", "valid_until")
    list_filter = ("purpose", "tier")
    search_fields = ("name", "code")
    fields = ["code", "name", "purpose", "tier", "order", ("valid_from", "valid_until")]


@admin.register(LegalBasis)
class LegalBasisAdmin(admin.ModelAdmin):
    list_display = ("name", "system", "purpose", "valid_from", "valid_until")
    list_filter = ("purpose", "system")
    search_fields = ("name", "text", "code")
    fields = ["code", "name", "text", "purpose", "system", "order", ("valid_from", "valid_until")]
