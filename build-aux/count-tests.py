#!/usr/bin/env python3
"""Counts test cases (TAP lines) in meson's testlog.json and prints the
closing line 'N passed, N failed'. A test program that failed without
reporting a failing case (a crash, a timeout) counts as one failure; one
that reports no cases (a validator run as a test) counts as one case."""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        cases = re.findall(r"^(not ok|ok)\b(.*)$", entry.get("stdout") or "", re.M)
        bad = 0
        for verdict, rest in cases:
            if re.search(r"#\s*skip", rest, re.I):
                skipped += 1
            elif verdict == "ok":
                passed += 1
            else:
                bad += 1
        if not cases and entry.get("result") == "OK":
            passed += 1
        if entry.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
            bad = 1
        failed += bad

print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
