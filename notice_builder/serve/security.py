"""What stands between the form and anyone else on the machine: the token, the Host and Origin checks,
the size limit and the security headers, as one ASGI middleware.

- The URL `notice serve` prints carries a one-time token. Its first use sets a session cookie (HttpOnly,
  SameSite=Strict) and the token is spent; every request after needs the cookie. Another user of the
  same machine who finds the port gets 403.
- The Host header must name the loopback address and port the server listens on (DNS rebinding).
- A request that changes anything (not GET or HEAD) must carry an Origin of this server (cross-site
  requests, which SameSite already stops, and any browser that sends no cookie rule).
- A request body over `max_body` bytes is refused with 413, however it is sent.
- Every answer has a strict Content-Security-Policy (no inline script or style, nothing from elsewhere),
  and is never cached or framed.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from html import escape
from urllib.parse import parse_qs, urlencode

COOKIE = "notice_session"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
SAFE_METHODS = frozenset({"GET", "HEAD"})


class BodyTooLarge(Exception):
    """A request body went past the limit while it was read."""


def _page(status: int, title: str, text: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            '<link rel="stylesheet" href="/static/form.css"></head><body><div class="page-width">'
            '<main class="main" id="main">'
            f'<h1>{escape(title)}</h1><p class="body">{escape(text)}</p></main></div></body></html>').encode()


class Guard:
    """The ASGI middleware that checks every request (see the module's docstring)."""

    def __init__(self, app, *, port: int, token: str, max_body: int):
        self.app = app
        self.port = port
        self.token = token
        self.token_spent = False
        self.session = secrets.token_urlsafe(32)
        self.max_body = max_body
        self.hosts = {f"{name}:{port}".encode() for name in LOOPBACK_NAMES}
        self.origins = {f"http://{name}:{port}" for name in LOOPBACK_NAMES}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            return
        headers = dict(scope.get("headers") or [])
        if headers.get(b"host", b"").lower() not in self.hosts:
            await self._refuse(send, 403, "Wrong address",
                               "This form answers only at the address `notice serve` printed.")
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        offered = query.get("token", [""])[0]
        if offered and not self.token_spent and secrets.compare_digest(offered, self.token):
            self.token_spent = True
            await self._welcome(scope, query, send)
            return
        if not secrets.compare_digest(self._cookie(headers), self.session):
            await self._refuse(send, 403, "Not allowed",
                               "Open the address that `notice serve` printed in its window. Each address "
                               "works once; to open the form in another browser, start `notice serve` again.")
            return
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get(b"origin", b"").decode("latin-1")
            if origin not in self.origins:
                await self._refuse(send, 403, "Not allowed",
                                   "This change did not come from the form's own page, so it was refused.")
                return
            length = headers.get(b"content-length", b"0")
            if not length.isdigit() or int(length) > self.max_body:
                await self._too_large(send)
                return
        try:
            await self.app(scope, self._bounded(receive), self._secured(send))
        except BodyTooLarge:
            await self._too_large(send)

    def _bounded(self, receive: Callable[[], Awaitable[dict]]) -> Callable[[], Awaitable[dict]]:
        seen = 0

        async def bounded() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge
            return message

        return bounded

    def _secured(self, send):
        async def secured(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        return secured

    def _cookie(self, headers: dict) -> str:
        for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE:
                return value
        return ""

    async def _welcome(self, scope, query: dict, send) -> None:
        """The token's one use: set the session cookie and go to the same page without the token."""
        rest = {k: v for k, v in query.items() if k != "token"}
        location = scope["path"] + (f"?{urlencode(rest, doseq=True)}" if rest else "")
        cookie = f"{COOKIE}={self.session}; HttpOnly; SameSite=Strict; Path=/"
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode()), (b"set-cookie", cookie.encode()), *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": b""})

    async def _too_large(self, send) -> None:
        mib = self.max_body / (1024 * 1024)
        await self._refuse(send, 413, "Too large",
                           f"What was sent is larger than {mib:g} MB, more than any decision needs. Nothing "
                           "was saved. Go back and send a smaller file.")

    async def _refuse(self, send, status: int, title: str, text: str) -> None:
        body = _page(status, title, text)
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
            *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body})
