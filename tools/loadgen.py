#!/usr/bin/env python3
"""Load generator and exactly-once checker for `shangliang gateway` (protocol shangliang-jsonl/1).

Spawns `BINARY gateway --db DB`, streams N messages from U users into its stdin (as fast as
possible, or at a target rate), reads its stdout concurrently, and checks that every message got
exactly one `ack` (and one `done`), that `seq` only grows, and that the process says `bye` and
exits 0. Prints a one-line summary; exits 1 if any check failed.

Usage:
    tools/loadgen.py .build/release/shangliang                       # 100,000 msgs, 1,000 users, max speed
    tools/loadgen.py .build/release/shangliang --rate 1000 -n 20000  # latency at 1,000 msg/s offered
    tools/loadgen.py BIN --kill-at 3000,9000 -n 12000               # chaos: SIGKILL after 3,000 and
                                                                    # 9,000 sent, restart, resend unacked
    tools/loadgen.py BIN -n 5000 --random-kills 5 --seed 7          # chaos at 5 random points
    tools/loadgen.py BIN --db var/bench.sqlite -- --rules rules     # args after -- go to the gateway

Measures: throughput (messages acknowledged per second, first send to last ack), latency from
writing a message to reading its `ack` and its `done` (p50/p99/p99.9, first delivery only), peak
RSS of the child (VmHWM from /proc/PID/status, the largest over all runs).

Kill mode (--kill-at N[,M...]): after the Nth message is written the child gets SIGKILL at once
(messages in flight, some committed but unacknowledged); the tool restarts it on the same
database and resends, in order, every message without an ack, then carries on. It then checks
exactly-once: no message id gets two `accepted` acks over all runs (a resent message that had
been committed must come back `duplicate`, with its replies marked `replay`), every `accepted`
seq is larger than all seqs seen before it, `PRAGMA integrity_check` says ok, and the database
holds exactly one inbound row per message id (table `messages`, when that schema is there).

Python 3 standard library only.
"""

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TEXTS = [
    "{b}栋{u}单元电梯又坏了，老人上不去楼",
    "{b}号楼楼道灯不亮好几天了",
    "楼下广场舞太吵了，晚上十点还在跳",
    "小区东门消防通道被私家车堵了",
    "{b}栋门口垃圾两天没人清运，味道很大",
    "{b}栋{u}单元楼上漏水，我家天花板都湿了",
    "想问问电动车充电桩什么时候能装",
    "物业费为什么涨价了，能不能开会说说",
    "有没有给老人送餐的服务",
    "谢谢你们，问题已经解决了",
    "你好",
    "我要查一下我的诉求进度",
]


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * (len(sorted_values) - 1)))))
    return sorted_values[index]


def peak_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Tally:
    """Everything read from the gateway, over all runs. Updated by the reader thread only."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent_at = {}          # id -> perf_counter_ns of the latest write
        self.first_delivery = set()  # ids written only once so far (latency is measured for them)
        self.accepted = {}         # id -> count of accepted acks
        self.duplicate = {}        # id -> count of duplicate acks
        self.done = {}             # id -> count of done lines
        self.reply_counts = {}     # id -> "replies" of its last done
        self.acked = set()         # ids with any ack
        self.replayed = set()      # ids that got a reply with replay:true
        self.errors = []           # error objects (code, line, in_reply_to)
        self.ack_latency_ns = []
        self.done_latency_ns = []
        self.max_seq = 0
        self.seq_violations = 0
        self.unparseable = 0
        self.other = {}            # type -> count
        self.last_ack_ns = 0
        self.byes = 0

    def record(self, line, now):
        try:
            obj = json.loads(line)
            kind = obj["type"]
        except (ValueError, KeyError, TypeError):
            self.unparseable += 1
            return
        if kind == "ack":
            mid, seq = obj["id"], obj["seq"]
            with self.lock:
                self.acked.add(mid)
                self.last_ack_ns = now
                if obj["status"] == "accepted":
                    self.accepted[mid] = self.accepted.get(mid, 0) + 1
                    if seq <= self.max_seq:
                        self.seq_violations += 1
                    if mid in self.first_delivery:
                        self.ack_latency_ns.append(now - self.sent_at[mid])
                else:
                    self.duplicate[mid] = self.duplicate.get(mid, 0) + 1
                self.max_seq = max(self.max_seq, seq)
        elif kind == "reply":
            with self.lock:
                self.max_seq = max(self.max_seq, obj["seq"])
                if obj.get("replay") is True:
                    self.replayed.add(obj["in_reply_to"])
        elif kind == "done":
            mid = obj["in_reply_to"]
            with self.lock:
                self.done[mid] = self.done.get(mid, 0) + 1
                self.reply_counts[mid] = obj.get("replies", 0)
                if mid in self.first_delivery and self.accepted.get(mid) == 1:
                    self.done_latency_ns.append(now - self.sent_at[mid])
        elif kind == "notify":
            with self.lock:
                self.max_seq = max(self.max_seq, obj["seq"])
                self.other["notify"] = self.other.get("notify", 0) + 1
        elif kind == "error":
            with self.lock:
                self.errors.append((obj.get("code"), obj.get("line"), obj.get("in_reply_to")))
        elif kind == "bye":
            self.byes += 1
        else:
            with self.lock:
                self.other[kind] = self.other.get(kind, 0) + 1


class Gateway:
    """One run of the child process with a thread reading its stdout."""

    def __init__(self, binary, db, extra, tally, stderr):
        self.tally = tally
        self.proc = subprocess.Popen(
            [binary, "gateway", "--db", db, *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        first = self.proc.stdout.readline()
        try:
            ready = json.loads(first)
        except ValueError:
            ready = {}
        if ready.get("type") != "ready":
            self.proc.kill()
            raise SystemExit(f"loadgen: the gateway did not say ready (got {first[:200]!r}); see its stderr")
        self.ready = ready
        self.peak_rss_kib = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        stdout = self.proc.stdout
        record = self.tally.record
        clock = time.perf_counter_ns
        for line in stdout:
            record(line, clock())

    def send(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
            return True
        except (BrokenPipeError, OSError):
            return False

    def sample_rss(self):
        self.peak_rss_kib = max(self.peak_rss_kib, peak_rss_kib(self.proc.pid))

    def kill(self):
        self.sample_rss()
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.reader.join()
        try:
            self.proc.stdin.close()
        except OSError:
            pass

    def finish(self, timeout):
        self.sample_rss()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.reader.join()
        return code


def stored_inbound(db, run_id):
    """(rows, distinct ids) of this run's inbound messages in the database, or None when the
    schema is not the expected one (table `messages` with `id` and `direction`)."""
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute(
                "SELECT COUNT(*), COUNT(DISTINCT id) FROM messages WHERE direction = 'in' AND id LIKE ?",
                (f"lg:{run_id}:%",)).fetchone()
    except sqlite3.Error:
        return None


def make_lines(count, users, run_id):
    lines = []
    for i in range(count):
        user = f"lg:u{i % users}"
        text = TEXTS[(i * 7 + i // users) % len(TEXTS)].format(b=1 + i % 12, u=1 + i % 4)
        message = {
            "v": 1, "type": "message", "id": f"lg:{run_id}:{i}", "user": {"id": user},
            "text": text, "channel": "loadgen", "meta": {"i": i},
        }
        lines.append((message["id"], (json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode()))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="path to the shangliang executable")
    parser.add_argument("-n", "--messages", type=int, default=100_000)
    parser.add_argument("-u", "--users", type=int, default=1_000)
    parser.add_argument("--rate", type=float, default=0, help="messages per second offered (0: as fast as possible)")
    parser.add_argument("--db", help="database path (default: a new temporary file)")
    parser.add_argument("--kill-at", default="", help="comma-separated counts of messages sent after which to SIGKILL")
    parser.add_argument("--random-kills", type=int, default=0, help="add this many kill points at random (see --seed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=64, help="lines per write when unthrottled")
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for outstanding acks")
    parser.add_argument("--stderr", default=None, help="file for the gateway's stderr (default: discarded)")
    parser.add_argument("extra", nargs="*", help="arguments for the gateway, after --")
    args = parser.parse_args()

    kill_points = [int(x) for x in args.kill_at.split(",") if x.strip()]
    rng = random.Random(args.seed)
    kill_points += [rng.randrange(1, max(2, args.messages)) for _ in range(args.random_kills)]
    kill_points = sorted(set(kill_points))
    temp_dir = None
    db = args.db
    if db is None:
        temp_dir = tempfile.TemporaryDirectory(prefix="loadgen-")
        db = os.path.join(temp_dir.name, "gateway.sqlite")
    stderr = open(args.stderr, "ab") if args.stderr else subprocess.DEVNULL

    run_id = f"{os.getpid()}.{int(time.time())}"
    lines = make_lines(args.messages, args.users, run_id)
    tally = Tally()
    gateway = Gateway(args.binary, db, args.extra, tally, stderr)
    runs = 1
    peak_rss = 0
    clock = time.perf_counter_ns

    def send_block(block):
        """Writes (id, bytes) pairs in one write; returns False if the child is gone."""
        now = clock()
        with tally.lock:
            for mid, _ in block:
                if mid in tally.sent_at:
                    tally.first_delivery.discard(mid)
                else:
                    tally.first_delivery.add(mid)
                tally.sent_at[mid] = now
        return gateway.send(b"".join(data for _, data in block))

    def restart():
        nonlocal gateway, runs, peak_rss
        gateway.kill()
        peak_rss = max(peak_rss, gateway.peak_rss_kib)
        gateway = Gateway(args.binary, db, args.extra, tally, stderr)
        runs += 1
        with tally.lock:
            unacked = [(mid, data) for mid, data in lines[:sent] if mid not in tally.acked]
        resent_ids.update(mid for mid, _ in unacked)
        for start in range(0, len(unacked), args.chunk):
            send_block(unacked[start:start + args.chunk])
        return len(unacked)

    resent_ids = set()
    start_ns = clock()
    sent = 0
    resent = 0
    next_kill = kill_points.pop(0) if kill_points else None
    last_rss_sample = time.monotonic()
    while sent < len(lines):
        if args.rate > 0:
            # Message k is due at start + k / rate; send everything due in one write.
            wait = (start_ns + sent / args.rate * 1e9 - clock()) / 1e9
            if wait > 0:
                time.sleep(wait)
            due = int((clock() - start_ns) / 1e9 * args.rate) + 1
            end = min(len(lines), max(sent + 1, due))
        else:
            end = min(len(lines), sent + args.chunk)
        if next_kill is not None:
            end = min(end, next_kill)
        send_block(lines[sent:end])
        sent = end
        if next_kill is not None and sent >= next_kill:
            resent += restart()
            next_kill = kill_points.pop(0) if kill_points else None
        if time.monotonic() - last_rss_sample > 0.5:
            gateway.sample_rss()
            last_rss_sample = time.monotonic()

    # Wait for the outstanding acks (progress resets the timer).
    all_ids = [mid for mid, _ in lines]
    deadline = time.monotonic() + args.wait
    last_count = -1
    while time.monotonic() < deadline:
        with tally.lock:
            count = sum(1 for mid in all_ids if mid in tally.acked and tally.done.get(mid))
        if count == len(all_ids):
            break
        if count != last_count:
            last_count = count
            deadline = time.monotonic() + args.wait
        time.sleep(0.01)
    end_ns = tally.last_ack_ns or clock()
    code = gateway.finish(timeout=args.wait)
    peak_rss = max(peak_rss, gateway.peak_rss_kib)

    # Checks.
    problems = []
    missing = [mid for mid in all_ids if mid not in tally.acked]
    twice = [mid for mid in all_ids if tally.accepted.get(mid, 0) > 1]
    # A message committed just before a kill loses its ack; resent, it must come back duplicate.
    never_accepted = [mid for mid in all_ids
                      if mid in tally.acked and tally.accepted.get(mid, 0) == 0 and mid not in resent_ids]
    not_replayed = [mid for mid in all_ids
                    if tally.duplicate.get(mid) and tally.reply_counts.get(mid, 0) > 0 and mid not in tally.replayed]
    no_done = [mid for mid in all_ids if mid in tally.acked and not tally.done.get(mid)]
    duplicates = sum(tally.duplicate.values())
    if missing:
        problems.append(f"{len(missing)} without ack")
    if twice:
        problems.append(f"{len(twice)} accepted twice")
    if never_accepted:
        problems.append(f"{len(never_accepted)} only ever duplicate")
    if no_done:
        problems.append(f"{len(no_done)} without done")
    if runs == 1 and duplicates:
        problems.append(f"{duplicates} unexpected duplicates")
    if tally.seq_violations:
        problems.append(f"{tally.seq_violations} seq not increasing")
    if tally.errors:
        problems.append(f"{len(tally.errors)} errors (first: {tally.errors[0]})")
    if tally.unparseable:
        problems.append(f"{tally.unparseable} unparseable lines")
    if code != 0:
        problems.append(f"exit code {code}")
    if tally.byes != 1:
        problems.append(f"{tally.byes} bye lines (expected 1, from the last run)")
    if not_replayed:
        problems.append(f"{len(not_replayed)} duplicates without replayed replies")
    integrity = "skipped"
    stored = None
    if os.path.exists(db):
        try:
            with sqlite3.connect(db) as connection:
                integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.Error as error:
            integrity = f"error: {error}"
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        stored = stored_inbound(db, run_id)
        if stored is not None and stored != (len(all_ids), len(all_ids)):
            problems.append(f"database holds {stored[0]} inbound rows for {stored[1]} of {len(all_ids)} ids")

    elapsed = max(1e-9, (end_ns - start_ns) / 1e9)
    acked = len(all_ids) - len(missing)
    ack_ms = sorted(x / 1e6 for x in tally.ack_latency_ns)
    done_ms = sorted(x / 1e6 for x in tally.done_latency_ns)
    mode = f"rate={args.rate:g}/s" if args.rate > 0 else "rate=max"
    summary = (
        f"loadgen: {'OK' if not problems else 'FAIL'} messages={len(all_ids)} users={args.users} {mode} "
        f"runs={runs} acked={acked} duplicates={duplicates} resent={resent} "
        f"elapsed={elapsed:.2f}s throughput={acked / elapsed:,.0f} msg/s "
        f"ack_ms p50={percentile(ack_ms, .5):.2f} p99={percentile(ack_ms, .99):.2f} p99.9={percentile(ack_ms, .999):.2f} "
        f"done_ms p50={percentile(done_ms, .5):.2f} p99={percentile(done_ms, .99):.2f} p99.9={percentile(done_ms, .999):.2f} "
        f"peak_rss={peak_rss / 1024:.1f}MB integrity={integrity} "
        f"stored={'n/a' if stored is None else stored[0]}"
    )
    if problems:
        summary += " problems: " + "; ".join(problems)
    print(summary, flush=True)
    if temp_dir:
        temp_dir.cleanup()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
