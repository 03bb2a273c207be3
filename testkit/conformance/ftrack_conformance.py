"""Drives the fake ftrack server with the official ftrack Python client (ftrack-python-api 3.0).

Run by run.sh: the fake listens on FTRACK_SERVER, seeded with ftrack-seed.json (API user bot /
BOTKEY). Prints PASS/FAIL per step and "N passed, N failed".
"""

import collections
import collections.abc
import os
import sys
import tempfile

# clique releases before 1.6 use the pre-3.10 names; give them the new homes before import.
for _name in ("MutableSet", "MutableMapping", "Mapping", "Sequence", "Iterable", "Set", "Callable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

import arrow  # noqa: E402
import ftrack_api  # noqa: E402
import ftrack_api.accessor.disk  # noqa: E402
import ftrack_api.structure.id  # noqa: E402
import ftrack_api.structure.standard  # noqa: E402

from conformance_steps import Steps, check  # noqa: E402

WORK = tempfile.mkdtemp(prefix="ftrack-conformance-")


def source_file(name, size=1000):
    path = os.path.join(WORK, "src", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(os.urandom(size))
    return path


def main():
    steps = Steps("ftrack conformance")
    s = ftrack_api.Session(
        server_url=os.environ["FTRACK_SERVER"],
        api_user="bot",
        api_key="BOTKEY",
        auto_connect_event_hub=False,
    )
    shot = s.query('Shot where name is "sh010"').one()
    task = s.query('Task where name is "compositing"').one()
    asset = s.query('Asset where name is "plate"').one()
    state = {}

    def queries_and_link():
        check([x["name"] for x in shot["link"]] == ["demo", "sq010", "sh010"], shot["link"])
        kinds = sorted(c.entity_type for c in s.query("TypedContext").all())
        check(kinds == ["Sequence", "Shot", "Task"], kinds)

    def latest_version():
        latest = asset["latest_version"]
        check(latest["version"] == 2, "latest %s" % latest["version"])
        flags = [(v["version"], v["is_latest_version"]) for v in
                 s.query("select version, is_latest_version from AssetVersion order by version").all()]
        check(flags == [(1, False), (2, True)], flags)

    def seeded_review_session_and_list():
        rs = s.query('ReviewSession where name is "client review"').one()
        check([o["asset_version"]["version"] for o in rs["review_session_objects"]] == [2], "objects")
        check([i["email"] for i in rs["review_session_invitees"]] == ["anna@client.example"], "invitees")
        dailies = s.query('AssetVersionList where name is "dailies"').one()
        check(sorted(v["version"] for v in dailies["items"]) == [1, 2], "list items")

    def locations():
        for name, structure in (
            ("conformance.standard", ftrack_api.structure.standard.StandardStructure()),
            ("conformance.id", ftrack_api.structure.id.IdStructure()),
        ):
            location = s.ensure("Location", {"name": name})
            location.accessor = ftrack_api.accessor.disk.DiskAccessor(prefix=os.path.join(WORK, name))
            location.structure = structure
            location.priority = 10
            state[name] = location
        s.commit()
        version = s.create("AssetVersion", {"asset": asset, "task": task})
        s.commit()
        state["version"] = version
        check(version["version"] == 3, "version %s" % version["version"])
        check(version["link"][-1]["id"] == version["id"], version["link"])

    def create_file(location_name, expected):
        def step():
            location = state[location_name]
            component = state["version"].create_component(
                source_file("review.mov"), data={"name": "review"}, location=location
            )
            s.commit()
            path = location.get_filesystem_path(component)
            check(os.path.isfile(path), "not copied: %s" % path)
            if expected:
                check(path == os.path.join(WORK, location_name, expected), path)
            availability = s.get_component_availability(component, locations=[location])
            check(availability[location["id"]] == 100.0, availability)
        return step

    def create_sequence(location_name, expected_member):
        def step():
            location = state[location_name]
            for frame in (1001, 1002, 1003):
                source_file("plate.%04d.exr" % frame)
            component = state["version"].create_component(
                os.path.join(WORK, "src", "plate.%04d.exr [1001-1003]"),
                data={"name": "main"},
                location=location,
            )
            s.commit()
            members = sorted(m["name"] for m in component["members"])
            check(members == ["1001", "1002", "1003"], members)
            for member in component["members"]:
                path = location.get_filesystem_path(member)
                check(os.path.isfile(path), "member not copied: %s" % path)
            if expected_member:
                first = [m for m in component["members"] if m["name"] == "1001"][0]
                check(location.get_filesystem_path(first) == os.path.join(WORK, location_name, expected_member),
                      location.get_filesystem_path(first))
            availability = s.get_component_availability(component, locations=[location])
            check(availability[location["id"]] == 100.0, availability)
            fresh = ftrack_api.Session(server_url=os.environ["FTRACK_SERVER"], api_user="bot",
                                       api_key="BOTKEY", auto_connect_event_hub=False)
            again = fresh.get("SequenceComponent", component["id"])
            check(len(again["members"]) == 3, "members not on the server")
            fresh.close()
        return step

    def component_location_url():
        cls = s.query("select url, resource_identifier from ComponentLocation").all()
        check(cls and all(isinstance(c["url"], dict) for c in cls), [c["url"] for c in cls][:3])

    def naive_datetime_in_query():
        job = s.create("Job", {"status": "running", "data": "{}", "user": s.query('User where username is "bot"').one()})
        s.commit()
        created = job["created_at"]
        before = created.shift(minutes=-1).naive.replace(microsecond=0).isoformat()
        after = created.shift(minutes=1).naive.replace(microsecond=0).isoformat()
        check(s.query('Job where id is "%s" and created_at > "%s"' % (job["id"], before)).all(), "not after before")
        check(not s.query('Job where id is "%s" and created_at > "%s"' % (job["id"], after)).all(), "after after")

    steps.run("queries, polymorphic TypedContext, link", queries_and_link)
    steps.run("Asset.latest_version, AssetVersion.is_latest_version", latest_version)
    steps.run("seeded review session, objects, invitees, list", seeded_review_session_and_list)
    steps.run("locations with StandardStructure and IdStructure; version link", locations)
    steps.run("create_component file -> StandardStructure",
              create_file("conformance.standard", "demo/sq010/sh010/plate/v003/review.mov"))
    steps.run("create_component image sequence -> StandardStructure",
              create_sequence("conformance.standard", "demo/sq010/sh010/plate/v003/main.1001.exr"))
    steps.run("create_component file -> IdStructure", create_file("conformance.id", None))
    steps.run("create_component image sequence -> IdStructure", create_sequence("conformance.id", None))
    steps.run("ComponentLocation.url", component_location_url)
    steps.run("naive datetime literal in a query", naive_datetime_in_query)
    return steps.finish()


if __name__ == "__main__":
    sys.exit(main())
