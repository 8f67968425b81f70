"""config_reference finds every kind of key the code reads, and fails on what the reference must not hide.

Each test lays out a small project of its own (the EAR modules' sources, server.xml, redisson.yaml, the
meanings). Run by deploy/check.sh: /usr/bin/python3 -m unittest discover -s build -p 'test_*.py'
"""
import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import config_reference  # noqa: E402

SETTINGS = """
package io.example;
public class Settings {
    private static final String PREFIX = "lotabots.guard.";
    @Inject
    @ConfigProperty(name = PREFIX + "delay", defaultValue = "PT1S")
    Duration delay;
    @Inject
    @ConfigProperty(
            name = "lotabots.s3.endpoint")
    Optional<String> endpoint;
    int retryAfter() {
        return ConfigProvider.getConfig().getOptionalValue("lotabots.api.retry-after-seconds", Integer.class)
                .orElse(5);
    }
}
"""
SERVER_XML = """<server>
    <variable name="lotabots.http.port" defaultValue="9080"/>
    <dataSource url="${lotabots.db.url}" dir="${shared.resource.dir}/jdbc" out="${server.output.dir}"/>
</server>
"""
REDISSON = """# ${lotabots.commented.out} is not read
singleServerConfig:
  address: "${lotabots.redis.url}"
"""
MEANINGS = {
    "lotabots.guard.delay": "the first delay",
    "lotabots.s3.endpoint": "S3 endpoint",
    "lotabots.api.retry-after-seconds": "Retry-After on 503",
    "lotabots.http.port": "the HTTP port",
    "lotabots.db.url": "JDBC URL",
    "lotabots.redis.url": "Redis address",
}


class ConfigReferenceTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.root = Path(self.directory.name)
        self.write("ejb-module/src/main/java/io/example/Settings.java", SETTINGS)
        self.write("web-api/src/main/resources/META-INF/microprofile-config.properties", "# the reader\nmp.openapi.filter=io.example.Filter\n")
        (self.root / "admin-ui/src/main/java").mkdir(parents=True)
        self.write("src/main/liberty/config/server.xml", SERVER_XML)
        self.write("src/main/liberty/config/redisson.yaml", REDISSON)
        self.write("src/main/liberty/config/bootstrap.properties", "# start-up\ncom.ibm.ws.logging.console.format=json\n")
        self.meanings(dict(MEANINGS, **{"mp.openapi.filter": "finishes the document",
                                        "com.ibm.ws.logging.console.format": "JSON console"}))

    def tearDown(self):
        self.directory.cleanup()

    def write(self, path, text):
        (self.root / path).parent.mkdir(parents=True, exist_ok=True)
        (self.root / path).write_text(text, encoding="utf-8")

    def meanings(self, entries):
        self.write(config_reference.MEANINGS, "".join(f'{k}: "{v}"\n' for k, v in entries.items()))

    def run_main(self, *argv):
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            status = config_reference.main(list(argv), self.root)
        return status, errors.getvalue()

    def test_finds_injected_looked_up_declared_and_placeholder_keys_with_their_defaults(self):
        keys = config_reference.collect(self.root)
        self.assertEqual(sorted(list(MEANINGS) + ["mp.openapi.filter", "com.ibm.ws.logging.console.format"]), sorted(keys))
        self.assertEqual({"Settings": "PT1S"}, keys["lotabots.guard.delay"].defaults)
        self.assertEqual({}, keys["lotabots.s3.endpoint"].defaults)
        self.assertEqual({"Settings": "5"}, keys["lotabots.api.retry-after-seconds"].defaults)
        self.assertEqual({"server.xml": "9080"}, keys["lotabots.http.port"].defaults)
        self.assertEqual({"server.xml"}, keys["lotabots.db.url"].readers)
        self.assertEqual({"redisson.yaml"}, keys["lotabots.redis.url"].readers)
        self.assertEqual("LOTABOTS_API_RETRY_AFTER_SECONDS", keys["lotabots.api.retry-after-seconds"].env)
        self.assertEqual({"bootstrap.properties": "json"}, keys["com.ibm.ws.logging.console.format"].defaults)
        self.assertIsNone(keys["com.ibm.ws.logging.console.format"].env)

    def test_writes_the_reference_once_and_then_passes(self):
        status, errors = self.run_main()
        self.assertEqual(1, status)
        self.assertIn("docs/configuration.md was stale and has been regenerated", errors)
        reference = (self.root / config_reference.REFERENCE).read_text(encoding="utf-8")
        self.assertIn("| `lotabots.guard.delay` | `LOTABOTS_GUARD_DELAY` | `PT1S` | the first delay | `Settings` |", reference)
        self.assertIn("| `lotabots.s3.endpoint` | `LOTABOTS_S3_ENDPOINT` | none | S3 endpoint | `Settings` |", reference)
        self.assertIn("| `com.ibm.ws.logging.console.format` | — (in `bootstrap.properties`) | `json` |", reference)
        self.assertEqual((0, ""), self.run_main())

    def test_fails_when_a_key_has_no_meaning(self):
        self.meanings({k: v for k, v in MEANINGS.items() if k != "lotabots.guard.delay"})
        status, errors = self.run_main("--write")
        self.assertEqual(1, status)
        self.assertIn("lotabots.guard.delay: read by Settings but has no meaning", errors)
        self.assertFalse((self.root / config_reference.REFERENCE).exists())

    def test_fails_when_a_meaning_names_a_key_nothing_reads(self):
        self.meanings(dict(MEANINGS, **{"mp.openapi.filter": "x", "lotabots.gone": "was read once"}))
        status, errors = self.run_main("--write")
        self.assertEqual(1, status)
        self.assertIn("lotabots.gone: has a meaning in docs/configuration-meanings.yaml but nothing reads it", errors)

    def test_fails_when_a_meaning_is_empty(self):
        self.meanings(dict(MEANINGS, **{"mp.openapi.filter": " "}))
        status, errors = self.run_main("--write")
        self.assertIn("mp.openapi.filter: its meaning in docs/configuration-meanings.yaml is empty", errors)

    def test_fails_when_two_places_give_one_key_different_defaults(self):
        self.write("web-api/src/main/java/io/example/Port.java",
                   '@ConfigProperty(name = "lotabots.http.port", defaultValue = "8080") int port;')
        status, errors = self.run_main("--write")
        self.assertEqual(1, status)
        self.assertIn("lotabots.http.port: different defaults (Port: '8080', server.xml: '9080')", errors)

    def test_fails_when_the_reference_was_edited_by_hand(self):
        self.run_main()
        reference = self.root / config_reference.REFERENCE
        reference.write_text(reference.read_text(encoding="utf-8").replace("the first delay", "a delay"), encoding="utf-8")
        self.assertEqual(1, self.run_main()[0])
        self.assertIn("the first delay", reference.read_text(encoding="utf-8"))

    def test_stops_at_a_key_it_cannot_resolve(self):
        self.write("admin-ui/src/main/java/io/example/Other.java",
                   '@ConfigProperty(name = Elsewhere.KEY) String value;')
        with self.assertRaises(SystemExit) as stop:
            config_reference.collect(self.root)
        self.assertIn("cannot resolve 'Elsewhere.KEY'", str(stop.exception))


if __name__ == "__main__":
    unittest.main()
