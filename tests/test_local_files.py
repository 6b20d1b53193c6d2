"""Reading the files a user names: regular files only, never more than the cap, never waiting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_publisher.local_files import (
    FileTooLarge,
    NotRegularFile,
    check_file,
    megabytes,
    read_capped,
)
from tests.support.pipes import call_without_waiting


def test_a_regular_file_within_the_cap_is_read_whole(tmp_path: Path):
    path = tmp_path / "post.txt"
    path.write_bytes(b"x" * 100)
    assert read_capped(path, 100) == b"x" * 100
    assert check_file(path, 100) == 100


def test_a_file_over_the_cap_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as handle:
        handle.truncate(2_000_000_000)  # sparse: 2 GB that take no disk space
    with pytest.raises(FileTooLarge) as caught:
        read_capped(path, 5_000_000)
    assert caught.value.path == str(path) and caught.value.cap == 5_000_000
    with pytest.raises(FileTooLarge):
        check_file(path, 5_000_000)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_reading_stops_one_byte_past_the_cap():
    # A /proc file is a regular file that says it is empty and is not: as a file that grew after
    # it was looked at, only what reading gives can tell, and reading stops at cap + 1.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(FileTooLarge):
        read_capped("/proc/self/status", 10)
    assert read_capped("/proc/self/status", 1_000_000).startswith(b"Name:")


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(path: str):
    if not os.path.exists(path):
        pytest.skip(f"no {path} here")
    with pytest.raises(NotRegularFile):
        read_capped(path, 1_000_000)


def test_a_folder_is_refused(tmp_path: Path):
    with pytest.raises(NotRegularFile):
        read_capped(tmp_path, 1_000_000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    pipe = tmp_path / "post.txt"
    os.mkfifo(pipe)
    with pytest.raises(NotRegularFile):
        call_without_waiting(lambda: read_capped(pipe, 1_000_000), pipe)


def test_a_missing_file_is_an_os_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        read_capped(tmp_path / "gone.txt", 10)


def test_megabytes_as_the_messages_say_them():
    assert [megabytes(n) for n in (1_000_000, 4_000_000, 500_000)] == ["1", "4", "0.5"]
