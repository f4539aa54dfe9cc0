"""After ``waypoint demo`` a newcomer's phone has something to do (issue 17): a round is
collecting, the location assessment lists only the enumerator's area in ``locations.csv``
and takes a submission; ``--reset`` leaves no submission or attachment behind."""

from __future__ import annotations

import csv
import io
from io import StringIO

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from waypoint.collect.models import Submission, SubmissionAttachment
from waypoint.collect.tests.conftest import DigestPhone
from waypoint.conftest import PASSWORD
from waypoint.presence.models import Location, Observation, Round, RoundStatus
from waypoint.presence.tests.conftest import fill_instance

FORM_LIST = "{http://openrosa.org/xforms/xformsList}"
MANIFEST = "{http://openrosa.org/xforms/xformsManifest}"


def _demo(truth: str, *flags: str) -> str:
    out = StringIO()
    call_command(
        "demo",
        "--people",
        "120",
        "--ground-truth",
        truth,
        "--password",
        PASSWORD,
        *flags,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


@pytest.mark.django_db
def test_a_phone_submits_to_the_demo_and_a_reset_clears_it(places, tmp_path):
    truth = str(tmp_path / "truth.csv")
    out = _demo(truth)
    collecting = Round.objects.get(status=RoundStatus.COLLECTING)
    assert f"round {collecting.number} collecting" in out

    phone = DigestPhone("enumerator@waypoint.test")
    listing = fromstring(phone.get("http://testserver/openrosa/formList").content)
    item = next(
        entry
        for entry in listing.iter(f"{FORM_LIST}xform")
        if entry.findtext(f"{FORM_LIST}formID") == "presence_location"
    )
    manifest = fromstring(phone.get(item.findtext(f"{FORM_LIST}manifestUrl")).content)
    media = {
        entry.findtext(f"{MANIFEST}filename"): entry.findtext(f"{MANIFEST}downloadUrl")
        for entry in manifest.iter(f"{MANIFEST}mediaFile")
    }
    rows = list(csv.DictReader(io.StringIO(phone.get(media["locations.csv"]).content.decode())))
    codes = {row["name"] for row in rows}
    in_area = Location.objects.filter(municipality__path__contains="BA0101")
    assert codes and codes == set(in_area.values_list("code", flat=True))
    assert Location.objects.exclude(code__in=codes).exists()  # others' areas stay off the phone

    location = rows[0]
    xform = phone.get(item.findtext(f"{FORM_LIST}downloadUrl")).content.decode()
    values = {
        "round_number": str(collecting.number),
        "location_code": location["name"],
        "observed_on": collecting.snapshot_date.isoformat(),
        "migrants_observed": "5",
        "not_in_trc": "5",
        "adult_men": "5",
        "adult_women": "0",
        "boys": "0",
        "girls": "0",
        "unaccompanied_children": "0",
        "gps": f"{location['latitude']} {location['longitude']} 200 5",
        "photo": "site.jpg",
    }
    sent = phone.post(
        "http://testserver/openrosa/submission",
        {
            "xml_submission_file": SimpleUploadedFile(
                "submission.xml", fill_instance(xform, values), "text/xml"
            ),
            "photo": SimpleUploadedFile("site.jpg", b"\xff\xd8\xff", "image/jpeg"),
        },
    )
    assert sent.status_code == 201, sent.content
    observation = Observation.objects.get(round=collecting, location__code=location["name"])
    assert observation.gps_accuracy == 5

    _demo(truth, "--reset")
    assert not Submission.objects.exists() and not SubmissionAttachment.objects.exists()
    assert Round.objects.filter(status=RoundStatus.COLLECTING).count() == 1
