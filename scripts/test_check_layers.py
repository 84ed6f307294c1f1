#!/usr/bin/env python3
"""Self-test of check-layers.py: each deliberate leak, made in a copy of the repo, must be caught and named.

Run: python3 scripts/test_check_layers.py
The unmodified copy must give the real repo's result, whatever that is, so this test holds whether or not
the repo is clean right now; each leak must then turn up as its own line naming the file and the rule.
"""
import re, shutil, subprocess, sys, tempfile, unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "check-layers.py"
REPO = SCRIPT.parent.parent
COPIED = ["Package.swift", "Package.resolved", "Sources", "Tests", "Plugins", "reports", "migrations"]


def check(root):
    """check-layers.py --root root, as (exit code, stdout)."""
    run = subprocess.run([sys.executable, str(SCRIPT), "--root", str(root)], capture_output=True, text=True)
    return run.returncode, run.stdout


class CheckLayersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.repo_result = check(REPO)

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="check-layers-")
        self.root = Path(self.tmp.name)
        for name in COPIED:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, self.root / name, ignore=shutil.ignore_patterns(".build*", ".swiftpm"))
            elif source.is_file():
                shutil.copy2(source, self.root / name)

    def tearDown(self):
        self.tmp.cleanup()

    def swift_file(self, target):
        """The first .swift file of Sources/<target> in the copy, relative to the copy's root."""
        files = sorted((self.root / "Sources" / target).rglob("*.swift"))
        self.assertTrue(files, f"no Swift file in Sources/{target}")
        return files[0].relative_to(self.root).as_posix()

    def append(self, rel, text):
        """Appends one line to a file of the copy; returns its line number."""
        path = self.root / rel
        body = path.read_text()
        if not body.endswith("\n"):
            body += "\n"
        path.write_text(body + text + "\n")
        return body.count("\n") + 1

    def prepend(self, rel, text):
        path = self.root / rel
        path.write_text(text + "\n" + path.read_text())
        return 1

    def assertCaught(self, *expected):
        code, out = check(self.root)
        self.assertEqual(code, 1, out)
        for line_start in expected:
            self.assertTrue(any(l.startswith(line_start) for l in out.splitlines()),
                            f"expected a line starting {line_start!r} in:\n{out}")
        return out

    def test_unmodified_copy_gives_the_repos_result(self):
        self.assertEqual(check(self.root), self.repo_result)

    def test_c_api_outside_the_wrapper(self):
        rel = self.swift_file("ArchiveCLI")
        n = self.append(rel, 'let leakedHandle = sqlite3_open("leak.db", nil)')
        self.assertCaught(f"{rel}:{n}: [c-api]")

    def test_sql_outside_the_store(self):
        rel = self.swift_file("ArchiveIngest")
        n = self.append(rel, 'let leakedSQL = "SELECT 1 FROM sources WHERE sha256 = ?"')
        self.assertCaught(f"{rel}:{n}: [sql]")

    def test_sql_over_several_lines_of_a_string(self):
        rel = self.swift_file("ArchiveCLI")
        n = self.append(rel, 'let leakedSQL = """\n    SELECT count(*)\n    FROM answer_versions\n    """')
        self.assertCaught(f"{rel}:{n + 1}: [sql]")

    def test_undeclared_import(self):
        rel = self.swift_file("ArchiveFetch")
        n = self.prepend(rel, "import SQLite")
        self.assertCaught(f"{rel}:{n}: [undeclared] ArchiveFetch imports SQLite",
                          f"{rel}:{n}: [layer] ArchiveFetch imports SQLite")

    def test_declared_but_forbidden_by_the_layer_table(self):
        manifest = self.root / "Package.swift"
        text, count = re.subn(r'(\.target\(\s*name:\s*"ArchiveFetch",\s*dependencies:\s*\[)',
                              r'\1"SQLite", ', manifest.read_text())
        self.assertEqual(count, 1, "could not find ArchiveFetch's dependency list in Package.swift")
        manifest.write_text(text)
        rel = self.swift_file("ArchiveFetch")
        n = self.prepend(rel, "import SQLite")
        out = self.assertCaught("Package.swift:", f"{rel}:{n}: [layer] ArchiveFetch imports SQLite")
        self.assertRegex(out, r"Package\.swift:\d+: \[layer\] ArchiveFetch depends on SQLite")
        self.assertNotIn("[undeclared] ArchiveFetch imports SQLite", out)

    def test_help_prose_and_typed_commands_are_not_sql(self):
        rel = self.swift_file("ArchiveCLI")
        self.append(rel, '// let commented = "SELECT 1 FROM sources"')
        self.append(rel, '    The database is opened read-only with PRAGMA query_only, and a statement \\')
        self.append(rel, '      archive sql "SELECT uin, heading FROM questions LIMIT 5"')
        self.assertEqual(check(self.root), self.repo_result)


if __name__ == "__main__":
    unittest.main(verbosity=2)
