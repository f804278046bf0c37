"""Pictures for posts: checked by content, limited in bytes and pixels (image bombs), re-encoded
with Pillow so that no metadata (EXIF, GPS positions, camera serials) ever leaves the server, and
stored in a few widths for `srcset`."""

from __future__ import annotations

import secrets
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..domain import DomainError
from ..i18n import _l
from ..uploads import JPEG, PNG, WEBP, check_upload

if TYPE_CHECKING:
    from PIL import Image

ALLOWED = frozenset({JPEG, PNG, WEBP})
MAX_BYTES = 15 * 1024 * 1024
# 40 megapixels: more than any camera a volunteer carries, far less than a decompression bomb.
MAX_PIXELS = 40_000_000
WIDTHS = (480, 960, 1600)
QUALITY = 82


@dataclass(frozen=True)
class StoredImage:
    stem: str
    widths: tuple[int, ...]
    width: int
    height: int


def _open(stream: IO[bytes], field: str) -> Image.Image:
    from PIL import Image  # imported where used (an upload), not at start-up

    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(stream)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise DomainError(_l(
                    "The picture has too many pixels (at most %(mp)s megapixels). Make it "
                    "smaller and choose it again.", mp=MAX_PIXELS // 1_000_000), field)
            image.load()
    except DomainError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise DomainError(_l("The picture has too many pixels (at most %(mp)s megapixels). "
                             "Make it smaller and choose it again.",
                             mp=MAX_PIXELS // 1_000_000), field) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise DomainError(_l("The picture cannot be read. Choose a JPEG, PNG or WebP file."),
                          field) from error
    return image


def store_image(stream: IO[bytes], folder: Path, *, field: str = "file") -> StoredImage:
    """Check and re-encode the picture; write <stem>-<width>.webp for each width."""
    from PIL import Image, ImageOps

    check_upload(stream, allowed=ALLOWED, max_bytes=MAX_BYTES, field=field)
    image = _open(stream, field)
    # Turn the picture as the camera meant it, then drop everything but the pixels.
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
    pixels = image.convert("RGBA" if has_alpha else "RGB")
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    width, height = clean.size
    widths = tuple(w for w in WIDTHS if w < width) + (min(width, WIDTHS[-1]),)
    widths = tuple(sorted(set(widths)))
    folder.mkdir(parents=True, exist_ok=True)
    stem = secrets.token_hex(16)
    for target in widths:
        scaled = clean if target == width else clean.resize(
            (target, max(1, round(height * target / width))), Image.Resampling.LANCZOS)
        scaled.save(folder / f"{stem}-{target}.webp", "WEBP", quality=QUALITY, method=4)
    return StoredImage(stem=stem, widths=widths, width=width, height=height)


def remove_image(folder: Path, stem: str, widths: list[int]) -> None:
    """Delete an image's files (after the commit that dropped its row)."""
    for width in widths:
        (folder / f"{stem}-{width}.webp").unlink(missing_ok=True)
