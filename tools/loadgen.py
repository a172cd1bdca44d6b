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
import fcntl
import json
import os
import random
import re
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


# The gateway writes its lines in a fixed member order (GatewayOutputLine): the common ones are
# matched by these patterns without json.loads. Anything else (escaped ids, other types, a
# different order) falls back to json.loads, so the checks never depend on the fast path.
ACK = re.compile(rb'\{"type":"ack","id":"([^"\\]*)","status":"(accepted|duplicate)","seq":(\d+)\}')
DONE = re.compile(rb'\{"type":"done","in_reply_to":"([^"\\]*)","replies":(\d+)\}')
REPLY = re.compile(rb'\{"type":"reply","id":"[^"\\]*","in_reply_to":"([^"\\]*)",')
# An unescaped `"seq":` occurs in a reply line only as its own member (quotes inside strings
# are escaped) or inside `meta`, which comes after it.
SEQ = re.compile(rb'"seq":(\d+)')


class Tally:
    """Everything read from the gateway, over all runs. Updated by the reader thread only.
    Message ids are kept as bytes (as written and read)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.progress = threading.Condition(self.lock)
        self.sent_at = {}          # id -> perf_counter_ns of the latest write
        self.first_delivery = set()  # ids written only once so far (latency is measured for them)
        self.accepted = {}         # id -> count of accepted acks
        self.duplicate = {}        # id -> count of duplicate acks
        self.done = {}             # id -> count of done lines
        self.reply_counts = {}     # id -> "replies" of its last done
        self.acked = set()         # ids with any ack
        self.complete = 0          # ids sent with both an ack and a done
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

    def record_lines(self, lines, now):
        """Records complete lines (bytes, without LF) read at `now`, under one lock."""
        with self.progress:
            before = self.complete
            for line in lines:
                self._record(line, now)
            if self.complete != before:
                self.progress.notify_all()

    def _ack(self, mid, accepted, seq, now):
        if mid not in self.acked:
            self.acked.add(mid)
            if mid in self.done and mid in self.sent_at:
                self.complete += 1
        self.last_ack_ns = now
        if accepted:
            self.accepted[mid] = self.accepted.get(mid, 0) + 1
            if seq <= self.max_seq:
                self.seq_violations += 1
            if mid in self.first_delivery:
                self.ack_latency_ns.append(now - self.sent_at[mid])
        else:
            self.duplicate[mid] = self.duplicate.get(mid, 0) + 1
        if seq > self.max_seq:
            self.max_seq = seq

    def _done(self, mid, replies, now):
        count = self.done.get(mid, 0)
        self.done[mid] = count + 1
        if count == 0 and mid in self.acked and mid in self.sent_at:
            self.complete += 1
        self.reply_counts[mid] = replies
        if mid in self.first_delivery and self.accepted.get(mid) == 1:
            self.done_latency_ns.append(now - self.sent_at[mid])

    def _record(self, line, now):
        match = ACK.fullmatch(line)
        if match:
            self._ack(match[1], match[2] == b"accepted", int(match[3]), now)
            return
        match = DONE.fullmatch(line)
        if match:
            self._done(match[1], int(match[2]), now)
            return
        match = REPLY.match(line)
        if match:
            seq = SEQ.search(line, match.end())
            if seq:
                seq = int(seq[1])
                if seq > self.max_seq:
                    self.max_seq = seq
                if line.endswith(b',"replay":true}'):
                    self.replayed.add(match[1])
                return
        self._record_json(line, now)

    def _record_json(self, line, now):
        try:
            obj = json.loads(line)
            kind = obj["type"]
        except (ValueError, KeyError, TypeError):
            self.unparseable += 1
            return
        key = lambda value: value.encode() if isinstance(value, str) else value
        if kind == "ack":
            self._ack(key(obj["id"]), obj["status"] == "accepted", obj["seq"], now)
        elif kind == "reply":
            self.max_seq = max(self.max_seq, obj["seq"])
            if obj.get("replay") is True:
                self.replayed.add(key(obj["in_reply_to"]))
        elif kind == "done":
            self._done(key(obj["in_reply_to"]), obj.get("replies", 0), now)
        elif kind == "notify":
            self.max_seq = max(self.max_seq, obj["seq"])
            self.other["notify"] = self.other.get("notify", 0) + 1
        elif kind == "error":
            self.errors.append((obj.get("code"), obj.get("line"), obj.get("in_reply_to")))
        elif kind == "bye":
            self.byes += 1
        else:
            self.other[kind] = self.other.get(kind, 0) + 1


def enlarge_pipe(file):
    """Asks for a 1 MiB pipe buffer (fewer wake-ups on both sides); harmless if refused."""
    try:
        fcntl.fcntl(file.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except OSError:
        pass


class Gateway:
    """One run of the child process with a thread reading its stdout."""

    def __init__(self, binary, db, extra, tally, stderr):
        self.tally = tally
        self.proc = subprocess.Popen(
            [binary, "gateway", "--db", db, *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, bufsize=0)
        enlarge_pipe(self.proc.stdin)
        enlarge_pipe(self.proc.stdout)
        first = b""
        while not first.endswith(b"\n"):
            piece = self.proc.stdout.read(1)
            if not piece:
                break
            first += piece
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
        # Large reads, one clock reading and one lock per read: the checker must not be what
        # limits the throughput measured.
        fd = self.proc.stdout.fileno()
        record = self.tally.record_lines
        clock = time.perf_counter_ns
        partial = b""
        while True:
            try:
                chunk = os.read(fd, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                break
            now = clock()
            lines = (partial + chunk).split(b"\n")
            partial = lines.pop()
            record(lines, now)
        if partial:
            record([partial], clock())

    def send(self, data):
        try:
            view = memoryview(data)
            fd = self.proc.stdin.fileno()
            while view:
                view = view[os.write(fd, view):]
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
        lines.append((message["id"].encode(), (json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode()))
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

    # Wait for the outstanding acks (progress resets the timer). The reader counts the ids
    # with an ack and a done, and wakes this thread when the count moves.
    all_ids = [mid for mid, _ in lines]
    with tally.progress:
        last_count = -1
        while tally.complete < len(all_ids) and tally.complete != last_count:
            last_count = tally.complete
            tally.progress.wait_for(lambda: tally.complete >= len(all_ids) or tally.complete != last_count, timeout=args.wait)
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
