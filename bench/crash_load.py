#!/usr/bin/env python3
"""Files reports with fresh ids from several threads until told to stop; writes the id of every report that got a
2xx to the output file (one per line, flushed as it goes), so a crash of the service cannot lose what was acknowledged
here. Retries each report (same id) until it gets a 2xx or the run ends, as a phone would."""
import json, sys, threading, time, urllib.request, uuid

base, token, out_path, seconds, threads = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
body = json.dumps({"category": "DRUGS", "occurredAt": "2026-11-20T21:40:00+07:00",
                   "location": {"lat": 21.5283, "lon": 107.965}, "narrative": {"text": "crash trial", "lang": "en"}}).encode()
lock = threading.Lock()
out = open(out_path, "a")
stats = {"acked": 0, "errors": 0, "retries": 0}
deadline = time.time() + seconds

def worker():
    while time.time() < deadline:
        rid = str(uuid.uuid4())
        while time.time() < deadline:
            request = urllib.request.Request(f"{base}/api/v1/reports/{rid}", data=body, method="PUT",
                                             headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    if 200 <= response.status < 300:
                        with lock:
                            out.write(rid + "\n"); out.flush(); stats["acked"] += 1
                        break
            except Exception:
                with lock:
                    stats["errors"] += 1; stats["retries"] += 1
                time.sleep(0.2)

workers = [threading.Thread(target=worker) for _ in range(threads)]
for w in workers: w.start()
for w in workers: w.join()
print(json.dumps(stats))
