"""What keeps other sites out of a player's game, and the headers every response carries.

Cross-site requests (CSRF): a page on another site could make a browser send requests here with
the player's cookie. Four things stop that, each enough alone for today's browsers:
- the cookie is SameSite=Strict, so a browser sends it only with requests from our own pages;
- a request whose Origin is not this service (its Host, or --public-url) is refused, and so is
  one that the browser marks as cross-site or same-site (Sec-Fetch-Site) — a sibling subdomain
  is another site's code too;
- POST and DELETE must say `Content-Type: application/json`, which no HTML form can send and
  which another site's script cannot send here without a CORS preflight, which we never answer
  with permission;
- the service sends no CORS headers at all, so no other site's script can read a reply.
A request without Origin or Sec-Fetch-Site comes from no browser (curl, a test client): it carries
no one's cookie but its own.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The page loads its own script, style and nothing else; no one may frame it (clickjacking).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
SENDS_BODY = frozenset({"POST", "DELETE", "PUT", "PATCH"})


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def foreign(headers, public_origin: str | None) -> bool:
    """Whether a request comes from a page of another site."""
    if headers.get("sec-fetch-site", "same-origin").lower() not in ("same-origin", "none"):
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    origin = origin.lower()
    if public_origin is not None:
        return origin != public_origin
    host = headers.get("host", "").lower()
    return not host or urlsplit(origin).netloc != host or urlsplit(origin).scheme not in ("http", "https")


def says_json(headers) -> bool:
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind == "application/json"


class SecurityHeaders:
    """Adds HEADERS to every response (the API's and the page's), as plain ASGI: no copy of bodies."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((name, value) for name, value in HEADERS if name not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
