"""One GET of a feed with the standard library, under a deadline, a size cap and a redirect limit.

Why not an HTTP client library: a cron job asks its feeds every minute and most of them answer
304. httpx, with the async stack under it, took 70-90 ms of each such run to import and start, a
third of the run. What a feed needs is small: a conditional GET, redirects, gzip and deflate,
proxies from the environment, verified TLS.

The deadline holds whatever the server does: every socket wait is bounded by the time left, and
`Request.abort()` (the fetcher calls it when the time is up) shuts the socket under a read that a
server keeps alive a byte at a time.
"""
from __future__ import annotations

import http.client
import os
import re
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from safepost.news.feeds import size

REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024
_ERRNO_PREFIX = re.compile(r"^\[Errno -?\d+\]\s*")
_tls: dict[str, object] = {}  # the verified TLS context, built on the first https address


@dataclass(frozen=True)
class Download:
    """What the server said: a body, "not modified", or why there is nothing (error)."""

    body: bytes = b""
    not_modified: bool = False
    error: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    base_url: str | None = None


class _Stop(Exception):
    """A reason to give up on this address, in the words the status shows."""


class Request:
    """A GET that `run()` performs in one thread while another may `abort()` it at its deadline."""

    def __init__(self, url: str, headers: dict[str, str], deadline: float, timeout: float,
                 max_bytes: int, max_redirects: int):
        self.url, self.headers, self.deadline = url, headers, deadline
        self.timeout, self.max_bytes, self.max_redirects = timeout, max_bytes, max_redirects
        self._lock = threading.Lock()
        self._connection: http.client.HTTPConnection | None = None
        self._socket: socket.socket | None = None  # kept: the connection lets go of it once answered
        self._response: http.client.HTTPResponse | None = None
        self._aborted = False

    def abort(self) -> None:
        with self._lock:
            self._aborted = True
            sock = self._socket
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def run(self, conditional: dict[str, str] | None = None) -> Download:
        """The answer; `conditional` (If-None-Match, If-Modified-Since) lets the server say 304."""
        try:
            return self._follow({**self.headers, **(conditional or {})})
        except _Stop as stop:
            return Download(error=str(stop))
        except TimeoutError:
            return self.timed_out()
        except (http.client.IncompleteRead, http.client.RemoteDisconnected, http.client.BadStatusLine,
                ConnectionError):
            return self.timed_out() if self._aborted else Download(error="the server broke off the response")
        except zlib.error:
            return Download(error="the server sent a damaged compressed response")
        except Exception as exc:
            # Odd addresses surface as odd types from below (port 99999: a ValueError, a bad
            # host name: a UnicodeError), and a feed problem must be a status, never a crash.
            return self.timed_out() if self._aborted else Download(error=f"cannot fetch this address: {_why(exc)}")
        finally:
            self._close()

    def timed_out(self) -> Download:
        """The answer when the time is up."""
        return Download(error=f"timed out after {self.timeout:g} s")

    def _follow(self, headers: dict[str, str]) -> Download:
        url = self.url
        for _ in range(self.max_redirects + 1):
            response = self._ask(url, headers)
            location = response.getheader("Location")
            if response.status not in REDIRECTS or not location:
                return self._receive(response, url)
            url = urljoin(url, location.strip())
            self._close()
        raise _Stop(f"too many redirects (more than {self.max_redirects})")

    def _ask(self, url: str, headers: dict[str, str]) -> http.client.HTTPResponse:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise _Stop("only http:// and https:// addresses can be fetched")
        if not parts.hostname:
            raise _Stop("cannot fetch this address: it names no host")
        connection, target, proxy_headers = _connection(parts, self._left())
        with self._lock:
            if self._aborted:
                raise TimeoutError
            self._connection = connection
        try:
            connection.connect()
        except TimeoutError:
            raise
        except OSError as exc:
            raise _Stop(f"could not connect: {_connect_reason(exc)}") from exc
        with self._lock:
            self._socket = connection.sock
        connection.request("GET", target, headers={**headers, **proxy_headers})
        self._socket.settimeout(self._left())
        self._response = connection.getresponse()
        return self._response

    def _receive(self, response: http.client.HTTPResponse, url: str) -> Download:
        """The body, cut at `max_bytes` of decompressed bytes, so a gzip bomb is cut too."""
        validators = {"etag": response.getheader("ETag"), "last_modified": response.getheader("Last-Modified")}
        if response.status == 304:
            return Download(not_modified=True, **validators)
        if not 200 <= response.status < 300:
            return Download(error=f"HTTP {response.status} {response.reason}".strip())
        too_big = _Stop(f"body over {size(self.max_bytes)}")
        declared = response.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise too_big
        decoder = _decoder(response.getheader("Content-Encoding", ""))
        body = bytearray()
        while True:
            self._socket.settimeout(self._left())
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            body += decoder.decompress(chunk, self.max_bytes + 1 - len(body))
            if len(body) > self.max_bytes or decoder.unconsumed_tail:
                raise too_big
        if response.length:  # the server closed before the length it promised
            raise http.client.IncompleteRead(bytes(body), response.length)
        body += decoder.flush()
        if len(body) > self.max_bytes:
            raise too_big
        return Download(body=bytes(body), content_type=response.getheader("Content-Type"), base_url=url, **validators)

    def _left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0 or self._aborted:
            raise TimeoutError
        return left

    def _close(self) -> None:
        """Hang up, even when a response still holds the socket (one that ends at close does)."""
        with self._lock:
            connection, sock, response = self._connection, self._socket, self._response
            self._connection = self._socket = self._response = None
        if response is not None:
            response.close()  # its reference to the socket would keep the connection open
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        if connection is not None:
            connection.close()


def _connection(parts: SplitResult, timeout: float) -> tuple[http.client.HTTPConnection, str, dict[str, str]]:
    """A connection for the address, through the environment's proxy when one applies; the
    request target to send on it, and the headers the proxy needs."""
    secure = parts.scheme.lower() == "https"
    port = parts.port or (443 if secure else 80)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    proxy = _proxy(parts.scheme.lower(), parts.hostname)
    if proxy is None:
        return _open(parts.hostname, port, secure, timeout), target, {}
    proxied = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    connection = _open(proxied.hostname, proxied.port or 80, secure, timeout)
    credentials = {"Proxy-Authorization": _basic(proxied)} if proxied.username else {}
    if secure:
        connection.set_tunnel(parts.hostname, port, headers=credentials)
        return connection, target, {}
    return connection, parts.geturl(), credentials


def _open(host: str, port: int, secure: bool, timeout: float) -> http.client.HTTPConnection:
    if secure:
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=_tls_context())
    return http.client.HTTPConnection(host, port, timeout=timeout)


def _basic(proxy: SplitResult) -> str:
    import base64

    pair = f"{unquote(proxy.username or '')}:{unquote(proxy.password or '')}"
    return "Basic " + base64.b64encode(pair.encode()).decode("ascii")


def _proxy(scheme: str, host: str) -> str | None:
    """The proxy the environment names for this scheme (http_proxy, https_proxy, all_proxy), unless
    no_proxy exempts the host; urllib is loaded only when such a variable is set."""
    if not any(name.lower().endswith("_proxy") for name in os.environ):
        return None
    from urllib.request import getproxies_environment, proxy_bypass_environment

    proxies = getproxies_environment()
    found = proxies.get(scheme) or proxies.get("all")
    return None if not found or proxy_bypass_environment(host, proxies) else found


def _tls_context():
    """Verified TLS with the Mozilla roots (certifi), the same on every system; built once."""
    if "context" not in _tls:
        import ssl

        import certifi

        _tls["context"] = ssl.create_default_context(cafile=certifi.where())
    return _tls["context"]


class _Identity:
    unconsumed_tail = b""

    @staticmethod
    def decompress(data: bytes, _limit: int) -> bytes:
        return data

    @staticmethod
    def flush() -> bytes:
        return b""


class _Deflate:
    """"deflate" as servers send it: zlib-wrapped as the standard says, or raw as some do."""

    def __init__(self):
        self._inner = zlib.decompressobj()
        self._started = False

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail

    def decompress(self, data: bytes, limit: int) -> bytes:
        if not self._started:
            self._started = True
            try:
                return self._inner.decompress(data, limit)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inner.decompress(data, limit)

    def flush(self) -> bytes:
        return self._inner.flush()


def _decoder(encoding: str):
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return _Deflate()
    return _Identity()


def _connect_reason(exc: BaseException) -> str:
    """The system's words ("Connection refused"), or what was wrong with the certificate."""
    import ssl

    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the site's certificate is not trusted ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        reason = (exc.reason or str(exc)).lower().replace("_", " ")
        return f"the secure connection failed ({reason})"
    if isinstance(exc, socket.gaierror):
        return "the host name was not found" if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)) \
            else _why(exc)
    if isinstance(exc, OSError) and (exc.errno or 0) > 0:
        return os.strerror(exc.errno)
    return _why(exc)


def _why(exc: BaseException) -> str:
    return _ERRNO_PREFIX.sub("", str(exc)) or type(exc).__name__
