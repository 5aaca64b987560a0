"""URL safety: only http(s), only public addresses unless private ones are explicitly allowed."""

from __future__ import annotations

import socket

import pytest

from provenance.errors import ExitStatus, FetchConnectionError, UnsafeURLError
from provenance.ingest.safety import AddressPolicy


def resolving_to(*addresses: str) -> AddressPolicy:
    return AddressPolicy(resolver=lambda host, port: list(addresses))


def test_loopback_is_refused_by_default_with_the_real_resolver() -> None:
    policy = AddressPolicy()
    for url in ("http://127.0.0.1/", "http://localhost:8080/admin", "http://[::1]/", "http://2130706433/"):
        with pytest.raises(UnsafeURLError, match="a loopback address") as caught:
            policy.check_url(url)
        assert caught.value.code == "PRV-E201"
        assert caught.value.exit_status == ExitStatus.INPUT
        assert "--allow-private" in caught.value.problem


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("10.1.2.3", "a private address"),
        ("192.168.0.10", "a private address"),
        ("172.16.5.4", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.10.20", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.251", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("100.64.0.1", "a non-public address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
    ],
)
def test_non_public_addresses_are_refused_after_resolution(address: str, reason: str) -> None:
    with pytest.raises(UnsafeURLError) as caught:
        resolving_to("93.184.216.34", address).check_url("https://innocent-looking.example/story")
    assert caught.value.problem.startswith(f"refused: the host resolves to {address.split('%')[0]}")
    assert reason in caught.value.problem


def test_public_addresses_pass() -> None:
    resolving_to("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946").check_url("https://news.example/a")


def test_allow_private_lifts_the_refusal_but_not_for_metadata_services() -> None:
    policy = AddressPolicy(allow_private=True)
    policy.check_url("http://127.0.0.1:8000/article")
    policy.check_url("http://10.0.0.5/intranet/story")
    with pytest.raises(UnsafeURLError, match="cloud metadata address"):
        policy.check_url("http://169.254.169.254/latest/meta-data/")
    with pytest.raises(UnsafeURLError, match="cloud metadata service"):
        policy.check_url("http://metadata.google.internal/computeMetadata/v1/")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "only http and https URLs are fetched, not file"),
        ("ftp://news.example/a.txt", "only http and https URLs are fetched, not ftp"),
        ("gopher://news.example/", "only http and https URLs are fetched, not gopher"),
        ("http:///no-host", "the URL has no host"),
    ],
)
def test_only_http_and_https_with_a_host(url: str, message: str) -> None:
    with pytest.raises(UnsafeURLError, match=message):
        resolving_to("93.184.216.34").check_url(url)


def test_unresolvable_host_is_a_connection_error() -> None:
    def failing(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(FetchConnectionError, match=r"cannot resolve host 'nowhere\.example'") as caught:
        AddressPolicy(resolver=failing).check_url("https://nowhere.example/")
    assert caught.value.code == "PRV-E207"
