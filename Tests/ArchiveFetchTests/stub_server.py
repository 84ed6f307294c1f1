#!/usr/bin/env python3
"""A stub of the UK Parliament written-questions API, for the ArchiveFetch tests.

Listens on 127.0.0.1 only, on a port the OS chooses, and prints `PORT <n>` as its first line.
Serves questions built from the real fixtures in Tests/Fixtures (found relative to this file):

  GET /api/writtenquestions/questions        list/search: searchTerm (case-insensitive substring
                                             of heading, question and answer text), answeredWhenFrom/To,
                                             correctedWhenFrom/To, house, answeringBodies, skip, take
  GET /api/writtenquestions/questions/{id}   one question; 404 ProblemDetails if unknown

List records are cut as the real API cuts them (question text to 255 characters, answer text
stripped of HTML and cut to 255 plus "...").

Control endpoints (JSON bodies):
  GET  /_control/requests    {"counts": {path: n}, "log": [{"path", "query", "user_agent"}]}
  POST /_control/reset       forget the counts and the log
  POST /_control/faults      replace the fault list with the body (a JSON list, see below)
  POST /_control/questions   add or replace questions: a list of `value` objects (by `id`)
  POST /_control/shutdown    stop

A fault is {"path": exact request path, "query_contains": optional substring of the query,
"times": how often (default 1; -1 for always), "kind": one of
  "status"    answer with "status" (e.g. 500, 429, 404), with "retry_after" as Retry-After if given
  "slow"      wait "delay" seconds (default 3) before answering normally
  "truncate"  announce the whole body's Content-Length, send half of it, close
  "drop"      close the connection without answering
  "not_json"  200 with an HTML body
  "wrong_shape" 200 with a JSON object of another shape}.
The first matching fault with times left applies. Faults and questions can also be given at start
with --config FILE ({"faults": [...], "questions": [...]}).

The server stops by itself after --idle-timeout seconds (default 60) without a request.
"""
import argparse
import glob
import html
import json
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "Fixtures"))
LIST_PATH = "/api/writtenquestions/questions"
ITEM_PATH = re.compile(r"^/api/writtenquestions/questions/(\d+)$")


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.questions = {}  # id -> value
        self.faults = []
        self.counts = {}
        self.log = []
        self.last_activity = time.monotonic()

    def load_fixtures(self):
        items = sorted(glob.glob(os.path.join(FIXTURES, "dev-set", "inputs", "api", "items", "*.json")))
        items.append(os.path.join(FIXTURES, "api-examples", "item-response.json"))
        for path in items:
            with open(path, encoding="utf-8") as f:
                value = json.load(f)["value"]
            self.questions[value["id"]] = value
        # List fixtures add more questions; their records serve as items too.
        for path in [os.path.join(FIXTURES, "dev-set", "inputs", "api", "page-1.json"),
                     os.path.join(FIXTURES, "api-examples", "list-response.json")]:
            with open(path, encoding="utf-8") as f:
                for result in json.load(f)["results"]:
                    self.questions.setdefault(result["value"]["id"], result["value"])

    def take_fault(self, path, query):
        with self.lock:
            for fault in self.faults:
                if fault.get("path") != path:
                    continue
                if fault.get("query_contains") and fault["query_contains"] not in query:
                    continue
                times = fault.get("times", 1)
                if times == 0:
                    continue
                if times > 0:
                    fault["times"] = times - 1
                return dict(fault)
        return None


STATE = State()


def strip_html(text):
    return html.unescape(re.sub(r"<[^>]+>", "", text or ""))


def list_record(value):
    record = dict(value)
    record["questionText"] = (value.get("questionText") or "")[:255]
    answer = strip_html(value.get("answerText"))
    record["answerText"] = answer[:255] + "..." if len(answer) > 255 else answer
    return {"value": record, "links": [{"rel": "self", "href": "/Questions/%d" % value["id"], "method": "GET"}]}


def day(value):
    return value[:10] if value else None


def in_window(date, low, high):
    if low is None and high is None:
        return True
    if date is None:
        return False
    return (low is None or date >= low) and (high is None or date <= high)


def search(params):
    term = (params.get("searchTerm") or [None])[0]
    house = (params.get("house") or [None])[0]
    bodies = {int(b) for b in params.get("answeringBodies", [])}
    get = lambda name: (params.get(name) or [None])[0]
    with STATE.lock:
        values = list(STATE.questions.values())
    matches = []
    for value in values:
        if term:
            haystack = " ".join([value.get("heading") or "", value.get("questionText") or "",
                                 strip_html(value.get("answerText"))]).lower()
            if term.lower() not in haystack:
                continue
        if house and house != "Bicameral" and value.get("house") != house:
            continue
        if bodies and value.get("answeringBodyId") not in bodies:
            continue
        if not in_window(day(value.get("dateAnswered")), get("answeredWhenFrom"), get("answeredWhenTo")):
            continue
        if not in_window(day(value.get("dateAnswerCorrected")), get("correctedWhenFrom"), get("correctedWhenTo")):
            continue
        matches.append(value)
    matches.sort(key=lambda v: (v.get("dateAnswered") or "", v["id"]), reverse=True)
    return matches


class Handler(BaseHTTPRequestHandler):
    server_version = "StubParliamentAPI/1.0"

    def log_message(self, format, *args):
        pass

    def send_json(self, status, payload, extra_headers=None):
        body = json.dumps(payload).encode("utf-8")
        self.send_bytes(status, body, "application/json; charset=utf-8", extra_headers)

    def send_bytes(self, status, body, content_type, extra_headers=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra_headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def problem(self, status, title):
        self.send_json(status, {"type": "about:blank", "title": title, "status": status,
                                "detail": None, "instance": self.path})

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"null")

    def do_POST(self):
        STATE.last_activity = time.monotonic()
        path = urlsplit(self.path).path
        if path == "/_control/reset":
            with STATE.lock:
                STATE.counts.clear()
                STATE.log.clear()
            self.send_json(200, {"ok": True})
        elif path == "/_control/faults":
            faults = self.read_body()
            with STATE.lock:
                STATE.faults = faults
            self.send_json(200, {"ok": True, "faults": len(faults)})
        elif path == "/_control/questions":
            values = self.read_body()
            with STATE.lock:
                for value in values:
                    STATE.questions[value["id"]] = value
            self.send_json(200, {"ok": True, "questions": len(values)})
        elif path == "/_control/shutdown":
            self.send_json(200, {"ok": True})
            threading.Thread(target=self.server.shutdown, daemon=True).start()
        else:
            self.problem(404, "Not Found")

    def do_GET(self):
        STATE.last_activity = time.monotonic()
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        if path == "/_control/requests":
            with STATE.lock:
                self.send_json(200, {"counts": dict(STATE.counts), "log": list(STATE.log)})
            return
        with STATE.lock:
            STATE.counts[path] = STATE.counts.get(path, 0) + 1
            STATE.log.append({"path": path, "query": query, "user_agent": self.headers.get("User-Agent")})
        fault = STATE.take_fault(path, query)
        if fault:
            kind = fault.get("kind")
            if kind == "status":
                headers = {"Retry-After": str(fault["retry_after"])} if "retry_after" in fault else None
                self.send_json(int(fault.get("status", 500)), {"type": "about:blank", "title": "Injected fault",
                                                               "status": int(fault.get("status", 500))}, headers)
                return
            if kind == "slow":
                time.sleep(float(fault.get("delay", 3)))
            elif kind == "truncate":
                body = self.render(path, query)[1]
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
                return
            elif kind == "drop":
                self.close_connection = True
                return
            elif kind == "not_json":
                self.send_bytes(200, b"<html><body>Service temporarily unavailable</body></html>", "text/html")
                return
            elif kind == "wrong_shape":
                self.send_json(200, {"items": [], "count": 0})
                return
        status, body = self.render(path, query)
        self.send_bytes(status, body, "application/json; charset=utf-8")

    def render(self, path, query):
        params = parse_qs(query, keep_blank_values=True)
        if path == LIST_PATH:
            matches = search(params)
            skip = int((params.get("skip") or ["0"])[0])
            take = int((params.get("take") or ["20"])[0])
            page = [list_record(v) for v in matches[skip: skip + take]]
            return 200, json.dumps({"totalResults": len(matches), "results": page}).encode("utf-8")
        match = ITEM_PATH.match(path)
        if match:
            with STATE.lock:
                value = STATE.questions.get(int(match.group(1)))
            if value is None:
                return 404, json.dumps({"type": "about:blank", "title": "Not Found", "status": 404}).encode("utf-8")
            return 200, json.dumps({"value": value, "links": [
                {"rel": "self", "href": "/Questions/%d" % value["id"], "method": "GET"}]}).encode("utf-8")
        return 404, json.dumps({"type": "about:blank", "title": "Not Found", "status": 404}).encode("utf-8")


def main():
    # A child of Foundation's Process on Linux inherits the launching thread's signal mask, which
    # can block SIGTERM: unblock everything so Process.terminate() works.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    parser = argparse.ArgumentParser(description="Stub written-questions API for tests (127.0.0.1 only).")
    parser.add_argument("--config", help="JSON file with initial faults and questions")
    parser.add_argument("--idle-timeout", type=float, default=60.0, help="stop after this many idle seconds")
    args = parser.parse_args()

    STATE.load_fixtures()
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            config = json.load(f)
        STATE.faults = config.get("faults", [])
        for value in config.get("questions", []):
            STATE.questions[value["id"]] = value

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)

    def watchdog():
        while True:
            time.sleep(0.5)
            if time.monotonic() - STATE.last_activity > args.idle_timeout:
                server.shutdown()
                return

    threading.Thread(target=watchdog, daemon=True).start()
    server.serve_forever(poll_interval=0.2)
    server.server_close()


if __name__ == "__main__":
    main()
