"""The OpenAPI description of query parameters taken from the web's filter forms, so a list's filters are
declared once (the form) and documented wherever they are used."""

from __future__ import annotations

from django import forms
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter


class VietnameseSchema(AutoSchema):
    """The schema people read on the docs page: descriptions only where written for them in Vietnamese
    (`extend_schema(description=...)`), never the classes' docstrings, which are English notes for programmers."""

    def get_description(self):
        return ""

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        schema.pop("description", None)
        return schema


def _type(field: forms.Field):
    if isinstance(field, forms.BooleanField):
        return OpenApiTypes.BOOL
    if isinstance(field, forms.ModelChoiceField) or getattr(field, "coerce", None) is int:
        return OpenApiTypes.INT
    return OpenApiTypes.STR


def form_parameters(form_class, **choices) -> list[OpenApiParameter]:
    """One query parameter per field of `form_class`; `choices` gives the values a field gets only when the
    form is built (e.g. `statuses=...`), matched to the field named in `CHOICE_FIELDS`."""
    parameters = []
    for name, field in form_class.base_fields.items():
        enum = None
        static = getattr(field, "choices", None) if not isinstance(field, forms.ModelChoiceField) else None
        if name in CHOICE_FIELDS and CHOICE_FIELDS[name] in choices:
            static = choices[CHOICE_FIELDS[name]]
        if static and _type(field) is OpenApiTypes.STR:
            enum = [str(value) for value, _ in static if value != ""]
        description = str(field.label or PARAMETER_LABELS.get(name, name))
        if isinstance(field, forms.ModelChoiceField):
            description += " (id)"
        parameters.append(OpenApiParameter(name, _type(field), description=description, enum=enum or None))
    return parameters


CHOICE_FIELDS = {"trang_thai": "statuses"}
PARAMETER_LABELS = {"sap_xep": "Sắp xếp theo cột (thêm “-” phía trước để đảo chiều)"}


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "Mã lỗi cố định cho chương trình (validation, not_found…)"},
                "message": {"type": "string", "description": "Thông báo cho người đọc, tiếng Việt"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "Lỗi theo từng trường (chỉ khi code = validation)",
                },
            },
        }
    },
}
ERRORS = {
    "400": "Dữ liệu hoặc tham số chưa đúng",
    "401": "Thiếu khóa API, hoặc khóa sai, hết hạn, bị thu hồi",
    "403": "Không có quyền",
    "404": "Không có, hoặc ngoài phạm vi đơn vị của bạn",
}
WRITE_ERRORS = {"409": "Bản ghi đã đổi (sửa cùng lúc) hoặc không ở bước xử lý này", "405": "Phương thức không hỗ trợ"}


def add_error_responses(result, generator, request, public):
    """drf-spectacular hook: every operation documents the one error shape, for each status it can answer."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for methods in result.get("paths", {}).values():
        for method, operation in methods.items():
            errors = ERRORS | (WRITE_ERRORS if method in ("post", "patch", "put") else {})
            for code, text in errors.items():
                operation["responses"].setdefault(code, {"description": text, "content": reference})
    return result
