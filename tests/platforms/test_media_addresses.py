"""A post's image URLs are fetched from public internet addresses only (platforms/addresses.py).

No test here sends anything beyond loopback: the classification is checked on addresses as a
resolver would return them, names are resolved by a stand-in resolver, and every socket connect
is watched (and refused for anything but loopback) so a test can tell that no connection was
even tried.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Iterator

import pytest

from desktop_publisher.cli.output import error_text
from desktop_publisher.errors import UserError
from desktop_publisher.platforms.addresses import ALLOW_ENV, literal_refusal, refusal
from desktop_publisher.store.models import ScheduledPost, Status
from tests.fakes.server import FakeServer, Request, Response, allow_media_from
from tests.platforms.test_linkedin import AUTHOR, png

NAME = "images.brand.test"


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4 inside IPv6
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.20", "private"),
        ("fd00:ec2::254", "private"),  # a cloud's IPv6 metadata address
        ("2002:0a00:0001::1", "private"),  # 6to4 around 10.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
        ("169.254.169.254", "link-local"),  # the cloud metadata service
        ("fe80::1", "link-local"),
        ("100.64.0.1", "not on the public internet"),  # carrier-grade NAT
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("93.184.216.34", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_addresses_are_classified(address, refused):
    reason = refusal(ipaddress.ip_address(address))
    if refused is None:
        assert reason is None
    else:
        assert reason is not None and refused in reason


def test_literal_hosts_need_no_lookup(monkeypatch):
    def no_lookup(*args: object, **kwargs: object) -> object:
        raise AssertionError("an address or localhost is judged without a lookup")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    assert "loopback" in literal_refusal("http://localhost:8080/a.png")
    assert "loopback" in literal_refusal("http://[::1]/a.png")
    assert "link-local" in literal_refusal("http://169.254.169.254/latest/meta-data")
    assert literal_refusal(f"https://{NAME}/a.png") is None  # a name: resolved later
    monkeypatch.setenv(ALLOW_ENV, "localhost:8080")
    assert literal_refusal("http://localhost:8080/a.png") is None  # exactly that host:port
    assert literal_refusal("http://localhost:8081/a.png") is not None


# --- no connection is tried ---------------------------------------------------------------------
@pytest.fixture
def connects(monkeypatch) -> list[tuple]:  # noqa: ANN001
    """Every connect this process tries; anything but loopback is refused outright, so even a
    regression cannot send a packet elsewhere."""
    tried: list[tuple] = []
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: tuple) -> None:
        tried.append(address)
        if not ipaddress.ip_address(address[0].split("%")[0]).is_loopback:
            raise ConnectionRefusedError(f"test guard: no connection to {address[0]}")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return tried


def resolve_as(monkeypatch, *answers: str) -> list[str]:  # noqa: ANN001
    """NAME resolves to each of `answers` in turn (the last one from then on)."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host: str, port: object, *args: object, **kwargs: object) -> list:
        if host != NAME:
            return real(host, port, *args, **kwargs)
        address = answers[min(len(asked), len(answers) - 1)]
        asked.append(address)
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, int(port or 443)))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.fixture
def acct(add_account, linkedin):  # noqa: ANN001, ANN201
    return add_account("linkedin", "Brand A", {"author": AUTHOR})


@pytest.fixture
def image_server() -> Iterator[FakeServer]:
    server = FakeServer()

    @server.route("GET", r"/a\.png")
    def image(request: Request) -> Response:
        return Response(200, png(), {"Content-Type": "image/png"})

    yield server
    server.close()


def publish(service, post: ScheduledPost) -> ScheduledPost:  # noqa: ANN001
    service.publish_post(post.id, manual=True)
    return ScheduledPost.get_by_id(post.id)


def test_an_image_on_this_computer_is_refused_when_added(acct, add_post, image_server, connects):
    with pytest.raises(UserError, match="127.0.0.1 is not a public internet address"):
        add_post(acct, "Look", media=[f"{image_server.url}/a.png"])
    assert ScheduledPost.select().count() == 0 and connects == []


def test_a_name_of_a_private_address_is_refused_when_added(acct, add_post, monkeypatch, connects):
    asked = resolve_as(monkeypatch, "10.20.30.40")
    with pytest.raises(UserError) as caught:
        add_post(acct, "Look", media=[f"https://{NAME}/a.png"])
    # An error about the field "media": the command line names it by its option.
    assert re.match("--media: .* points to a private network address", error_text(caught.value))
    assert asked == ["10.20.30.40"] and connects == []


def test_refused_again_at_publish_time_before_any_connection(
    service, acct, add_post, image_server, linkedin, connects
):
    # Added while this server was allowed (an older version had no rule, say): refused when
    # the post goes out, with not even a connection to the server.
    allow_media_from(image_server.url)
    post = add_post(acct, "Look", media=[f"{image_server.url}/a.png"])
    os.environ[ALLOW_ENV] = ""
    connects.clear()
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "127.0.0.1 is not a public internet address" in failed.last_error
    assert image_server.requests == [] and not linkedin.posts
    assert all(address[1] != int(image_server.url.rsplit(":", 1)[1]) for address in connects)


def test_a_name_that_resolves_elsewhere_the_second_time_never_connects(
    service, acct, add_post, linkedin, monkeypatch, connects
):
    # Public when the post is added, then a private address when it is fetched (DNS
    # rebinding): the address checked is the one connected to, so it is refused.
    asked = resolve_as(monkeypatch, "93.184.216.34", "93.184.216.34", "10.0.0.8")
    post = add_post(acct, "Look", media=[f"https://{NAME}/a.png"])
    connects.clear()
    failed = publish(service, post)
    assert failed.status == Status.FAILED and "private network address" in failed.last_error
    assert asked[-1] == "10.0.0.8"
    assert [a for a in connects if not ipaddress.ip_address(a[0]).is_loopback] == []


def test_a_redirect_to_this_computer_is_not_followed(
    service, acct, add_post, linkedin, image_server, connects
):
    redirector = FakeServer()
    target = f"{image_server.url}/a.png"  # not allowed

    @redirector.route("GET", r"/moved\.png")
    def moved(request: Request) -> Response:
        return Response(302, b"", {"Location": target})

    try:
        allow_media_from(redirector.url)
        post = add_post(acct, "Look", media=[f"{redirector.url}/moved.png"])
        failed = publish(service, post)
    finally:
        redirector.close()
    assert failed.status == Status.FAILED and "points to this computer" in failed.last_error
    assert len(redirector.requests) == 1 and image_server.requests == []
    port = int(image_server.url.rsplit(":", 1)[1])
    assert all(address[1] != port for address in connects)


def test_the_allowed_test_server_still_serves_images(
    service, acct, add_post, linkedin, image_server
):
    allow_media_from(image_server.url)
    post = add_post(acct, "Look", media=[f"{image_server.url}/a.png"])
    assert publish(service, post).status == Status.PUBLISHED
    assert len(image_server.requests) == 1
