"""A backup file opens only with its passphrase, and any change to it is refused."""

import io

import pytest

from waypoint.core.backups.sealing import (
    CHUNK_BYTES,
    HEADER_BYTES,
    TAG_BYTES,
    SealedReader,
    SealedWriter,
    SealError,
    WrongPassphrase,
)

PASSPHRASE = "correct horse battery staple"
# The smallest cost the reader accepts: these tests are about the format, not key stretching.
CHEAP = 10


def sealed(plain: bytes, passphrase: str = PASSPHRASE) -> bytes:
    out = io.BytesIO()
    writer = SealedWriter(out, passphrase, log2_n=CHEAP)
    for start in range(0, len(plain), 70_000):  # written in pieces, as tarfile writes
        writer.write(plain[start : start + 70_000])
    writer.close()
    return out.getvalue()


def opened(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    reader = SealedReader(io.BytesIO(data), passphrase)
    parts = []
    while part := reader.read(10_240):  # tarfile's record size
        parts.append(part)
    return b"".join(parts)


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES + 5]
)
def test_what_is_sealed_opens_unchanged_whatever_its_size(size):
    plain = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert opened(sealed(plain)) == plain


def test_the_file_holds_no_plain_text():
    plain = b"Prijavila je napad u kampu. " * 1000
    assert b"napad" not in sealed(plain)


def test_a_wrong_passphrase_is_named_as_such():
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        opened(sealed(b"data"), "another passphrase")


def test_the_same_content_seals_differently_each_time():
    assert sealed(b"same") != sealed(b"same")  # fresh salt and nonces


def two_chunks() -> bytes:
    return sealed(b"x" * (CHUNK_BYTES + 1000))


def test_a_flipped_byte_anywhere_is_refused():
    data = two_chunks()
    for position in (
        20,  # the salt: the key no longer matches the check
        40,  # the passphrase check itself
        HEADER_BYTES + 10,  # the first chunk
        HEADER_BYTES + CHUNK_BYTES + 5,  # the first chunk's tag
        len(data) - 1,  # the last chunk's tag
    ):
        altered = bytearray(data)
        altered[position] ^= 0x01
        with pytest.raises(SealError):
            opened(bytes(altered))


def test_a_file_cut_short_is_refused_even_at_a_chunk_boundary():
    data = two_chunks()
    first_chunk_end = HEADER_BYTES + CHUNK_BYTES + TAG_BYTES
    for length in (first_chunk_end, first_chunk_end + 100, len(data) - 1, HEADER_BYTES):
        with pytest.raises(SealError):
            opened(data[:length])


def test_bytes_appended_or_chunks_swapped_are_refused():
    data = two_chunks()
    with pytest.raises(SealError):
        opened(data + b"\x00" * 20)
    first_chunk_end = HEADER_BYTES + CHUNK_BYTES + TAG_BYTES
    first, rest = data[HEADER_BYTES:first_chunk_end], data[first_chunk_end:]
    with pytest.raises(SealError):
        opened(data[:HEADER_BYTES] + rest + first)


def test_a_file_that_is_no_backup_is_named_as_such():
    with pytest.raises(SealError, match="not a Waypoint backup"):
        opened(b"PK\x03\x04 a zip file, say")


def test_a_header_asking_for_absurd_work_is_refused_before_any():
    data = bytearray(sealed(b"data"))
    data[9] = 40  # scrypt with N = 2^40
    with pytest.raises(SealError, match="damaged"):
        opened(bytes(data))
