package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import java.util.HashSet;
import java.util.Set;

/**
 * The names inside an archive, checked as an extractor would use them: an absolute path or a {@code ..} step
 * writes outside the target folder (unsafe), a backslash is a separator on Windows (suspicious unless it also
 * climbs), an empty name or a NUL byte is no name at all, and a name used twice means two readers may pick
 * different members.
 */
public final class EntryPaths {

    private final String prefix;
    private final Set<String> seen = new HashSet<>();

    /** {@code prefix} names the rules: {@code container} for archive entries, {@code model} for stored files. */
    public EntryPaths(String prefix) {
        this.prefix = prefix;
    }

    /** Reports what is wrong with {@code name}; returns false when it cannot be used as a path at all. */
    public boolean check(ScanContext context, String name, long offset) {
        if (!seen.add(name)) {
            context.report(
                    prefix + ".duplicate-entry",
                    ModelRisk.MALFORMED,
                    offset,
                    "'" + shown(name)
                            + "' appears more than once; loaders and extractors may each pick a different one");
        }
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            context.report(
                    prefix + ".bad-name", ModelRisk.MALFORMED, offset, "an entry has an empty name or a NUL byte");
            return false;
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            context.report(
                    prefix + ".absolute-path",
                    ModelRisk.UNSAFE,
                    offset,
                    "'" + shown(name) + "' is an absolute path: extracting it writes outside the target folder");
            return true;
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                context.report(
                        prefix + ".path-traversal",
                        ModelRisk.UNSAFE,
                        offset,
                        "'" + shown(name) + "' climbs with '..': extracting it writes outside the target folder");
                return true;
            }
        }
        if (name.indexOf('\\') >= 0) {
            context.report(
                    prefix + ".backslash-path",
                    ModelRisk.SUSPICIOUS,
                    offset,
                    "'" + shown(name) + "' uses a backslash, a folder separator on Windows only");
        }
        return true;
    }

    /** Reports a symbolic or hard link: unsafe if its target leaves the archive, suspicious otherwise. */
    public static void link(
            ScanContext context, String rulePrefix, String name, String target, long offset, boolean hard) {
        boolean escapes = target.startsWith("/") || target.startsWith("\\") || target.matches("^[A-Za-z]:.*");
        for (String part : target.split("[/\\\\]")) {
            escapes |= part.equals("..");
        }
        context.report(
                rulePrefix + (hard ? ".hard-link" : ".symlink"),
                escapes ? ModelRisk.UNSAFE : ModelRisk.SUSPICIOUS,
                offset,
                "'" + shown(name) + "' is a " + (hard ? "hard" : "symbolic") + " link to '" + shown(target) + "'"
                        + (escapes ? ", outside the archive" : "; its target is scanned as its own entry"));
    }

    static String shown(String name) {
        String text = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
