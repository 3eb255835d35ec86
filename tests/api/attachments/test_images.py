"""Re-encoding drops every kind of metadata, in every accepted image format."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image, PngImagePlugin

from api.attachments.images import THUMBNAIL_SIZE, clean_image
from api.attachments.sniff import sniff
from core.errors import PayloadTooLarge

SECRETS = (b"CamMaker", b"XMPSECRET", b"ICCPROFILE", b"SECRETTEXT")
ICC = b"ICCPROFILE" * 20
XMP = b"<x:xmpmeta>XMPSECRET</x:xmpmeta>"


def encoded(image_format: str, mode: str = "RGB", **save: Any) -> bytes:
    image = Image.new(mode, (900, 300))
    exif = image.getexif()
    exif[0x010F] = "CamMaker"
    output = io.BytesIO()
    image.save(output, format=image_format, exif=exif, **save)
    return output.getvalue()


def png_text() -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRETTEXT")
    return info


CASES = {
    "image/png": encoded("PNG", "RGBA", pnginfo=png_text(), icc_profile=ICC),
    "image/jpeg": encoded("JPEG", icc_profile=ICC, xmp=XMP, comment=b"SECRETTEXT"),
    "image/webp": encoded("WEBP", icc_profile=ICC, xmp=XMP),
    "image/gif": encoded("GIF", "P", comment=b"SECRETTEXT"),
}


@pytest.mark.parametrize("media_type", list(CASES))
def test_metadata_is_gone_and_a_thumbnail_is_made(media_type: str) -> None:
    original = CASES[media_type]
    assert any(secret in original for secret in SECRETS)
    assert sniff(original) == media_type

    clean = clean_image(original, media_type, max_pixels=1_000_000)

    for secret in SECRETS:
        assert secret not in clean.content
        assert secret not in clean.thumbnail
    assert sniff(clean.content) == media_type
    assert (clean.width, clean.height) == (900, 300)
    assert Image.open(io.BytesIO(clean.thumbnail)).size == (THUMBNAIL_SIZE, 107)


def test_pixels_are_counted_before_decoding() -> None:
    with pytest.raises(PayloadTooLarge):
        clean_image(CASES["image/png"], "image/png", max_pixels=900 * 300 - 1)
