"""A tiny step runner shared by the conformance scripts: each step passes or fails on its own."""

import sys
import traceback


class Steps:
    def __init__(self, title):
        self.title = title
        self.passed = []
        self.failed = []

    def run(self, name, fn):
        try:
            fn()
        except Exception as e:  # a failed step is reported, the others still run
            self.failed.append(name)
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
            traceback.print_exc(limit=3, file=sys.stdout)
        else:
            self.passed.append(name)
            print("PASS %s" % name)

    def finish(self):
        print("%s: %d passed, %d failed" % (self.title, len(self.passed), len(self.failed)))
        return 1 if self.failed else 0


def check(condition, message):
    if not condition:
        raise AssertionError(message)
