"""A photo is kept only if it decodes as an image, whatever its name and content type say;
what is stored is a new JPEG without the sender's metadata (no GPS position)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image

from waypoint.people.models import Person
from waypoint.people.photos import PhotoRefused, photo_reencoded
from waypoint.people.services import person_register
from waypoint.places.models import Site

NOT_A_PHOTO = "The file is not a photo Waypoint can read"


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 10, 10))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (44.0, 48.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (15.0, 52.0, 12.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return buffer.getvalue()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 128, 0, 255)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def person(personas, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        Person._meta.get_field("photo"), "storage", FileSystemStorage(location=tmp_path)
    )
    return person_register(
        actor=None,
        site=Site.objects.get(code="TRC-LIP"),
        given_name="Ali",
        birth_date=datetime.date(1990, 1, 1),
    )


def upload(client, personas, person, name, content, content_type):  # type: ignore[no-untyped-def]
    client.force_login(personas["registrar.lipa"])
    return client.post(
        reverse("people:photo_upload", args=[person.pk]),
        {"photo": SimpleUploadedFile(name, content, content_type)},
        follow=True,
    )


@pytest.mark.django_db
def test_the_gps_position_is_gone_after_upload(client, personas, person):
    upload(client, personas, person, "me.jpg", jpeg_with_gps(), "image/jpeg")
    person.refresh_from_db()
    with person.photo.open("rb") as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert b"Exif" not in data and b"Phone" not in data


@pytest.mark.django_db
def test_a_real_image_is_kept_whatever_its_declared_type(client, personas, person):
    response = upload(client, personas, person, "scan.bin", png(), "application/octet-stream")
    assert "Photo saved." in response.content.decode()
    person.refresh_from_db()
    with person.photo.open("rb") as stored:
        assert Image.open(stored).format == "JPEG"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content",
    [
        ("me.jpg", b"<html><script>alert(1)</script></html>"),
        ("me.jpg", b"\xff\xd8\xff\xe0fake-jpeg"),
        ("me.png", b"%PDF-1.7 not an image"),
    ],
)
def test_a_non_image_with_an_image_name_and_type_is_refused(
    client, personas, person, name, content
):
    response = upload(client, personas, person, name, content, "image/jpeg")
    assert NOT_A_PHOTO in response.content.decode()
    person.refresh_from_db()
    assert not person.photo


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_by_its_pixels(client, personas, person):
    buffer = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(buffer, "PNG")  # 50 megapixels, a few kilobytes
    assert len(buffer.getvalue()) < 2_000_000
    response = upload(client, personas, person, "me.png", buffer.getvalue(), "image/png")
    assert "The image has 50 megapixels; the limit is 40." in response.content.decode()
    person.refresh_from_db()
    assert not person.photo


def test_a_large_photo_is_kept_at_most_1600_pixels_a_side():
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 3000), (1, 2, 3)).save(buffer, "JPEG")
    kept = Image.open(io.BytesIO(photo_reencoded(io.BytesIO(buffer.getvalue()))))
    assert kept.size == (1600, 1200)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=2000).map(lambda tail: png()[:40] + tail),
        st.binary(max_size=2000).map(lambda tail: jpeg_with_gps()[:200] + tail),
    )
)
def test_any_bytes_give_a_clean_jpeg_or_a_refusal(data):
    try:
        out = photo_reencoded(io.BytesIO(data))
    except PhotoRefused as refused:
        assert "\n" not in str(refused)
    else:
        image = Image.open(io.BytesIO(out))
        assert image.format == "JPEG" and not image.getexif()
