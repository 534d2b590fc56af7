import time

from danvan.core.actor import acting_as


class ActorMiddleware:
    """Makes the logged-in user the actor of every change made during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID")
        with acting_as(request.user, source="web", request_id=request_id) as actor:
            request.request_id = actor.request_id
            return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself.

    - `Permissions-Policy`: the pages need no camera, microphone, location, payment or USB.
    - `Cache-Control: no-store` on every response to a logged-in user that does not say otherwise,
      so a shared office computer's browser cache and back button do not show another person's data.
    """

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store, private"
        return response


class IdleTimeoutMiddleware:
    """Sliding session expiry: a session ends SESSION_IDLE_MINUTES after its last request.

    Django extends a session's expiry only when the session is saved; saving it on every request
    (SESSION_SAVE_EVERY_REQUEST) would be one write per page view. The session is marked as touched
    at most once a minute instead, which keeps the expiry within a minute of the last request.
    """

    TOUCH_EVERY = 60  # seconds
    KEY = "_danvan_touched"

    def __init__(self, get_response):
        self.get_response = get_response

    @classmethod
    def on_login(cls, sender, request, user, **kwargs):
        # The login saves the session anyway: start the clock there, not with a second write.
        if request is not None and hasattr(request, "session"):
            request.session[cls.KEY] = int(time.time())

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.TOUCH_EVERY:
                session[self.KEY] = now
        return self.get_response(request)
