package io.lotabots.attestation.model.signing;

/**
 * Paths inside a model as model_signing writes them: '/'-separated, relative, normalized. A resource or ignore
 * path that is not normalized could name something other than what a reader of the manifest sees (an ignore
 * path "." would leave the whole model unsigned), so such a signature is refused rather than interpreted.
 */
final class ModelPaths {

    private ModelPaths() {}

    static boolean isNormalRelative(String path) {
        if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code prefix} is {@code path} or one of its parent folders (pathlib's {@code is_relative_to}). */
    static boolean within(String path, String prefix) {
        return path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
