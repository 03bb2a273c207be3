"""Drives the fake accsyn server with the official accsyn Python client (accsyn-python-api 3.3).

Run by run.sh: the fake listens on 127.0.0.1:8181 (where the client goes with AS_DEV=true),
seeded with accsyn-seed.json, its files under FAKE_ROOT. Prints PASS/FAIL per step and
"N passed, N failed".
"""

import os
import sys
import time

import accsyn_api

from conformance_steps import Steps, check

ROOT = os.environ["FAKE_ROOT"]
WAIT_SECONDS = 30


def volume_file(site, relative):
    return os.path.join(ROOT, "sites", site, "storage", relative)


def write(site, relative, size, seed):
    path = volume_file(site, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = bytes((seed + i * 7) % 256 for i in range(size))
    with open(path, "wb") as f:
        f.write(data)
    return data


def main():
    steps = Steps("accsyn conformance")
    s = accsyn_api.Session(workspace="studio", username="admin@studio.com", api_key="ADMINKEY")

    def job(job_id):
        return s.find_one("transfer WHERE id=%s" % job_id)

    def wait_for(job_id, statuses):
        deadline = time.time() + WAIT_SECONDS
        while time.time() < deadline:
            j = job(job_id)
            if j and j["status"] in statuses:
                return j
            time.sleep(0.2)
        raise AssertionError("job %s not %s in %ss: %s" % (job_id, statuses, WAIT_SECONDS, job(job_id)))

    def sites():
        codes = sorted(x["code"] for x in s.find("Site"))
        check(codes == ["hq", "la"], "sites %s" % codes)

    def attribute_sets():
        read = s.find("attributes WHERE entitytype=transfer")
        create = s.find("attributes WHERE entitytype=transfer", create=True)
        update = s.find("attributes WHERE entitytype=transfer", update=True)
        check(read and create and update, "empty attribute set")
        check(set(read) != set(create), "create set equals the read set: %s" % create)

    def send_a_file():
        data = write("hq", "proj/a.mov", 200000, 1)
        created = s.create("transfer", {"source": "share=storage/proj/a.mov", "destination": "site=la"})
        done = wait_for(created["id"], ["done", "failed"])
        check(done["status"] == "done", "job %s" % done)
        with open(volume_file("la", "proj/a.mov"), "rb") as f:
            check(f.read() == data, "the copy differs")

    def held_task_pauses_the_job_until_requeued():
        write("hq", "proj/b.mov", 1000, 2)
        write("hq", "proj/c.mov", 1000, 3)
        created = s.create(
            "transfer",
            {"tasks": ["share=storage/proj/b.mov", "share=storage/proj/c.mov"],
             "destination": "site=la", "status": "paused"},
        )
        jid = created["id"]
        s.update_many("task", jid, [{"uri": "1", "status": "onhold"}])
        s.update("transfer", jid, {"status": "waiting"})
        paused = wait_for(jid, ["paused", "done", "failed"])
        check(paused["status"] == "paused", "job %s" % paused)
        s.update_many("task", jid, [{"uri": "1", "status": "queued"}])
        done = wait_for(jid, ["done", "failed"])
        check(done["status"] == "done", "job after re-queue %s" % done)
        check(os.path.exists(volume_file("la", "proj/c.mov")), "held file not sent")

    def big_create_goes_gzipped_and_arrives_whole():
        # About 66 characters a task by the client's estimate: well above its 100 KiB gzip switch.
        tasks = [{"source": "share=storage/proj/seq/plate_v001.%04d.exr" % i, "destination": "site=la"}
                 for i in range(2000)]
        created = s.create("transfer", {"tasks": tasks, "status": "paused"})
        found = s.find("task", entityid=created["id"])
        check(len(found) == 2000, "tasks %d" % len(found))
        s.delete_one("transfer", created["id"])

    def ls_filters_as_string_and_list():
        write("hq", "proj/e.txt", 10, 5)
        names = lambda r: sorted(x["filename"] for x in r)
        as_string = s.ls("share=storage/proj", exclude="*.mov")
        as_list = s.ls("share=storage/proj", exclude=["*.mov"])
        check(names(as_string) == ["e.txt"], "string exclude %s" % names(as_string))
        check(names(as_list) == names(as_string), "list exclude %s" % names(as_list))

    def host_queries():
        check(s.app_is_running() is None, "an app is registered here")
        check(s.daemon_is_running() is None, "a daemon is registered here")

    def send_to_a_site_made_through_the_api():
        s.create("site", {"code": "tokyo", "name": "Tokyo"})
        try:
            s.create("transfer", {"source": "share=storage/proj/a.mov", "destination": "site=tokyo"})
        except Exception as e:  # the client raises AccsynException with the server's message
            check("tokyo" in str(e), "message %s" % e)
        else:
            raise AssertionError("a send to a site without a server was accepted")

    steps.run("login and find sites", sites)
    steps.run("find attributes: read, create and update sets", attribute_sets)
    steps.run("send a file hq -> la, byte-identical", send_a_file)
    steps.run("task on hold pauses the job; re-queued it runs", held_task_pauses_the_job_until_requeued)
    steps.run("2,000-task create (sent as gz_data) arrives whole", big_create_goes_gzipped_and_arrives_whole)
    steps.run("ls with exclude as a string and as a list", ls_filters_as_string_and_list)
    steps.run("app_is_running / daemon_is_running", host_queries)
    steps.run("send to a site created through the API answers an error", send_to_a_site_made_through_the_api)
    return steps.finish()


if __name__ == "__main__":
    sys.exit(main())
