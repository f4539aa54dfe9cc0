"""The sealed backup file: a passphrase-encrypted, authenticated stream.

Layout (version 1), all integers big-endian::

    0   8   magic b"WPBACKUP"
    8   1   format version (1)
    9   1   scrypt cost: log2(N)
    10  1   scrypt r
    11  1   scrypt p
    12  16  salt (random)
    28  7   nonce prefix (random)
    35  4   plaintext bytes per chunk
    39  16  passphrase check
    55  ... chunks: AES-256-GCM ciphertext of each chunk followed by its 16-byte tag

scrypt turns the passphrase and salt into 64 bytes: the first 32 are the AES key, the last 32
make the passphrase check (HMAC-SHA256 of a fixed text, first 16 bytes), so a wrong passphrase
is told apart from a damaged file without decrypting anything. The check reveals no more than
trying to decrypt the first chunk would.

Chunks follow the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015): chunk i's
nonce is ``prefix || i (4 bytes) || last (1 byte: 1 for the final chunk, else 0)`` and every
chunk authenticates the whole header as associated data. So a changed byte anywhere, chunks
reordered, dropped, repeated, cut off at the end or appended, and a changed header all fail
authentication. The stream never needs the whole archive in memory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"WPBACKUP"
VERSION = 1
# OWASP's recommendation for scrypt: N=2^17, r=8, p=1 (128 MiB, about a second).
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK_BYTES = 1 << 20
TAG_BYTES = 16
_HEADER = struct.Struct(">8sBBBB16s7sI16s")
HEADER_BYTES = _HEADER.size
_CHECK_TEXT = b"waypoint backup passphrase check"


class SealError(Exception):
    """The file cannot be opened: not a backup, wrong passphrase, or damaged or altered."""


class WrongPassphrase(SealError):
    pass


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    n = 1 << log2_n
    derived = hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=2 * 128 * r * (n + p + 2) + (1 << 20),
        dklen=64,
    )
    check = hmac.new(derived[32:], _CHECK_TEXT, hashlib.sha256).digest()[:16]
    return derived[:32], check


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    if index >= 1 << 32:
        raise SealError("the archive is too large for one backup file")
    return prefix + struct.pack(">IB", index, 1 if last else 0)


class SealedWriter:
    """Encrypts what is written to it onto ``target``; ``close()`` writes the final chunk."""

    def __init__(self, target: BinaryIO, passphrase: str, *, log2_n: int = SCRYPT_LOG2_N) -> None:
        salt, prefix = os.urandom(16), os.urandom(7)
        key, check = _derive(passphrase, salt, log2_n, SCRYPT_R, SCRYPT_P)
        self._header = _HEADER.pack(
            MAGIC, VERSION, log2_n, SCRYPT_R, SCRYPT_P, salt, prefix, CHUNK_BYTES, check
        )
        self._aead = AESGCM(key)
        self._prefix = prefix
        self._target = target
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        target.write(self._header)

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Keep at least one byte back, so the final chunk is never empty unless all is.
        while len(self._buffer) > CHUNK_BYTES:
            self._emit(bytes(self._buffer[:CHUNK_BYTES]), last=False)
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def close(self) -> None:
        if not self._closed:
            self._emit(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True

    def _emit(self, chunk: bytes, *, last: bool) -> None:
        nonce = _nonce(self._prefix, self._index, last)
        self._target.write(self._aead.encrypt(nonce, chunk, self._header))
        self._index += 1


class SealedReader:
    """Reads the plaintext of a sealed file, authenticating each chunk before handing it out.

    Opening checks the header and the passphrase (``WrongPassphrase``); reading raises
    ``SealError`` at the first chunk that fails. ``read_to_end()`` must be called (or
    ``read()`` return b"") before the content is trusted: only the final chunk proves that
    nothing was cut off.
    """

    def __init__(self, source: BinaryIO, passphrase: str) -> None:
        header = source.read(HEADER_BYTES)
        if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
            raise SealError("this is not a Waypoint backup file")
        _magic, version, log2_n, r, p, salt, prefix, chunk_bytes, check = _HEADER.unpack(header)
        if version != VERSION:
            raise SealError(f"backup format version {version} is not supported (only {VERSION})")
        # Bounds keep a crafted header from asking for gigabytes of memory or years of work.
        if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
            raise SealError("the backup's header is damaged (impossible key-stretching cost)")
        if not (1 <= chunk_bytes <= 1 << 26):
            raise SealError("the backup's header is damaged (impossible chunk size)")
        key, expected = _derive(passphrase, salt, log2_n, r, p)
        if not hmac.compare_digest(check, expected):
            raise WrongPassphrase("wrong passphrase (or the backup's header is damaged)")
        self._aead = AESGCM(key)
        self._header = header
        self._prefix = prefix
        self._chunk_bytes = chunk_bytes
        self._source = source
        self._index = 0
        self._pending = b""
        self._offset = 0
        self._ahead = b""
        self._finished = False

    def read(self, size: int = -1) -> bytes:
        parts = []
        wanted = size
        while size < 0 or wanted > 0:
            if self._offset >= len(self._pending):
                if self._finished:
                    break
                self._pending, self._offset = self._next_chunk(), 0
                continue
            available = len(self._pending) - self._offset
            take = available if size < 0 else min(available, wanted)
            parts.append(self._pending[self._offset : self._offset + take])
            self._offset += take
            wanted -= take
        return b"".join(parts)

    def read_to_end(self) -> None:
        """Authenticate the rest of the stream, discarding it."""
        while not self._finished:
            self._next_chunk()
        self._pending, self._offset = b"", 0

    def _next_chunk(self) -> bytes:
        full = self._chunk_bytes + TAG_BYTES
        sealed = self._ahead + self._read_up_to(full - len(self._ahead))
        # The chunk is the last one exactly when nothing follows it (one byte read ahead).
        self._ahead = self._read_up_to(1) if len(sealed) == full else b""
        last = not self._ahead
        if len(sealed) < TAG_BYTES:
            raise SealError("the backup is cut short (damaged or incomplete)")
        try:
            plain = self._aead.decrypt(
                _nonce(self._prefix, self._index, last), sealed, self._header
            )
        except InvalidTag:
            raise SealError(
                f"the backup is damaged or was altered (part {self._index + 1} fails its check)"
            ) from None
        self._index += 1
        self._finished = last
        return plain

    def _read_up_to(self, size: int) -> bytes:
        """``size`` bytes, fewer only at the end of the file (a pipe may return less)."""
        parts = []
        while size > 0:
            part = self._source.read(size)
            if not part:
                break
            parts.append(part)
            size -= len(part)
        return b"".join(parts)
