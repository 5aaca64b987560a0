"""Which URLs may be fetched: http(s) only, and only hosts that resolve to public addresses.

A link pasted into a fact-checking tool is untrusted input. Without this check a
page (or a redirect) could make the tool read a cloud metadata service, a router
admin page or a database on the user's network and copy the answer into a
report. The check runs on the addresses the host resolves to, so decimal,
hexadecimal and DNS-alias spellings of a private address are caught, and it
runs again before every redirect.

Checking a name and then letting the HTTP library resolve it again would leave
a gap: a DNS server answering with a public address first and a private one a
moment later (DNS rebinding) gets the request sent inside the network. So the
clients made here connect through ``CheckedTransport``, whose connections
resolve the host once, check every address and connect to a checked address
itself; TLS still verifies the certificate for (and sends SNI with) the host
name, and the ``Host`` header is untouched. For clients passed in from outside,
the fetch checks the peer address of each connection as a last resort.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
import httpcore
import httpx

from provenance.errors import FetchConnectionError, UnsafeURLError

__all__ = [
    "AddressPolicy",
    "AsyncCheckedTransport",
    "CheckedTransport",
    "Resolver",
    "refusal_reason",
    "system_resolver",
]

Resolver = Callable[[str, int], list[str]]
"""Resolve ``(host, port)`` to IP address strings; injectable so tests never use DNS."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA_HOSTS = frozenset(
    {"metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"}
)
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
"""Cloud instance-metadata endpoints (AWS, ECS, Alibaba, GCP, Azure): refused even with ``allow_private``."""

ALLOWED_SCHEMES = ("http", "https")


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve with the operating system's resolver (``getaddrinfo``), every address family."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def refusal_reason(address: IPAddress, allow_private: bool = False) -> str | None:
    """Say why ``address`` must not be contacted, or ``None`` when it may be."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return refusal_reason(embedded, allow_private)
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if allow_private:
        return None
    checks = (
        ("a loopback address", address.is_loopback),
        ("an unspecified address", address.is_unspecified),
        ("a link-local address", address.is_link_local),
        ("a multicast address", address.is_multicast),
        ("a reserved address", address.is_reserved),
        ("a private address", address.is_private),
        ("a non-public address", not address.is_global),
    )
    return next((reason for reason, refused in checks if refused), None)


@dataclass(frozen=True)
class AddressPolicy:
    """The URL and address rules one fetch runs under.

    ``allow_private`` lifts the refusal of loopback, private, link-local and
    reserved addresses (for newsroom intranets and local test servers); cloud
    metadata endpoints stay refused. ``resolver`` is injectable for tests.
    """

    allow_private: bool = False
    resolver: Resolver = system_resolver

    def check_url(self, url: str) -> None:
        """Refuse ``url`` unless it is http(s) and every address its host resolves to is allowed."""
        try:
            parsed = httpx.URL(url)
            host = parsed.host  # decoded lazily: an invalid IDNA label ("xn--zz") fails here
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise UnsafeURLError(url, f"not a valid URL ({exc})") from None
        if parsed.scheme not in ALLOWED_SCHEMES:
            shown = parsed.scheme or "no scheme"
            raise UnsafeURLError(url, f"refused: only http and https URLs are fetched, not {shown}")
        if not host:
            raise UnsafeURLError(url, "refused: the URL has no host")
        if host.rstrip(".").lower() in METADATA_HOSTS:
            raise UnsafeURLError(url, f"refused: {host} is a cloud metadata service")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        self.allowed_addresses(url, host, port)

    def allowed_addresses(self, url: str, host: str, port: int) -> list[str]:
        """Resolve ``host`` once and return its addresses, refusing them all if any one is not allowed."""
        addresses = self._addresses(url, host, port)
        for address in addresses:
            self.check_address(url, address)
        return addresses

    def check_address(self, url: str, address: str) -> None:
        """Refuse contact with ``address`` (a resolved or connected peer address) when not allowed."""
        shown = address.split("%", 1)[0]
        try:
            ip = ipaddress.ip_address(shown)
        except ValueError:
            raise UnsafeURLError(url, f"refused: {address!r} is not an IP address") from None
        reason = refusal_reason(ip, self.allow_private)
        if reason is None:
            return
        hint = "" if ip in METADATA_ADDRESSES else " (pass --allow-private to fetch from private networks)"
        raise UnsafeURLError(url, f"refused: the host resolves to {shown}, {reason}{hint}")

    def _addresses(self, url: str, host: str, port: int) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchConnectionError(url, f"cannot resolve host {host!r} ({exc})") from None
        if not addresses:
            raise FetchConnectionError(url, f"cannot resolve host {host!r} (no addresses)")
        return addresses


_SocketOptions = Iterable[
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
]


class _CheckedBackend(httpcore.NetworkBackend):
    """Open TCP connections only to addresses the policy allowed, resolved here, once."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.NetworkStream:
        """Connect to the first allowed address of ``host`` that answers."""
        failure: httpcore.ConnectError | None = None
        for address in _allowed(self.policy, host, port):
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failure = error
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.NetworkStream:
        """Refuse Unix sockets: a fetch only ever goes to an http(s) host."""
        raise httpcore.ConnectError("refused: fetches do not use Unix sockets")

    def sleep(self, seconds: float) -> None:
        """Wait as the standard backend does."""
        self.inner.sleep(seconds)


class _AsyncCheckedBackend(httpcore.AsyncNetworkBackend):
    """The async twin of ``_CheckedBackend``: resolution runs in a worker thread."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Connect to the first allowed address of ``host`` that answers."""
        failure: httpcore.ConnectError | None = None
        for address in await anyio.to_thread.run_sync(_allowed, self.policy, host, port):
            try:
                return await self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failure = error
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.AsyncNetworkStream:
        """Refuse Unix sockets: a fetch only ever goes to an http(s) host."""
        raise httpcore.ConnectError("refused: fetches do not use Unix sockets")

    async def sleep(self, seconds: float) -> None:
        """Wait as the standard backend does."""
        await self.inner.sleep(seconds)


def _allowed(policy: AddressPolicy, host: str, port: int) -> list[str]:
    """Give the addresses to connect to; a refusal names the host (the fetch renames it after its URL)."""
    try:
        return policy.allowed_addresses(host, host, port)
    except FetchConnectionError as error:
        raise httpcore.ConnectError(error.problem) from None


DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def _pool_options(limits: httpx.Limits, verify: ssl.SSLContext | bool) -> dict[str, Any]:
    """Return the connection-pool settings httpx itself would use, shared by the sync and async transports."""
    return {
        "ssl_context": httpx.create_ssl_context(verify=verify),
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
    }


class CheckedTransport(httpx.HTTPTransport):
    """An httpx transport whose connections go only to addresses ``policy`` checked (see the module)."""

    def __init__(
        self,
        policy: AddressPolicy,
        limits: httpx.Limits = DEFAULT_LIMITS,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        super().__init__(verify=verify, limits=limits)
        self._pool = httpcore.ConnectionPool(
            **_pool_options(limits, verify),
            network_backend=_CheckedBackend(policy),
        )


class AsyncCheckedTransport(httpx.AsyncHTTPTransport):
    """The async twin of ``CheckedTransport``, for batches."""

    def __init__(
        self,
        policy: AddressPolicy,
        limits: httpx.Limits = DEFAULT_LIMITS,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        super().__init__(verify=verify, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            **_pool_options(limits, verify),
            network_backend=_AsyncCheckedBackend(policy),
        )
