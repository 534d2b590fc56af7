"""Who calls the API: a user's key (`Authorization: Bearer <key>`, from the account page) or, for the
documentation page tried in the browser, the logged-in session."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from danvan.core import tokens

MSG_BAD_KEY = "Khóa API không đúng, đã hết hạn hoặc đã bị thu hồi."


class BearerKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(MSG_BAD_KEY)
        user = tokens.user_for(header[1])
        if user is None:
            raise exceptions.AuthenticationFailed(MSG_BAD_KEY)
        return user, None

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="danvan"'  # a 401, not a 403, when the key is missing


class BearerKeyScheme(OpenApiAuthenticationExtension):
    target_class = BearerKeyAuthentication
    name = "khoaApi"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Khóa API tạo ở trang “Tài khoản của tôi”; quyền đúng như quyền của tài khoản.",
        }
