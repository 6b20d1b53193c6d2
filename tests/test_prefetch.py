"""Reading ahead the window's files: what a start records, and that the next start's reader
really brings them into the file cache (seen with mincore, from a fresh single-threaded
interpreter, as the app's start is)."""

from __future__ import annotations

import ctypes
import mmap
import os
from pathlib import Path

import pytest

from desktop_publisher import prefetch
from tests.support.processes import run_python
from tests.support.waiting import wait_until

pytestmark = pytest.mark.skipif(not prefetch.supported(), reason="Linux only")

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mmap.restype = ctypes.c_void_p
_libc.mmap.argtypes = [
    ctypes.c_void_p,
    ctypes.c_size_t,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_long,
]
_libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]
_libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]


def resident_pages(path: Path) -> int:
    """How many of the file's pages are in the file cache. Mapping a file and asking mincore
    reads nothing of it."""
    size = path.stat().st_size
    pages = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
    vector = ctypes.create_string_buffer(pages)
    fd = os.open(path, os.O_RDONLY)
    try:
        address = _libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
        if address in (None, ctypes.c_void_p(-1).value):
            raise OSError(ctypes.get_errno(), "mmap failed")
        try:
            if _libc.mincore(address, size, vector) != 0:
                raise OSError(ctypes.get_errno(), "mincore failed")
        finally:
            _libc.munmap(address, size)
    finally:
        os.close(fd)
    return sum(byte & 1 for byte in vector.raw[:pages])


def evicted(path: Path) -> Path:
    """The file with its pages dropped from the cache, or a skip where the filesystem keeps
    them (tmpfs)."""
    os.sync()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    if resident_pages(path):
        pytest.skip(f"the filesystem of {path} keeps its pages cached")
    return path


def run_start(data_dir: Path, before: str = "") -> str:
    """prefetch.start in a fresh interpreter (single-threaded, as the app's start is)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop_publisher import prefetch\n"
        f"{before}\n"
        f"print(prefetch.start(Path({str(data_dir)!r})))\n"
    )
    return run_python(code).strip()


def test_the_next_start_reads_the_recorded_files_ahead(tmp_path):  # noqa: ANN001
    big = tmp_path / "library.so"
    big.write_bytes(os.urandom(64 * mmap.PAGESIZE))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # must not hold the reader up (opened non-blocking, and not a file)
    listing = [str(fifo), str(tmp_path / "gone.pyc"), str(tmp_path), str(evicted(big))]
    (tmp_path / prefetch.LISTING).write_text("\n".join(listing) + "\n")

    assert run_start(tmp_path) == "True"
    # The reader runs on after the start returned, as it does beside the window.
    wait_until(lambda: resident_pages(big) == 64, what="the listed file read ahead")


def test_a_start_without_a_listing_or_with_threads_reads_nothing(tmp_path):  # noqa: ANN001
    assert run_start(tmp_path) == "False"  # the first start: nothing recorded yet
    file = tmp_path / "module.pyc"
    file.write_bytes(os.urandom(8 * mmap.PAGESIZE))
    (tmp_path / prefetch.LISTING).write_text(f"{evicted(file)}\n")
    # A fork beside another thread could leave the child stuck on a lock that thread held.
    waiting = (
        "import threading; threading.Thread(target=threading.Event().wait, daemon=True).start()"
    )
    assert run_start(tmp_path, before=waiting) == "False"
    assert resident_pages(file) == 0


def test_a_start_records_the_modules_and_libraries_it_used(tmp_path):  # noqa: ANN001
    import _sqlite3
    import json.decoder

    assert prefetch.record(tmp_path)
    listed = (tmp_path / prefetch.LISTING).read_text().splitlines()
    assert json.decoder.__cached__ in listed  # bytecode, not the source
    assert _sqlite3.__file__ in listed  # an extension module
    with open("/proc/self/maps") as maps:
        libraries = {line.split()[-1] for line in maps if ".so" in line.split()[-1]}
    assert libraries and libraries <= set(listed)  # shared libraries, plugins
    assert all(Path(path).is_file() for path in listed)
    assert not prefetch.record(tmp_path)  # unchanged: not written again
