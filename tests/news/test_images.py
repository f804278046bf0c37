"""Pictures: checked by content, limited in pixels, re-encoded without EXIF (GPS included)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from partizipation.domain import DomainError
from partizipation.news.images import MAX_PIXELS, store_image

from .factories import jpeg_bytes


def test_the_test_picture_really_carries_gps():
    with Image.open(jpeg_bytes(gps=True)) as original:
        exif = original.getexif()
    assert exif.get(0x010F) == "Testkamera GmbH"
    assert exif.get_ifd(0x8825).get(2) == (51.0, 32.0, 10.0)


def test_exif_and_gps_never_reach_the_stored_files(tmp_path):
    stored = store_image(jpeg_bytes((2000, 1000), gps=True), tmp_path)
    assert stored.widths == (480, 960, 1600)
    for width in stored.widths:
        path = tmp_path / f"{stored.stem}-{width}.webp"
        raw = path.read_bytes()
        assert b"Exif" not in raw and b"Testkamera" not in raw
        with Image.open(path) as image:
            assert image.format == "WEBP" and image.width == width
            assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info


def test_a_small_picture_is_kept_at_its_size(tmp_path):
    stored = store_image(jpeg_bytes((300, 200)), tmp_path)
    assert stored.widths == (300,) and (stored.width, stored.height) == (300, 200)


def test_png_with_transparency_is_accepted(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGBA", (600, 400), (0, 0, 0, 0)).save(buffer, "PNG")
    stored = store_image(buffer, tmp_path)
    with Image.open(tmp_path / f"{stored.stem}-480.webp") as image:
        assert image.mode == "RGBA"


@pytest.mark.parametrize("content", [
    b"%PDF-1.7 not a picture at all" * 10,
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'></svg>" * 3,
    b"GIF89a" + b"\0" * 100,
])
def test_what_is_not_a_jpeg_png_or_webp_is_refused(tmp_path, content):
    with pytest.raises(DomainError) as error:
        store_image(io.BytesIO(content), tmp_path)
    assert error.value.field == "file"
    assert not list(tmp_path.iterdir())


def test_a_picture_with_a_forged_header_is_refused(tmp_path):
    fake = io.BytesIO(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    with pytest.raises(DomainError, match="cannot be read"):
        store_image(fake, tmp_path)


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG file that claims a huge size: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize("size", [(8000, 6000), (60000, 60000)])
def test_an_image_bomb_over_the_pixel_limit_is_refused_before_decoding(tmp_path, size):
    assert size[0] * size[1] > MAX_PIXELS
    with pytest.raises(DomainError, match="too many pixels"):
        store_image(io.BytesIO(_png_header_only(*size)), tmp_path)
    assert not list(tmp_path.iterdir())
