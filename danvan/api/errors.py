"""Every API error in one JSON shape, in Vietnamese:

    {"error": {"code": "validation", "message": "Dữ liệu gửi lên chưa đúng.", "fields": {"year": ["…"]}}}

`code` is stable (for programs), `message` is for people; `fields` only for validation errors.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

MESSAGES = {
    "not_authenticated": "Cần khóa API (tiêu đề Authorization: Bearer <khóa>) hoặc đăng nhập.",
    "authentication_failed": "Khóa API không đúng, đã hết hạn hoặc đã bị thu hồi.",
    "permission_denied": "Bạn không có quyền thực hiện thao tác này.",
    "not_found": "Không tìm thấy, hoặc bản ghi nằm ngoài phạm vi đơn vị của bạn.",
    "method_not_allowed": "Phương thức này không được hỗ trợ ở địa chỉ này.",
    "not_acceptable": "Chỉ trả về dữ liệu JSON.",
    "unsupported_media_type": "Dữ liệu gửi lên phải là JSON.",
    "throttled": "Gửi quá nhiều yêu cầu; vui lòng thử lại sau.",
    "parse_error": "Dữ liệu gửi lên không đọc được (JSON không hợp lệ).",
    "validation": "Dữ liệu gửi lên chưa đúng.",
    "conflict": "Bản ghi vừa được người khác sửa; hãy đọc lại rồi sửa tiếp.",
}
# DRF's own field messages are English; these replace them by their code (our own messages stay).
FIELD_MESSAGES = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống.",
    "blank": "Trường này không được để trống.",
    "invalid": "Giá trị không hợp lệ.",
    "max_length": "Giá trị quá dài.",
    "min_length": "Giá trị quá ngắn.",
    "max_value": "Giá trị lớn hơn mức cho phép.",
    "min_value": "Giá trị nhỏ hơn mức cho phép.",
    "invalid_choice": "Giá trị không nằm trong danh sách được chọn.",
    "does_not_exist": "Không tìm thấy bản ghi có mã này trong phạm vi của bạn.",
    "incorrect_type": "Sai kiểu dữ liệu.",
    "not_a_list": "Cần một danh sách.",
    "date": "Ngày không hợp lệ (dạng YYYY-MM-DD).",
    "max_string_length": "Số quá lớn.",
}
OWN = "danvan"  # the code of messages danvan wrote (forms, services): shown as they are

CODES = {
    status.HTTP_400_BAD_REQUEST: "validation",
    status.HTTP_401_UNAUTHORIZED: "not_authenticated",
    status.HTTP_403_FORBIDDEN: "permission_denied",
    status.HTTP_404_NOT_FOUND: "not_found",
    status.HTTP_405_METHOD_NOT_ALLOWED: "method_not_allowed",
    status.HTTP_406_NOT_ACCEPTABLE: "not_acceptable",
    status.HTTP_409_CONFLICT: "conflict",
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type",
    status.HTTP_429_TOO_MANY_REQUESTS: "throttled",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = MESSAGES["conflict"]


def _vietnamese(detail):
    if isinstance(detail, dict):
        return {key: _vietnamese(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_vietnamese(item) for item in detail]
    code = getattr(detail, "code", None)
    return FIELD_MESSAGES.get(code, str(detail))


def from_django(exc: DjangoValidationError) -> exceptions.ValidationError:
    """A service's ValidationError (already Vietnamese) as the API's 400."""
    if hasattr(exc, "error_dict"):
        fields = {key: [m for error in errors for m in error.messages] for key, errors in exc.error_dict.items()}
        return exceptions.ValidationError(fields, code=OWN)
    return exceptions.ValidationError({"non_field_errors": exc.messages}, code=OWN)


def handle(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = from_django(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = "validation" if isinstance(exc, exceptions.ValidationError) else _code(exc, response.status_code)
    message = MESSAGES.get(code, "Có lỗi xảy ra.")
    fields = None
    if isinstance(exc, exceptions.ValidationError):
        fields = _vietnamese(exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail})
    elif isinstance(exc, OWN_REASONS) and str(exc.detail) != str(exc.default_detail):
        message = str(exc.detail)  # our own reason (a workflow refusal, a state conflict), already Vietnamese
    body = {"code": code, "message": message}
    if fields is not None:
        body["fields"] = fields
    return Response({"error": body}, status=response.status_code, headers=_headers(response))


# Exceptions whose detail, when danvan sets one, is a Vietnamese reason worth showing as is.
OWN_REASONS = (Conflict, exceptions.PermissionDenied)


def _code(exc, status_code: int) -> str:
    code = getattr(exc, "default_code", None)
    return code if code in MESSAGES else CODES.get(status_code, "error")


def _headers(response) -> dict:
    return {key: response[key] for key in ("WWW-Authenticate", "Allow", "Retry-After") if response.has_header(key)}
