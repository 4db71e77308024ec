#!/usr/bin/env python3
"""An independent OParl 1.1 client that checks a server: from the System object it follows
every link, checks each object (embedded ones too) against the OParl 1.1 JSON schema of its
type, and checks what the schemas cannot say: `created` and `modified` on every object, no
empty strings, dates as yyyy-mm-dd and instants with an offset, `next` on every list page but
the last, every referenced object in its Body's external list, and every answer readable from
other sites (Access-Control-Allow-Origin). Prints each error and their count; exits 1 when
there is one.

    validate.py SYSTEM_URL SCHEMA_DIR [--max-objects N]

Uses only the standard library and `jsonschema` (which Schemathesis installs). Kept apart from
Agendum's own code on purpose: it reads the documents as any OParl client would."""

import json
import re
import sys
import urllib.error
import urllib.request
from collections import defaultdict

from jsonschema import Draft7Validator, FormatChecker

OPARL = "https://schema.oparl.org/1.1/"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# The Body's external lists and the type each holds.
BODY_LISTS = {
    "organization": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "paper": "Paper",
    "legislativeTermList": "LegislativeTerm",
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "file": "File",
    "locationList": "Location",
    "membership": "Membership",
}


class Checker:
    def __init__(self, system_url, schema_dir, max_objects):
        # Where the server is reached, and the base its objects name (the same behind a
        # proxy; a test server may call itself by another name).
        self.reach = system_url.rsplit("/", 1)[0]
        self.base = self.reach
        self.errors = []
        self.max_objects = max_objects
        self.schemas = {}
        checker = FormatChecker()

        @checker.checks("url")
        def _url(value):
            return isinstance(value, str) and value.startswith(("http://", "https://"))

        for name in [
            "System", "Body", "LegislativeTerm", "Organization", "Person", "Membership",
            "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location",
        ]:
            with open(f"{schema_dir}/{name}.json", encoding="utf-8") as f:
                schema = json.load(f)
            self.schemas[name] = (schema, Draft7Validator(schema, format_checker=checker))
        self.seen = {}  # url -> type
        self.listed = defaultdict(set)  # type -> ids found in the Body's lists
        self.referenced = defaultdict(set)  # type -> ids other objects point to
        self.queue = []

    def error(self, where, text):
        self.errors.append(f"{where}: {text}")

    def fetch(self, url):
        if url.startswith(self.base + "/"):
            url = self.reach + url[len(self.base):]
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                if answer.headers.get("Access-Control-Allow-Origin") != "*":
                    self.error(url, "no Access-Control-Allow-Origin: *")
                return json.loads(answer.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            self.error(url, f"HTTP {e.code}")
        except (urllib.error.URLError, ValueError) as e:
            self.error(url, f"cannot read: {e}")
        return None

    def local(self, url):
        return isinstance(url, str) and url.startswith(self.base + "/")

    def check_object(self, obj, expected, where, embedded=False):
        """Checks one object against the schema of its type; returns its type name."""
        if not isinstance(obj, dict):
            self.error(where, "not an object")
            return None
        kind = obj.get("type", "")
        name = kind[len(OPARL):] if kind.startswith(OPARL) else None
        if name not in self.schemas:
            self.error(where, f"unknown type {kind!r}")
            return None
        if expected and name != expected:
            self.error(where, f"a {name} where a {expected} belongs")
        schema, validator = self.schemas[name]
        for e in sorted(validator.iter_errors(obj), key=str):
            self.error(where, f"{name}: {'/'.join(map(str, e.path))}: {e.message}")
        if obj.get("deleted") is True:
            return name
        for stamp in ["created", "modified"]:
            if stamp not in obj:
                self.error(where, f"{name} without {stamp}")
        self.check_values(obj, where)
        for prop, value in obj.items():
            spec = schema.get("properties", {}).get(prop, {})
            self.follow(prop, spec, value, f"{where}.{prop}")
        return name

    def check_values(self, value, where):
        if isinstance(value, str):
            if value.strip() == "":
                self.error(where, "an empty string")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.check_values(item, f"{where}[{i}]")
        elif isinstance(value, dict):
            for key, item in value.items():
                if key in ("created", "modified", "start", "end") and isinstance(item, str):
                    if not INSTANT.match(item):
                        self.error(f"{where}.{key}", f"not an instant with offset: {item}")
                if key in ("startDate", "endDate", "date") and isinstance(item, str):
                    if not DATE.match(item):
                        self.error(f"{where}.{key}", f"not yyyy-mm-dd: {item}")
                if not isinstance(item, dict):
                    self.check_values(item, f"{where}.{key}")

    def follow(self, prop, spec, value, where):
        """Embedded objects are checked in place; links to other objects are queued (the
        Body's external lists are walked from the Body)."""
        reference = spec.get("references")
        if reference == "externalList":
            return
        if spec.get("type") == "object" and "schema" in spec:
            self.check_object(value, spec["schema"][:-5], where, embedded=True)
            return
        if spec.get("type") == "array":
            items = spec.get("items", {})
            if items.get("type") == "object" and "schema" in items:
                for i, item in enumerate(value if isinstance(value, list) else []):
                    self.check_object(item, items["schema"][:-5], f"{where}[{i}]", embedded=True)
                return
            if items.get("format") == "url" and reference:
                for item in value if isinstance(value, list) else []:
                    self.link(item, reference)
            return
        if spec.get("format") == "url" and reference:
            self.link(value, reference)

    def link(self, url, target):
        if not self.local(url):
            return
        if target:
            self.referenced[target].add(url)
        if url not in self.seen and len(self.seen) < self.max_objects:
            self.seen[url] = target
            self.queue.append((url, target))

    def walk_list(self, url, expected):
        pages = 0
        while url and pages < 10000:
            pages += 1
            page = self.fetch(url)
            if page is None:
                return
            data = page.get("data")
            if not isinstance(data, list) or "links" not in page or "pagination" not in page:
                self.error(url, "a list needs data, pagination and links")
                return
            for i, obj in enumerate(data):
                name = self.check_object(obj, expected, f"{url} data[{i}]")
                if name:
                    self.listed[name].add(obj.get("id"))
                    self.seen.setdefault(obj.get("id"), name)
            nxt = page["links"].get("next")
            if nxt and not data:
                self.error(url, "a next link after an empty page")
            url = nxt

    def run(self, system_url):
        system = self.fetch(system_url)
        if system is None:
            return
        if isinstance(system.get("id"), str):
            self.base = system["id"].rsplit("/", 1)[0]
        self.check_object(system, "System", system_url)
        bodies_url = system.get("body")
        self.walk_list(bodies_url, "Body")
        bodies = [u for u, t in self.seen.items() if t == "Body"]
        for body_url in bodies:
            body = self.fetch(body_url)
            if body is None:
                continue
            self.check_object(body, "Body", body_url)
            for prop, kind in BODY_LISTS.items():
                if prop in body:
                    self.walk_list(body[prop], kind)
        while self.queue:
            url, target = self.queue.pop(0)
            obj = self.fetch(url)
            if obj is not None:
                self.check_object(obj, target, url)
        # Every object another points to is in its Body's list of that type.
        for kind, ids in self.referenced.items():
            if kind not in BODY_LISTS.values():
                continue
            missing = sorted(ids - self.listed[kind])
            for url in missing[:20]:
                self.error(url, f"a {kind} that no Body list holds")


def main():
    args = sys.argv[1:]
    max_objects = 20000
    if "--max-objects" in args:
        i = args.index("--max-objects")
        max_objects = int(args[i + 1])
        del args[i:i + 2]
    system_url, schema_dir = args
    checker = Checker(system_url, schema_dir, max_objects)
    checker.run(system_url)
    objects = sum(len(v) for v in checker.listed.values())
    for e in checker.errors:
        print(e)
    print(f"oparl: {objects} listed objects, {len(checker.errors)} errors")
    sys.exit(1 if checker.errors else 0)


if __name__ == "__main__":
    main()
