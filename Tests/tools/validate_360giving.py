#!/usr/bin/env python3
"""Validate a 360Giving JSON package against the 1.4.3 package schema, offline.

Usage: validate_360giving.py SCHEMA_DIR PACKAGE.json
Prints "valid" and exits 0, or prints each error and exits 1.
The package schema refers to the grant schema by URL (its 1.4.2 address), so the local grant
schema is registered under both its own $id and that address: nothing is fetched.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

schema_dir, package_path = sys.argv[1], sys.argv[2]
with open(f"{schema_dir}/360-giving-package-schema.json") as f:
    package_schema = json.load(f)
with open(f"{schema_dir}/360-giving-schema.json") as f:
    grant_schema = json.load(f)

# The schemas name their dialect as http://json-schema.org/draft/2020-12/schema, which the
# referencing library does not recognise, so the dialect is given explicitly.
grant = DRAFT202012.create_resource(grant_schema)
registry = Registry().with_resources([
    (grant_schema["$id"], grant),
    (package_schema["properties"]["grants"]["items"]["$ref"], grant),
])
validator = Draft202012Validator(package_schema, registry=registry, format_checker=FormatChecker())
with open(package_path) as f:
    package = json.load(f)
errors = sorted(validator.iter_errors(package), key=lambda e: list(e.path))
for error in errors:
    print(f"{'/'.join(map(str, error.path))}: {error.message}")
if errors:
    sys.exit(1)
print(f"valid: {len(package['grants'])} grants")
