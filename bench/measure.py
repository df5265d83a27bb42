"""Runs one command and prints {"ms", "rssKB", "code"}: wall time from spawn to exit and the child's peak RSS
(wait4's ru_maxrss), measured the same way for trustgate and its peer. Usage: python3 measure.py CMD ARGS..."""

import json
import os
import subprocess
import sys
import time

start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
ms = (time.perf_counter() - start) * 1000
print(json.dumps({"ms": ms, "rssKB": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}))
