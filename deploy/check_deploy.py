#!/usr/bin/env python3
"""Checks the deployment artefacts against the Kubernetes API and against the build they deploy.

No container engine or cluster is needed (run by deploy/check.sh in ./mvnw verify):
- every manifest under deploy/kubernetes is valid for its kind's schema: the models of Debian's Kubernetes
  Python client (python3-kubernetes), generated from the Kubernetes OpenAPI document, name each field and
  its type; unknown fields, wrong types and missing required fields are errors;
- the manifests hold what matters here: the health probes on the server's HTTP port, resources with a
  memory limit above the JVM's heap, a non-root pod, config only from keys the server reads
  (docs/configuration.md), the two slots alike, a PodDisruptionBudget per slot, the Service on one slot;
- deploy/Containerfile is on the project's Liberty release and Java 17, copies what the build makes and
  where server.xml looks for it, runs as a user other than root and has a health check.
"""
import fnmatch
import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml
from kubernetes import client

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
import config_reference  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MANIFESTS = "deploy/kubernetes"
CONTAINERFILE = "deploy/Containerfile"
SLOT_LABEL = "lotabots.io/slot"
SLOTS = ("blue", "green")
MAVEN = "{http://maven.apache.org/POM/4.0.0}"


# --- schema: the Kubernetes client's models ---------------------------------------------------------------


def model_of(doc):
    """The client's model class for a manifest's apiVersion and kind (apps/v1 Deployment -> V1Deployment)."""
    group_version = doc.get("apiVersion", "")
    version = group_version.split("/")[-1]
    name = version[0].upper() + version[1:] + doc.get("kind", "")
    return getattr(client, name, None)


def schema_problems(value, type_name, path):
    """Fields the schema does not have, and values of the wrong type, below path."""
    if type_name == "object":  # IntOrString and free-form fields
        return [] if isinstance(value, (int, str, dict, list)) and not isinstance(value, bool) else [f"{path}: not an int or string"]
    if type_name.startswith("list["):
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        return [p for i, item in enumerate(value) for p in schema_problems(item, type_name[5:-1], f"{path}[{i}]")]
    if type_name.startswith("dict("):
        if not isinstance(value, dict):
            return [f"{path}: not a map"]
        inner = type_name[5:-1].split(", ", 1)[1]
        return [p for k, v in value.items() for p in schema_problems(v, inner, f"{path}.{k}")]
    simple = {"str": str, "int": int, "bool": bool, "float": (int, float), "datetime": str, "date": str}
    if type_name in simple:
        wrong = not isinstance(value, simple[type_name]) or (type_name == "int" and isinstance(value, bool))
        return [f"{path}: not a {type_name} ({value!r})"] if wrong else []
    model = getattr(client, type_name)
    if not isinstance(value, dict):
        return [f"{path}: not a {type_name}"]
    fields = {json: attr for attr, json in model.attribute_map.items()}
    problems = []
    for name, item in value.items():
        if name not in fields:
            problems.append(f"{path}.{name}: no such field in {type_name}")
        elif item is not None:
            problems += schema_problems(item, model.openapi_types[fields[name]], f"{path}.{name}")
    return problems


def required_problems(doc, model, where):
    """Required fields missing: the client's models refuse to be built without them."""
    try:
        client.ApiClient()._ApiClient__deserialize(doc, model.__name__)
        return []
    except (ValueError, TypeError) as e:
        return [f"{where}: {e}"]


# --- loading --------------------------------------------------------------------------------------------------


def load_manifests(root):
    """(file name, document) for every YAML document under deploy/kubernetes."""
    docs = []
    for path in sorted((root / MANIFESTS).glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc is not None:
                docs.append((path.name, doc))
    return docs


def named(docs, kind):
    return {doc["metadata"]["name"]: (file, doc) for file, doc in docs if doc.get("kind") == kind}


def liberty_variable(root, name):
    server = ElementTree.parse(root / config_reference.LIBERTY_CONFIG / "server.xml").getroot()
    for variable in server.iter("variable"):
        if variable.get("name") == name:
            return variable.get("defaultValue")
    raise SystemExit(f"server.xml declares no variable {name}")


def max_heap_bytes(root):
    options = (root / config_reference.LIBERTY_CONFIG / "jvm.options").read_text(encoding="utf-8")
    match = re.search(r"^-Xmx(\d+)([kKmMgG]?)\s*$", options, re.M)
    if not match:
        raise SystemExit("jvm.options sets no -Xmx")
    return int(match.group(1)) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[match.group(2).lower()]


def quantity_bytes(quantity):
    match = re.fullmatch(r"(\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?", str(quantity))
    if not match:
        return None
    factor = {None: 1, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}
    return int(match.group(1)) * factor[match.group(2)]


# --- the manifests --------------------------------------------------------------------------------------------


def manifest_problems(root, docs):
    problems = []
    for file, doc in docs:
        if doc.get("kind") == "Kustomization":
            continue
        model = model_of(doc)
        where = f"{file} {doc.get('kind')} {doc.get('metadata', {}).get('name')}"
        if model is None:
            problems.append(f"{where}: unknown apiVersion/kind {doc.get('apiVersion')} {doc.get('kind')}")
            continue
        problems += [f"{file}: {p}" for p in schema_problems(doc, model.__name__, doc.get("kind"))]
        problems += required_problems(doc, model, where)
    if problems:
        return problems  # the checks below read fields the schema guarantees
    deployments = named(docs, "Deployment")
    problems += slot_problems(deployments)
    for name, (file, deployment) in sorted(deployments.items()):
        problems += [f"{file}: {p}" for p in pod_problems(root, deployment, docs)]
    problems += service_problems(docs, deployments)
    problems += budget_problems(docs, deployments)
    problems += config_problems(root, docs)
    problems += kustomization_problems(root, docs, deployments)
    return problems


def slot_problems(deployments):
    slots = {d["spec"]["template"]["metadata"]["labels"].get(SLOT_LABEL): (f, d) for f, d in deployments.values()}
    if sorted(slots) != sorted(SLOTS):
        return [f"the Deployments' slots are {sorted(map(str, slots))}, not {list(SLOTS)}"]
    problems = []
    for file, deployment in slots.values():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        if any(labels.get(k) != v for k, v in deployment["spec"]["selector"]["matchLabels"].items()):
            problems.append(f"{file}: the selector does not select the pod template's labels")
    blue, green = (dict(slots[s][1]) for s in SLOTS)
    blue["spec"] = {k: v for k, v in blue["spec"].items() if k != "replicas"}
    green["spec"] = {k: v for k, v in green["spec"].items() if k != "replicas"}
    if yaml.safe_load(yaml.safe_dump(blue).replace("blue", "green")) != green:
        problems.append("the green Deployment differs from the blue one in more than its slot and replicas")
    return problems


def container_of(deployment):
    containers = deployment["spec"]["template"]["spec"]["containers"]
    return next((c for c in containers if c["name"] == "lotabots"), containers[0])


def pod_problems(root, deployment, docs):
    problems = []
    pod = deployment["spec"]["template"]["spec"]
    container = container_of(deployment)
    ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
    http_port = int(liberty_variable(root, "lotabots.http.port"))
    https_port = int(liberty_variable(root, "lotabots.https.port"))
    if ports.get("http") != http_port or ports.get("https") != https_port:
        problems.append(f"container ports {ports} are not http={http_port}, https={https_port} (server.xml)")
    for probe, path in (("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live"), ("startupProbe", "/health/started")):
        get = (container.get(probe) or {}).get("httpGet") or {}
        port = ports.get(get.get("port"), get.get("port"))
        if get.get("path") != path or port != http_port:
            problems.append(f"{probe} is not GET {path} on the HTTP port {http_port}")
    resources = container.get("resources") or {}
    for kind in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if resource not in (resources.get(kind) or {}):
                problems.append(f"no {resource} in resources.{kind}")
    memory = quantity_bytes((resources.get("limits") or {}).get("memory"))
    heap = max_heap_bytes(root)
    if memory is not None and memory <= heap:
        problems.append(f"the memory limit ({memory} bytes) leaves nothing beside jvm.options' heap ({heap} bytes)")
    security = pod.get("securityContext") or {}
    if security.get("runAsNonRoot") is not True or security.get("runAsUser", 0) == 0:
        problems.append("the pod does not run as a user other than root (runAsNonRoot, runAsUser)")
    if (container.get("securityContext") or {}).get("allowPrivilegeEscalation") is not False:
        problems.append("the container may escalate privileges")
    claims = {name for name in named(docs, "PersistentVolumeClaim")}
    for volume in pod.get("volumes", []):
        claim = (volume.get("persistentVolumeClaim") or {}).get("claimName")
        if claim is not None and claim not in claims:
            problems.append(f"volume {volume['name']} claims {claim}, which no manifest defines")
    config = {k: v for _, m in named(docs, "ConfigMap").values() for k, v in (m.get("data") or {}).items()}
    keys_file = config.get("LOTABOTS_KEYS_FILE")
    mounts = [m["mountPath"] for m in container.get("volumeMounts", [])]
    if keys_file is None or not any(keys_file.startswith(m.rstrip("/") + "/") for m in mounts):
        problems.append("LOTABOTS_KEYS_FILE is not on a mounted (shared) volume: each pod would make its own keys")
    for source in container.get("envFrom", []):
        for kind, ref in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
            if ref in source and source[ref]["name"] not in named(docs, kind):
                problems.append(f"envFrom names {kind} {source[ref]['name']}, which no manifest defines")
    return problems


def service_problems(docs, deployments):
    problems = []
    services = named(docs, "Service")
    pods = [d["spec"]["template"] for _, d in deployments.values()]
    for name, (file, service) in sorted(services.items()):
        selector = service["spec"].get("selector") or {}
        chosen = [p for p in pods if all(p["metadata"]["labels"].get(k) == v for k, v in selector.items())]
        if len(chosen) != 1:
            problems.append(f"{file}: Service {name} selects {len(chosen)} slots, not one")
            continue
        names = {p.get("name") for p in container_of({"spec": {"template": chosen[0]}}).get("ports", [])}
        for port in service["spec"]["ports"]:
            if port.get("targetPort") not in names:
                problems.append(f"{file}: Service {name} targets port {port.get('targetPort')}, which the pods do not name")
    if "lotabots" not in services:
        problems.append("no Service lotabots")
    for slot in SLOTS:
        if f"lotabots-{slot}" not in services:
            problems.append(f"no Service lotabots-{slot} to try the {slot} slot before a switch")
    return problems


def budget_problems(docs, deployments):
    problems = []
    budgets = [d for _, d in named(docs, "PodDisruptionBudget").values()]
    for name, (file, deployment) in sorted(deployments.items()):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        covering = [
            b for b in budgets
            if all(labels.get(k) == v for k, v in b["spec"]["selector"].get("matchLabels", {}).items())
        ]
        if len(covering) != 1:
            problems.append(f"{file}: {len(covering)} PodDisruptionBudgets cover Deployment {name}, not one")
        elif covering[0]["spec"].get("maxUnavailable") != 1 and covering[0]["spec"].get("minAvailable") is None:
            problems.append(f"{file}: the PodDisruptionBudget of {name} lets more than one pod go at once")
    return problems


def config_problems(root, docs):
    known = {k.env for k in config_reference.collect(root).values()}
    problems = []
    for kind, field in (("ConfigMap", "data"), ("Secret", "stringData"), ("Secret", "data")):
        for name, (file, doc) in sorted(named(docs, kind).items()):
            for variable in sorted(doc.get(field) or {}):
                if variable not in known:
                    problems.append(f"{file}: {kind} {name} sets {variable}, which the server does not read (docs/configuration.md)")
    secret_words = re.compile(r"PASSWORD|SECRET")
    for name, (file, doc) in sorted(named(docs, "ConfigMap").items()):
        for variable in sorted(doc.get("data") or {}):
            if secret_words.search(variable):
                problems.append(f"{file}: {variable} belongs in the Secret, not in ConfigMap {name}")
    return problems


def kustomization_problems(root, docs, deployments):
    kustomizations = [(f, d) for f, d in docs if d.get("kind") == "Kustomization"]
    if len(kustomizations) != 1:
        return ["no single kustomization.yaml"]
    file, kustomization = kustomizations[0]
    listed = set(kustomization.get("resources", []))
    files = {f for f, d in docs if d.get("kind") not in ("Kustomization", "Secret")}
    problems = [f"{file}: lists {r}, which does not exist" for r in sorted(listed) if not (root / MANIFESTS / r).exists()]
    problems += [f"{file}: does not list {f}" for f in sorted(files - listed)]
    images = {c["image"].rsplit(":", 1)[0] for _, d in deployments.values() for c in d["spec"]["template"]["spec"]["containers"]}
    named_images = {i["name"] for i in kustomization.get("images", [])}
    problems += [f"{file}: sets no tag for image {i}" for i in sorted(images - named_images)]
    return problems


# --- the Containerfile ----------------------------------------------------------------------------------------


def instructions(text):
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n(\s*#.*\n)*", " ", "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#")))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
            for line in (l.strip() for l in joined.splitlines()) if line]


def pom_property(pom, name):
    return ElementTree.parse(pom).getroot().find(f"{MAVEN}properties/{MAVEN}{name}").text


def build_outputs(root):
    """Files ear/pom.xml makes, as repository paths (globs for copied dependencies)."""
    pom = ElementTree.parse(root / "ear/pom.xml").getroot()
    target = "ear/target"
    outputs = [f"{target}/{pom.find(f'{MAVEN}build/{MAVEN}finalName').text}.ear"]
    for copy in pom.iter(f"{MAVEN}copyDependencies"):
        location = copy.find(f"{MAVEN}location").text.replace("${project.build.directory}", target)
        for dependency in copy.iter(f"{MAVEN}dependency"):
            outputs.append(f"{location}/{dependency.find(f'{MAVEN}artifactId').text}-*.jar")
    return outputs


def containerfile_problems(root, text):
    problems = []
    steps = instructions(text)
    liberty = pom_property(root / "pom.xml", "openliberty.version")
    bases = [args for op, args in steps if op == "FROM"]
    if len(bases) != 1 or not re.fullmatch(
            rf"icr\.io/appcafe/open-liberty:{re.escape(liberty)}-(kernel-slim|full)-java17-\S+", bases[0].split()[0]):
        problems.append(f"FROM is not icr.io/appcafe/open-liberty at {liberty} (root pom) with Java 17: {bases}")
    elif "kernel-slim" in bases[0] and not any(op == "RUN" and "features.sh" in args for op, args in steps):
        problems.append("a kernel-slim base without RUN features.sh has none of server.xml's features")
    users = [args.strip() for op, args in steps if op == "USER"]
    if not users or users[-1].split(":")[0] in ("0", "root"):
        problems.append("the image runs as root (no USER, or USER root last)")
    if not any(op == "HEALTHCHECK" and "/health/" in args for op, args in steps):
        problems.append("no HEALTHCHECK on /health/")
    exposed = {p for op, args in steps if op == "EXPOSE" for p in args.split()}
    for variable in ("lotabots.http.port", "lotabots.https.port"):
        if liberty_variable(root, variable) not in exposed:
            problems.append(f"{variable} ({liberty_variable(root, variable)}) is not exposed")
    copies = []
    for op, args in steps:
        if op in ("COPY", "ADD"):
            paths = [a for a in args.split() if not a.startswith("--")]
            copies += [(source, paths[-1]) for source in paths[:-1]]
    outputs = build_outputs(root)
    ignore = ignored_paths(root)
    for source, _ in copies:
        if not (root / source).exists() and not any(fnmatch.fnmatch(source, o) or source == o for o in outputs):
            problems.append(f"COPY {source}: neither in the repository nor made by ear/pom.xml ({outputs})")
        if ignore is not None and not any(source.startswith(kept) for kept in ignore):
            problems.append(f"COPY {source}: .dockerignore leaves it out of the build context")
    config_dir = root / config_reference.LIBERTY_CONFIG
    for file in sorted(p.name for p in config_dir.iterdir() if p.is_file()):
        source = f"{config_reference.LIBERTY_CONFIG}/{file}"
        if not any(s == source and d.rstrip("/") in ("/config", f"/config/{file}") for s, d in copies):
            problems.append(f"{source} is not copied to /config/")
    problems += server_layout_problems(root, copies)
    return problems


def server_layout_problems(root, copies):
    """What server.xml reads from the server's layout is where the image puts it."""
    server = ElementTree.parse(root / config_reference.LIBERTY_CONFIG / "server.xml").getroot()
    problems = []
    for application in server.iter("enterpriseApplication"):
        wanted = f"/config/apps/{application.get('location')}"
        if not any(d == wanted for _, d in copies):
            problems.append(f"server.xml deploys {wanted}, which no COPY writes")
    for fileset in server.iter("fileset"):
        directory = fileset.get("dir").replace("${shared.resource.dir}", "/opt/ol/wlp/usr/shared/resources")
        pattern = fileset.get("includes")
        if not any(d.rstrip("/") == directory and fnmatch.fnmatch(Path(s).name.replace("*", "1"), pattern)
                   for s, d in copies):
            problems.append(f"server.xml reads {directory}/{pattern}, which no COPY writes")
    return problems


def ignored_paths(root):
    """The paths .dockerignore keeps when it first ignores everything (None without such a file)."""
    path = root / ".dockerignore"
    if not path.exists():
        return None
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    if lines[:1] != ["*"]:
        return None
    return [l[1:] for l in lines[1:] if l.startswith("!")]


def rendered_problems(docs, rendered):
    """What `kubectl kustomize` made of the kustomization: every listed object, each valid for its schema."""
    problems = []
    for doc in rendered:
        model = model_of(doc)
        where = f"rendered {doc.get('kind')} {doc.get('metadata', {}).get('name')}"
        if model is None:
            problems.append(f"{where}: unknown apiVersion/kind")
            continue
        problems += [f"{where}: {p}" for p in schema_problems(doc, model.__name__, doc.get("kind"))]
        problems += required_problems(doc, model, where)
    kustomization = next(d for _, d in docs if d.get("kind") == "Kustomization")
    listed = {(d["kind"], d["metadata"]["name"]) for f, d in docs if f in kustomization.get("resources", [])}
    made = {(d.get("kind"), d.get("metadata", {}).get("name")) for d in rendered}
    problems += [f"kubectl kustomize did not render {kind} {name}" for kind, name in sorted(listed - made)]
    return problems


def main(argv, root=ROOT):
    docs = load_manifests(root)
    problems = manifest_problems(root, docs)
    if argv[:1] == ["--rendered"]:  # the output of `kubectl kustomize deploy/kubernetes`
        rendered = [d for d in yaml.safe_load_all(Path(argv[1]).read_text(encoding="utf-8")) if d]
        problems += rendered_problems(docs, rendered)
    problems += [f"{CONTAINERFILE}: {p}" for p in containerfile_problems(root, (root / CONTAINERFILE).read_text(encoding="utf-8"))]
    if problems:
        print("[lotabots] deployment artefacts:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    kinds = sorted({d.get("kind") for _, d in docs})
    rendered = ", the kustomization renders" if argv[:1] == ["--rendered"] else ""
    print(f"[lotabots] deploy/: {len(docs)} manifests ({', '.join(kinds)}) valid and consistent{rendered}; "
          "Containerfile matches the build")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
