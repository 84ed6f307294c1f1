#!/usr/bin/env python3
"""Checks that the archive's layers hold: the arrows in Package.swift point down, and the code obeys them.

  [c-api]       sqlite3_ appears only in the wrapper (Sources/SQLite, Sources/CSQLite).
  [sql]         SQL statement text appears only in the store, the reports and the wrapper.
  [undeclared]  every import names a declared dependency, the target itself, or a system module.
  [layer]       the manifest's dependencies and the imports obey MAY_USE and ONLY_USES below.

Exemptions, all of them:
  - Tests/ is exempt from [sql]: tests check the database with SQL.
  - [sql] skips comment lines (// and ///) and a line that shows a command the user would type
    (it contains "archive sql ", as the CLI help's examples do).
  - [sql]'s PRAGMA shape needs `=`, `(`, `;` or a closing quote after the name, so prose such as
    "opened read-only with PRAGMA query_only, and ..." is not a statement.
  - [undeclared] treats imports under `#if canImport(X)` like any other import.

Usage: check-layers.py [--root DIR]   (exit 0 clean, 1 on violations, 2 if the manifest cannot be read)
"""
import argparse, json, os, re, subprocess, sys, tempfile
from pathlib import Path

# The architecture. A module listed in MAY_USE may be imported or depended on only by the targets
# named with it; TESTS stands for any test target (type test, or a target whose path is under Tests/).
TESTS = "test targets"
MAY_USE = {
    "CSQLite": {"SQLite"},                               # the C API is the wrapper's alone
    "SQLite": {"ArchiveStore", "ArchiveQuery", TESTS},  # the wrapper stays below the store
}
# A target listed here may use only these of the project's own modules (system modules are fine).
ONLY_USES = {
    "ArchiveFacts": set(),                   # the shared value types depend on nothing
    "ArchiveExtraction": {"ArchiveFacts"},   # extraction knows nothing of SQL or the store
}
C_API_HOMES = ("Sources/SQLite/", "Sources/CSQLite/")
SQL_HOMES = ("Sources/ArchiveStore/", "Sources/ArchiveQuery/", "Sources/SQLite/", "Tests/")
SYSTEM_MODULES = {
    "Foundation", "FoundationNetworking", "FoundationEssentials", "FoundationXML", "Dispatch",
    "Glibc", "Musl", "Darwin", "XCTest", "Testing", "PackagePlugin", "Synchronization", "os",
    "_Concurrency", "Observation",
}
PRODUCT_MODULES = {"ArgumentParser": "ArgumentParser"}  # product -> module, where they differ
SCANNED_DIRS, SCANNED_EXTS = ("Sources", "Tests", "Plugins"), (".swift", ".h", ".c")

SQL_SHAPES = [re.compile(p) for p in (
    r"\bSELECT\b.*\bFROM\b", r"\bINSERT (INTO|OR)\b", r"\bUPDATE \w+ SET\b", r"\bDELETE FROM\b",
    r"\bPRAGMA \w+\s*[=(;\"]", r"\bCREATE (TABLE|VIEW|INDEX|TRIGGER|VIRTUAL)\b",
    r"\bDROP (TABLE|VIEW|INDEX|TRIGGER)\b", r"\bBEGIN (IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION)\b",
    r"\bWITH (RECURSIVE )?\w+ AS \(",
)]
# The first word of a statement that starts a line of a multi-line string (its FROM may come later).
STATEMENT_START = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|DROP|REPLACE)\b")
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*(?:(?:public|package|internal|private|fileprivate)\s+)?"
                    r"(?:@\w+\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?"
                    r"([A-Za-z_]\w*)")


def source_files(root):
    """Every .swift, .h and .c file under Sources/, Tests/ and Plugins/, as paths relative to root."""
    found = []
    for top in SCANNED_DIRS:
        for dirpath, _, names in os.walk(root / top):
            found += [(Path(dirpath) / n).relative_to(root).as_posix() for n in names if n.endswith(SCANNED_EXTS)]
    return sorted(found)


def lines_of(root, rel):
    return (root / rel).read_text(encoding="utf-8", errors="replace").splitlines()


def check_c_api(root, files):
    """[c-api] Protects the wrapper's monopoly on the C API: one place handles sqlite3_* result codes,
    statement lifetimes and threading, so no other module can leak a handle or skip an error."""
    for rel in files:
        if rel.startswith(C_API_HOMES):
            continue
        for n, line in enumerate(lines_of(root, rel), 1):
            if "sqlite3_" in line:
                yield f"{rel}:{n}: [c-api] sqlite3_ outside the SQLite wrapper (only {', '.join(C_API_HOMES)})"


def check_sql(root, files):
    """[sql] Protects the schema's single owner: SQL lives in ArchiveStore (tables), ArchiveQuery (reports)
    and SQLite (the wrapper's own pragmas), so a schema change is found and made in those places only."""
    for rel in files:
        if not rel.endswith(".swift") or rel.startswith(SQL_HOMES):
            continue
        in_block = False  # inside a multi-line string literal, where a statement may span lines
        for n, line in enumerate(lines_of(root, rel), 1):
            opens_or_closes = line.count('"""') % 2 == 1
            if line.lstrip().startswith("//") or "archive sql " in line:
                in_block ^= opens_or_closes
                continue
            shape = next((m.group(0) for p in SQL_SHAPES if (m := p.search(line))), None)
            if shape is None and in_block and (m := STATEMENT_START.match(line)):
                shape = m.group(0)
            in_block ^= opens_or_closes
            if shape:
                yield (f"{rel}:{n}: [sql] SQL statement text ({shape.strip()[:40]!r}) "
                       "outside ArchiveStore/ArchiveQuery/SQLite")


def load_targets(root):
    """The manifest's targets as {name: (type, dir, declared module names)}, from swift package dump-package.
    A throwaway --scratch-path keeps it off the lock of a build that may be running in .build."""
    with tempfile.TemporaryDirectory() as scratch:
        run = subprocess.run([os.environ.get("SWIFT", "swift"), "package", "--package-path", str(root),
                              "--scratch-path", scratch, "dump-package"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"check-layers: swift package dump-package failed in {root}:\n{run.stderr.strip()}", file=sys.stderr)
        sys.exit(2)
    targets = {}
    for t in json.loads(run.stdout)["targets"]:
        default = {"test": "Tests", "plugin": "Plugins"}.get(t["type"], "Sources") + "/" + t["name"]
        deps = set()
        for d in t.get("dependencies", []):
            kind, values = next(iter(d.items()))
            deps.add(PRODUCT_MODULES.get(values[0], values[0]) if kind == "product" else values[0])
        targets[t["name"]] = (t["type"], t.get("path") or default, deps)
    return targets


def imports_of(root, target_dir):
    """(file, line, module) for every import statement in the .swift files under target_dir."""
    for dirpath, _, names in os.walk(root / target_dir):
        for name in sorted(n for n in names if n.endswith(".swift")):
            rel = (Path(dirpath) / name).relative_to(root).as_posix()
            for n, line in enumerate(lines_of(root, rel), 1):
                if m := IMPORT.match(line):
                    yield rel, n, m.group(1)


def layer_problem(user, module, targets):
    """Why target `user` may not use project module `module` under MAY_USE / ONLY_USES, or None."""
    kind, path, _ = targets[user]
    is_test = kind == "test" or path.startswith("Tests/")
    allowed = MAY_USE.get(module)
    if allowed is not None and user not in allowed and not (is_test and TESTS in allowed):
        return f"only {', '.join(sorted(allowed))} may use {module}"
    if user in ONLY_USES and module != user and module not in ONLY_USES[user]:
        return f"{user} may use only {', '.join(sorted(ONLY_USES[user])) or 'none'} of the project's modules"
    return None


def manifest_line(root, name):
    """The line of Package.swift that names target `name`, so a manifest violation points somewhere."""
    for n, line in enumerate(lines_of(root, "Package.swift"), 1):
        if re.search(rf'name:\s*"{re.escape(name)}"', line):
            return n
    return 1


def check_dependencies(root, targets):
    """[undeclared] Protects the manifest as the true map: an import the manifest does not declare builds
    only by luck of build order and hides an arrow from the reader.
    [layer] Protects the direction of the arrows: MAY_USE and ONLY_USES, in the manifest and in the code."""
    for user, (_, path, deps) in targets.items():
        for module in sorted(deps & targets.keys()):
            if why := layer_problem(user, module, targets):
                yield f"Package.swift:{manifest_line(root, user)}: [layer] {user} depends on {module}; {why}"
        for rel, n, module in imports_of(root, path):
            if module not in deps | {user} | SYSTEM_MODULES:
                yield (f"{rel}:{n}: [undeclared] {user} imports {module}, which Package.swift does not declare "
                       f"as its dependency ({', '.join(sorted(deps)) or 'none'})")
            if module in targets and (why := layer_problem(user, module, targets)):
                yield f"{rel}:{n}: [layer] {user} imports {module}; {why}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    root = parser.parse_args().root.resolve()
    files = source_files(root)
    problems = [*check_c_api(root, files), *check_sql(root, files), *check_dependencies(root, load_targets(root))]
    for p in problems:
        print(p)
    if problems:
        print(f"layers broken: {len(problems)} violation(s) in {len(files)} files checked")
        return 1
    print(f"layers hold: {len(files)} files checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
