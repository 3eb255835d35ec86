"""Images decoded and encoded again: orientation applied, metadata dropped, a thumbnail.

CPU-bound and synchronous: callers run it off the event loop.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import PayloadTooLarge, UnsupportedMediaType

THUMBNAIL_SIZE = 320
PILLOW_FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
}
KEEP_INFO = ("transparency",)  # what a palette image needs to look the same; nothing else


@dataclass(frozen=True, slots=True)
class CleanImage:
    content: bytes
    width: int
    height: int
    thumbnail: bytes
    thumbnail_type: str


def clean_image(data: bytes, media_type: str, max_pixels: int) -> CleanImage:
    """The image as new bytes of the same type, without EXIF/GPS or any other metadata.

    Animations keep their first frame only. More than `max_pixels` is refused before
    decoding (a small file can decode to gigabytes).
    """
    pillow_format = PILLOW_FORMATS[media_type]
    try:
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as source:
            width, height = source.size
            if width * height > max_pixels:
                raise PayloadTooLarge(
                    f"The image is {width}x{height} pixels; at most {max_pixels} are allowed.",
                    reason="TOO_MANY_PIXELS",
                )
            source.load()
            upright = ImageOps.exif_transpose(source)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise UnsupportedMediaType(
            "The image could not be read.", reason="UNREADABLE_IMAGE"
        ) from error
    except Image.DecompressionBombError:
        raise PayloadTooLarge(
            "The image decodes to too many pixels.", reason="TOO_MANY_PIXELS"
        ) from None
    upright.info = {key: upright.info[key] for key in KEEP_INFO if key in upright.info}
    content = _encode(upright, pillow_format)
    thumbnail = upright.copy()
    thumbnail.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
    thumbnail_format = "JPEG" if pillow_format == "JPEG" else "PNG"
    return CleanImage(
        content=content,
        width=upright.width,
        height=upright.height,
        thumbnail=_encode(thumbnail, thumbnail_format),
        thumbnail_type=f"image/{thumbnail_format.lower()}",
    )


def _encode(image: Image.Image, pillow_format: str) -> bytes:
    if pillow_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    options: dict[str, object] = {"quality": 90} if pillow_format in ("JPEG", "WEBP") else {}
    image.save(output, format=pillow_format, **options)
    return output.getvalue()
