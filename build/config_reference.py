#!/usr/bin/env python3
"""Writes docs/configuration.md, the reference of every configuration key the server reads, and checks it.

The keys come from the code: @ConfigProperty injections and Config lookups with a literal key in the EAR's
modules, microprofile-config.properties files, server.xml's <variable>s and the ${...} it uses,
bootstrap.properties, and the placeholders of redisson.yaml. Their meanings come from docs/configuration-meanings.yaml, kept by hand.
Run by ./mvnw verify (root project, test phase); it fails when a key has no meaning, a meaning names a key
nothing reads, two places give one key different defaults, or docs/configuration.md differs from what the
code gives (then it has rewritten the file: commit it). `--write` only writes.
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EAR_MODULES = ("ejb-module", "web-api", "admin-ui")
LIBERTY_CONFIG = "src/main/liberty/config"
MEANINGS = "docs/configuration-meanings.yaml"
REFERENCE = "docs/configuration.md"
# Liberty's own variables, which server.xml may use without declaring them
LIBERTY_BUILT_INS = re.compile(r"^(wlp|server|shared|env)\.")
NO_DEFAULT = None
BOOTSTRAP = "bootstrap.properties"

CONFIG_PROPERTY = re.compile(r"@ConfigProperty\s*\((?P<args>[^()]*)\)", re.S)
LOOKUP = re.compile(
    r"\.get(?:Optional)?Value\(\s*\"(?P<key>[^\"]+)\"\s*,[^)]*\)"
    r"(?:\s*\.orElse\(\s*(?P<fallback>\"[^\"]*\"|[\w.+-]+)\s*\))?",
    re.S,
)
CONSTANT = re.compile(r"static\s+final\s+String\s+(\w+)\s*=\s*\"([^\"]*)\"\s*;")


class Key:
    """One configuration key: its defaults by where they are given, and who reads it."""

    def __init__(self, name):
        self.name = name
        self.defaults = {}
        self.readers = set()

    def read_by(self, reader, default):
        self.readers.add(reader)
        if default is not NO_DEFAULT:
            self.defaults[reader] = default

    @property
    def env(self):
        """The environment variable that sets the key; None for Liberty start-up properties, set in their file."""
        if self.readers == {BOOTSTRAP}:
            return None
        return re.sub(r"[^A-Za-z0-9]", "_", self.name).upper()


def java_expression(text, constants, where):
    """The value of a string expression of literals and constants joined with +."""
    parts = []
    for token in (t.strip() for t in text.split("+")):
        if token.startswith('"') and token.endswith('"'):
            parts.append(token[1:-1])
        elif token in constants:
            parts.append(constants[token])
        else:
            raise SystemExit(f"{where}: cannot resolve '{token}' in a configuration key or default")
    return "".join(parts)


def annotation_arguments(args, constants, where):
    values = {}
    for match in re.finditer(r"(\w+)\s*=\s*((?:\"[^\"]*\"|[\w.]+)(?:\s*\+\s*(?:\"[^\"]*\"|[\w.]+))*)", args):
        values[match.group(1)] = java_expression(match.group(2), constants, where)
    return values


def java_keys(root, keys):
    for module in EAR_MODULES:
        for source in sorted((root / module / "src/main/java").rglob("*.java")):
            text = source.read_text(encoding="utf-8")
            constants = dict(CONSTANT.findall(text))
            reader = source.stem
            for match in CONFIG_PROPERTY.finditer(text):
                where = f"{source.relative_to(root)}:{text.count(chr(10), 0, match.start()) + 1}"
                args = annotation_arguments(match.group("args"), constants, where)
                if "name" not in args:
                    raise SystemExit(f"{where}: @ConfigProperty without a name (the key would be the field's)")
                key_of(keys, args["name"]).read_by(reader, args.get("defaultValue", NO_DEFAULT))
            for match in LOOKUP.finditer(text):
                fallback = match.group("fallback")
                if fallback is not None and fallback.startswith('"'):
                    fallback = fallback[1:-1]
                key_of(keys, match.group("key")).read_by(reader, fallback)


def properties_keys(root, keys):
    for module in EAR_MODULES:
        for source in sorted((root / module / "src/main/resources").rglob("microprofile-config.properties")):
            for line in source.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith(("#", "!")):
                    name, _, value = re.split(r"\s*([=:])\s*", line, maxsplit=1)
                    key_of(keys, name).read_by(f"{module} microprofile-config.properties", value)


def server_xml_keys(root, keys):
    text = (root / LIBERTY_CONFIG / "server.xml").read_text(encoding="utf-8")
    declared = set()
    for match in re.finditer(r"<variable\s+([^>]*?)/?>", text, re.S):
        attrs = dict(re.findall(r"(\w+)=\"([^\"]*)\"", match.group(1)))
        declared.add(attrs["name"])
        key_of(keys, attrs["name"]).read_by("server.xml", attrs.get("defaultValue", attrs.get("value", NO_DEFAULT)))
    for name in sorted(set(re.findall(r"\$\{([^}]+)\}", text)) - declared):
        if not LIBERTY_BUILT_INS.match(name):
            key_of(keys, name).read_by("server.xml", NO_DEFAULT)


def bootstrap_keys(root, keys):
    """Liberty's start-up properties (logging, and any MicroProfile key the runtime needs before the server)."""
    for line in (root / LIBERTY_CONFIG / BOOTSTRAP).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "!")):
            name, _, value = re.split(r"\s*([=:])\s*", line, maxsplit=1)
            key_of(keys, name).read_by(BOOTSTRAP, value)


def redisson_keys(root, keys):
    text = (root / LIBERTY_CONFIG / "redisson.yaml").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    for name in sorted(set(re.findall(r"\$\{([^}]+)\}", body))):
        key_of(keys, name).read_by("redisson.yaml", NO_DEFAULT)


def key_of(keys, name):
    return keys.setdefault(name, Key(name))


def collect(root=ROOT):
    """Every key the code under root reads, by name."""
    keys = {}
    java_keys(root, keys)
    properties_keys(root, keys)
    server_xml_keys(root, keys)
    bootstrap_keys(root, keys)
    redisson_keys(root, keys)
    return keys


def section_of(name):
    """lotabots.db.url -> lotabots.db, mp.openapi.filter -> mp.openapi, com.ibm.ws.logging.x -> com.ibm.ws.logging"""
    return ".".join(name.split(".")[: 4 if name.startswith("com.ibm.ws.") else 2])


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ").strip()


def shown_default(k):
    values = sorted(set(k.defaults.values()))
    if not values:
        return "none"
    return ", ".join("empty" if v == "" else f"`{cell(v)}`" for v in values)


def render(keys, meanings):
    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated by build/config_reference.py from the code and docs/configuration-meanings.yaml;",
        "     edit the meanings there, never this file. ./mvnw verify fails when this file is stale. -->",
        "",
        "Every key the server reads: MicroProfile Config properties (`@ConfigProperty`, `Config` lookups,",
        "`microprofile-config.properties`), `server.xml` variables, Liberty's start-up properties",
        "(`bootstrap.properties`) and the placeholders of `redisson.yaml`, collected from the code by",
        "`build/config_reference.py`. Set a key as an environment variable (its",
        "upper-case form, every other character an underscore: the second column), a system property, or in",
        "`server.env`; Liberty resolves its `server.xml` variables from the same environment variables.",
        "Liberty's start-up properties are set in `bootstrap.properties` itself. A default of *none* means",
        "the key is optional or the server derives its value (the meaning says how).",
        "",
    ]
    for section in sorted({section_of(n) for n in keys}):
        lines += [f"## `{section}`", "", "| Key | Environment variable | Default | Meaning | Read by |", "|---|---|---|---|---|"]
        for name in sorted(n for n in keys if section_of(n) == section):
            k = keys[name]
            readers = ", ".join(f"`{r}`" for r in sorted(k.readers))
            env = f"`{k.env}`" if k.env else f"— (in `{BOOTSTRAP}`)"
            lines.append(f"| `{name}` | {env} | {shown_default(k)} | {cell(meanings[name])} | {readers} |")
        lines.append("")
    return "\n".join(lines)


def problems_of(keys, meanings):
    problems = []
    for name in sorted(set(keys) - set(meanings)):
        problems.append(f"{name}: read by {', '.join(sorted(keys[name].readers))} but has no meaning in {MEANINGS}")
    for name in sorted(set(meanings) - set(keys)):
        problems.append(f"{name}: has a meaning in {MEANINGS} but nothing reads it")
    for name, meaning in sorted(meanings.items()):
        if name in keys and not (isinstance(meaning, str) and meaning.strip()):
            problems.append(f"{name}: its meaning in {MEANINGS} is empty")
    for name, k in sorted(keys.items()):
        if len(set(k.defaults.values())) > 1:
            given = ", ".join(f"{r}: '{v}'" for r, v in sorted(k.defaults.items()))
            problems.append(f"{name}: different defaults ({given})")
    return problems


def main(argv, root=ROOT):
    keys = collect(root)
    meanings = yaml.safe_load((root / MEANINGS).read_text(encoding="utf-8")) or {}
    problems = problems_of(keys, meanings)
    if problems:
        print("[lotabots] configuration reference:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    text = render(keys, meanings)
    reference = root / REFERENCE
    current = reference.read_text(encoding="utf-8") if reference.exists() else None
    if current != text:
        reference.write_text(text, encoding="utf-8")
        if "--write" not in argv:
            print(f"[lotabots] {REFERENCE} was stale and has been regenerated: commit it", file=sys.stderr)
            return 1
    print(f"[lotabots] configuration reference: {len(keys)} keys, each with a meaning, {REFERENCE} current")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
