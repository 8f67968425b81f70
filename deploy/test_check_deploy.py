"""check_deploy passes the repository's artefacts and refuses each kind of mistake it is there to catch.

Run by deploy/check.sh: /usr/bin/python3 -m unittest discover -s deploy -p 'test_*.py'
"""
import copy
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_deploy  # noqa: E402

ROOT = check_deploy.ROOT
DOCS = check_deploy.load_manifests(ROOT)
CONTAINERFILE = (ROOT / check_deploy.CONTAINERFILE).read_text(encoding="utf-8")


def of_kind(docs, kind, name):
    return next(doc for _, doc in docs if doc.get("kind") == kind and doc["metadata"]["name"] == name)


def container(docs, slot):
    return of_kind(docs, "Deployment", f"lotabots-{slot}")["spec"]["template"]["spec"]["containers"][0]


class ManifestsTest(unittest.TestCase):
    def problems_after(self, change):
        docs = copy.deepcopy(DOCS)
        change(docs)
        return "\n".join(check_deploy.manifest_problems(ROOT, docs))

    def test_the_repositorys_manifests_pass(self):
        self.assertEqual([], check_deploy.manifest_problems(ROOT, DOCS))

    def test_refuses_a_field_the_kubernetes_schema_does_not_have(self):
        problems = self.problems_after(lambda d: container(d, "blue").update(readynessProbe={}))
        self.assertIn("readynessProbe: no such field in V1Container", problems)

    def test_refuses_a_value_of_the_wrong_type(self):
        problems = self.problems_after(lambda d: of_kind(d, "Deployment", "lotabots-blue")["spec"].update(replicas="2"))
        self.assertIn("spec.replicas: not a int", problems)

    def test_refuses_a_manifest_without_a_required_field(self):
        problems = self.problems_after(lambda d: container(d, "green").pop("name"))
        self.assertIn("Invalid value for `name`, must not be `None`", problems)

    def test_refuses_a_readiness_probe_on_another_path_or_port(self):
        def change(docs):
            for slot in check_deploy.SLOTS:
                container(docs, slot)["readinessProbe"]["httpGet"].update(path="/health/live")
                container(docs, slot)["livenessProbe"]["httpGet"].update(port="https")
        problems = self.problems_after(change)
        self.assertIn("readinessProbe is not GET /health/ready on the HTTP port 9080", problems)
        self.assertIn("livenessProbe is not GET /health/live on the HTTP port 9080", problems)

    def test_refuses_a_missing_startup_probe(self):
        problems = self.problems_after(lambda d: [container(d, s).pop("startupProbe") for s in check_deploy.SLOTS])
        self.assertIn("startupProbe is not GET /health/started", problems)

    def test_refuses_a_memory_limit_the_heap_alone_fills(self):
        problems = self.problems_after(
            lambda d: [container(d, s)["resources"]["limits"].update(memory="256Mi") for s in check_deploy.SLOTS])
        self.assertIn("leaves nothing beside jvm.options' heap", problems)

    def test_refuses_missing_cpu_request(self):
        problems = self.problems_after(
            lambda d: [container(d, s)["resources"]["requests"].pop("cpu") for s in check_deploy.SLOTS])
        self.assertIn("no cpu in resources.requests", problems)

    def test_refuses_slots_that_differ_beyond_their_name_and_replicas(self):
        problems = self.problems_after(lambda d: container(d, "green").update(image="registry.example.com/other:1"))
        self.assertIn("the green Deployment differs from the blue one", problems)

    def test_refuses_a_pod_running_as_root(self):
        def change(docs):
            for slot in check_deploy.SLOTS:
                of_kind(docs, "Deployment", f"lotabots-{slot}")["spec"]["template"]["spec"]["securityContext"].update(
                    runAsNonRoot=False, runAsUser=0)
        self.assertIn("does not run as a user other than root", self.problems_after(change))

    def test_refuses_a_config_map_key_the_server_does_not_read(self):
        problems = self.problems_after(lambda d: of_kind(d, "ConfigMap", "lotabots-config")["data"].update(
            LOTABOTS_DB_URI="jdbc:postgresql://db/lotabots"))
        self.assertIn("sets LOTABOTS_DB_URI, which the server does not read", problems)

    def test_refuses_a_password_in_the_config_map(self):
        problems = self.problems_after(
            lambda d: of_kind(d, "ConfigMap", "lotabots-config")["data"].update(LOTABOTS_DB_PASSWORD="x"))
        self.assertIn("LOTABOTS_DB_PASSWORD belongs in the Secret", problems)

    def test_refuses_a_keys_file_outside_the_shared_volume(self):
        problems = self.problems_after(lambda d: of_kind(d, "ConfigMap", "lotabots-config")["data"].update(
            LOTABOTS_KEYS_FILE="/output/keys/signing-keys.jwe"))
        self.assertIn("LOTABOTS_KEYS_FILE is not on a mounted (shared) volume", problems)

    def test_refuses_a_service_selecting_both_slots(self):
        problems = self.problems_after(
            lambda d: of_kind(d, "Service", "lotabots")["spec"]["selector"].pop(check_deploy.SLOT_LABEL))
        self.assertIn("Service lotabots selects 2 slots, not one", problems)

    def test_refuses_a_slot_without_a_disruption_budget(self):
        problems = self.problems_after(lambda d: d.remove(next(
            (f, doc) for f, doc in d if doc.get("kind") == "PodDisruptionBudget" and doc["metadata"]["name"] == "lotabots-green")))
        self.assertIn("0 PodDisruptionBudgets cover Deployment lotabots-green", problems)

    def test_refuses_a_manifest_the_kustomization_leaves_out(self):
        problems = self.problems_after(lambda d: next(
            doc for _, doc in d if doc.get("kind") == "Kustomization")["resources"].remove("service.yaml"))
        self.assertIn("does not list service.yaml", problems)


class RenderedTest(unittest.TestCase):
    """What `kubectl kustomize` renders (deploy/check.sh runs it) is held to the same schema."""

    def listed(self):
        return [copy.deepcopy(doc) for file, doc in DOCS if doc.get("kind") not in ("Kustomization", "Secret")]

    def test_passes_every_listed_object_rendered(self):
        self.assertEqual([], check_deploy.rendered_problems(DOCS, self.listed()))

    def test_refuses_a_rendering_that_lost_an_object(self):
        rendered = [d for d in self.listed() if d["kind"] != "PersistentVolumeClaim"]
        self.assertEqual(["kubectl kustomize did not render PersistentVolumeClaim lotabots-keys"],
                         check_deploy.rendered_problems(DOCS, rendered))

    def test_refuses_a_rendered_object_outside_the_schema(self):
        rendered = self.listed()
        next(d for d in rendered if d["kind"] == "Service")["spec"]["ports"][0]["port"] = "http"
        self.assertIn("Service.spec.ports[0].port: not a int", "\n".join(check_deploy.rendered_problems(DOCS, rendered)))


class ContainerfileTest(unittest.TestCase):
    def problems_of(self, text):
        return "\n".join(check_deploy.containerfile_problems(ROOT, text))

    def test_the_repositorys_containerfile_passes(self):
        self.assertEqual([], check_deploy.containerfile_problems(ROOT, CONTAINERFILE))

    def test_refuses_another_liberty_release_or_java(self):
        self.assertIn("FROM is not icr.io/appcafe/open-liberty at", self.problems_of(
            CONTAINERFILE.replace(":25.0.0.11-", ":24.0.0.12-", 1)))
        self.assertIn("FROM is not icr.io/appcafe/open-liberty at", self.problems_of(
            CONTAINERFILE.replace("-java17-", "-java21-", 1)))

    def test_refuses_an_image_that_runs_as_root(self):
        self.assertIn("runs as root", self.problems_of(CONTAINERFILE.replace("USER 1001", "USER root")))

    def test_refuses_an_image_without_a_health_check(self):
        text = CONTAINERFILE.split("HEALTHCHECK")[0]
        self.assertIn("no HEALTHCHECK", self.problems_of(text))

    def test_refuses_a_source_the_build_does_not_make(self):
        text = CONTAINERFILE.replace("ear/target/lotabots.ear", "ear/target/lotabots-0.1.0.ear")
        problems = self.problems_of(text)
        self.assertIn("COPY ear/target/lotabots-0.1.0.ear: neither in the repository nor made by ear/pom.xml", problems)

    def test_refuses_a_server_configuration_file_left_out(self):
        text = CONTAINERFILE.replace(" src/main/liberty/config/redisson.yaml", "")
        self.assertIn("src/main/liberty/config/redisson.yaml is not copied to /config/", self.problems_of(text))

    def test_refuses_the_driver_where_server_xml_does_not_look(self):
        text = CONTAINERFILE.replace("/opt/ol/wlp/usr/shared/resources/jdbc/", "/config/lib/")
        self.assertIn("server.xml reads /opt/ol/wlp/usr/shared/resources/jdbc/postgresql-*.jar", self.problems_of(text))

    def test_refuses_the_ear_under_another_name_than_server_xml_deploys(self):
        text = CONTAINERFILE.replace("/config/apps/lotabots.ear", "/config/apps/app.ear")
        self.assertIn("server.xml deploys /config/apps/lotabots.ear, which no COPY writes", self.problems_of(text))

    def test_refuses_a_kernel_image_without_its_features(self):
        self.assertIn("without RUN features.sh", self.problems_of(CONTAINERFILE.replace("RUN features.sh", "")))


if __name__ == "__main__":
    unittest.main()
