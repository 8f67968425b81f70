package io.lotabots.attestation.model.signing;

import io.lotabots.model.control.ModelFile;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The root digest model_signing would sign for a model's files with its defaults (files method, SHA-256, git's
 * files at the top level and the signature file left out, symbolic links not followed and so left out here):
 * SHA-256 over the files' raw digests in model_signing's order. A model without a valid signature is named by it,
 * so that a signed and an unsigned copy of the same files carry the same digest.
 */
public final class ModelRootDigest {

    /**
     * model_signing's order: Python's {@code PurePosixPath} ordering, segment by segment by code point, so
     * {@code a/b} sorts before {@code a-b} (plain string order would put it after).
     */
    static final Comparator<String> PATH_ORDER = (left, right) -> {
        String[] a = left.split("/", -1);
        String[] b = right.split("/", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int segment = compareCodePoints(a[i], b[i]);
            if (segment != 0) {
                return segment;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    private ModelRootDigest() {}

    public static String ofFiles(List<ModelFile> files, String signaturePath) {
        Exclusions exclusions = Exclusions.of(signaturePath, List.of(), List.of());
        MessageDigest sha256 = PublicKeyHint.sha256();
        HexFormat hex = HexFormat.of();
        files.stream()
                .filter(file -> !file.symlink() && exclusions.covering(file.path()) == null)
                .sorted(Comparator.comparing(ModelFile::path, PATH_ORDER))
                .forEach(file -> sha256.update(hex.parseHex(file.sha256())));
        return hex.formatHex(sha256.digest());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
