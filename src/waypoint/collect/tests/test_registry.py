"""Who plugs into the form library, listed where a reader of ``collect`` can find it."""

from waypoint.collect.registry import registrations


def test_presence_registers_the_dtm_forms_and_the_location_list():
    assert sorted(registrations()) == [
        ("builtin form", "presence_flow_count", "waypoint.presence"),
        ("builtin form", "presence_flow_survey", "waypoint.presence"),
        ("builtin form", "presence_location", "waypoint.presence"),
        ("generated media", "locations.csv", "waypoint.presence"),
    ]
