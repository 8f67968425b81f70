package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.control.ModelRisk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges what a pickle imports, allow-list first: a global the allow-list names exactly (tensors, storages,
 * OrderedDict, numpy reconstruction, primitive containers) is safe; one the deny-list covers is unsafe; every
 * other one is suspicious. A name is judged as written and as Python 3 renames Python 2 names, and a dotted name
 * (protocol 4 walks attributes: {@code posixpath} + {@code os.system} is {@code os.system}) as every module the
 * walk may pass through; the worst reading wins, and a walk through a dunder attribute is unsafe outright.
 * The lists are {@code allow-list.txt}, {@code deny-list.txt} and {@code compat-names.txt} beside this class.
 */
public final class GlobalPolicy {

    private static final GlobalPolicy STANDARD = load();

    private final Set<String> allowed;
    private final Map<String, List<String>> denied;
    private final Map<String, String> moduleRenames;
    private final Map<String, String> nameRenames;

    private GlobalPolicy(
            Set<String> allowed,
            Map<String, List<String>> denied,
            Map<String, String> moduleRenames,
            Map<String, String> nameRenames) {
        this.allowed = allowed;
        this.denied = denied;
        this.moduleRenames = moduleRenames;
        this.nameRenames = nameRenames;
    }

    public static GlobalPolicy standard() {
        return STANDARD;
    }

    public ImportVerdict judge(String module, String name) {
        String written = module + "." + name;
        List<String[]> readings = readings(module, name);
        for (String[] reading : readings) {
            String[] parts = reading[1].split("\\.", -1);
            for (String part : parts) {
                if (parts.length > 1 && part.length() > 4 && part.startsWith("__") && part.endsWith("__")) {
                    return new ImportVerdict(
                            ModelRisk.UNSAFE,
                            "pickle.dunder-walk",
                            written,
                            "walks through the attribute '" + part + "', which reaches interpreter internals");
                }
            }
            for (String[] candidate : walkTargets(reading[0], parts)) {
                if (isDenied(candidate[0], candidate[1])) {
                    String target = candidate[0] + "." + candidate[1];
                    return new ImportVerdict(
                            ModelRisk.UNSAFE,
                            "pickle.denied-global",
                            target,
                            target.equals(written)
                                    ? "on the deny-list"
                                    : "resolves to " + target + ", on the deny-list");
                }
            }
        }
        for (String[] reading : readings) {
            if (allowed.contains(reading[0] + "." + reading[1])) {
                return ImportVerdict.allowed(written);
            }
        }
        return new ImportVerdict(
                ModelRisk.SUSPICIOUS,
                "pickle.unlisted-global",
                written,
                "not on the allow-list of globals that build plain data");
    }

    private List<String[]> readings(String module, String name) {
        List<String[]> readings = new ArrayList<>();
        readings.add(new String[] {module, name});
        String renamed = nameRenames.get(module + " " + name);
        if (renamed != null) {
            int space = renamed.indexOf(' ');
            readings.add(new String[] {renamed.substring(0, space), renamed.substring(space + 1)});
        } else if (moduleRenames.containsKey(module)) {
            readings.add(new String[] {moduleRenames.get(module), name});
        }
        return readings;
    }

    /**
     * The (module, name) pairs a dotted attribute walk may end at: the name in the module itself, the rest of the
     * walk in a submodule, and the rest in a module the walk passes through under its own name ({@code os}), or
     * under a private alias ({@code _os}, {@code __builtins__}).
     */
    private static List<String[]> walkTargets(String module, String[] parts) {
        List<String[]> targets = new ArrayList<>();
        targets.add(new String[] {module, String.join(".", parts)});
        for (int i = 0; i < parts.length - 1; i++) {
            String rest = String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
            String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i + 1));
            targets.add(new String[] {module + "." + prefix, rest});
            targets.add(new String[] {parts[i], rest});
            String bare = parts[i].replaceAll("^_+|_+$", "");
            if (!bare.isEmpty() && !bare.equals(parts[i])) {
                targets.add(new String[] {bare, rest});
            }
        }
        return targets;
    }

    private boolean isDenied(String module, String name) {
        List<String> names = denied.get(module);
        if (names != null) {
            for (String entry : names) {
                if (entry.equals("*")
                        || entry.equals(name)
                        || name.startsWith(entry + ".")
                        || (entry.endsWith("*") && name.startsWith(entry.substring(0, entry.length() - 1)))) {
                    return true;
                }
            }
        }
        for (int dot = module.lastIndexOf('.'); dot > 0; dot = module.lastIndexOf('.', dot - 1)) {
            List<String> parent = denied.get(module.substring(0, dot));
            if (parent != null && parent.contains("*")) {
                return true;
            }
        }
        return false;
    }

    private static GlobalPolicy load() {
        Set<String> allowed = new HashSet<>();
        for (String[] words : lines("allow-list.txt")) {
            for (int i = 1; i < words.length; i++) {
                allowed.add(words[0] + "." + words[i]);
            }
        }
        Map<String, List<String>> denied = new HashMap<>();
        for (String[] words : lines("deny-list.txt")) {
            var names = denied.computeIfAbsent(words[0], m -> new ArrayList<>());
            names.addAll(List.of(words).subList(1, words.length));
        }
        Map<String, String> moduleRenames = new HashMap<>();
        Map<String, String> nameRenames = new HashMap<>();
        for (String[] words : lines("compat-names.txt")) {
            if (words.length == 2) {
                moduleRenames.put(words[0], words[1]);
            } else if (words.length == 4) {
                nameRenames.put(words[0] + " " + words[1], words[2] + " " + words[3]);
            } else {
                throw new IllegalStateException("compat-names.txt: a line of " + words.length + " words");
            }
        }
        return new GlobalPolicy(
                Set.copyOf(allowed), Map.copyOf(denied), Map.copyOf(moduleRenames), Map.copyOf(nameRenames));
    }

    private static List<String[]> lines(String resource) {
        var stream = GlobalPolicy.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing " + resource);
        }
        List<String[]> lines = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    lines.add(text.split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
