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
