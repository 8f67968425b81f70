package io.lotabots.attestation.model.signing;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed resources against the model's actual files: the two sets must be equal, every digest the same.
 * A whole file's digest is the one recorded while the file was received (the stored model is immutable and that
 * digest was computed over exactly the stored bytes, so reading gigabytes again would prove nothing new); a shard
 * is read back through {@link ModelTree#open(String, long, long)} and digested, except one that spans its whole
 * file, whose digest is that file's.
 */
final class ManifestMatcher {

    record Match(List<Finding> mismatches, List<Finding> notes) {}

    private static final int BUFFER_BYTES = 256 * 1024;

    private final ModelTree tree;
    private final ModelInventory inventory;
    private final Exclusions exclusions;
    private final boolean ignoreUnsignedFiles;
    private final List<Finding> mismatches = new ArrayList<>();
    private final List<Finding> notes = new ArrayList<>();
    private byte[] buffer;

    private ManifestMatcher(ModelTree tree, ModelInventory inventory, Exclusions exclusions, boolean ignoreUnsigned) {
        this.tree = tree;
        this.inventory = inventory;
        this.exclusions = exclusions;
        this.ignoreUnsignedFiles = ignoreUnsigned;
    }

    static Match match(
            SignedManifest manifest,
            ModelTree tree,
            ModelInventory inventory,
            Exclusions exclusions,
            boolean ignoreUnsignedFiles)
            throws IOException {
        ManifestMatcher matcher = new ManifestMatcher(tree, inventory, exclusions, ignoreUnsignedFiles);
        matcher.mismatches.addAll(inventory.problems());
        Map<String, List<SignedResource>> signed = new LinkedHashMap<>();
        manifest.resources().forEach(r -> signed.computeIfAbsent(r.path(), path -> new ArrayList<>())
                .add(r));
        for (Map.Entry<String, List<SignedResource>> entry : signed.entrySet()) {
            ModelFile actual = matcher.signedFile(entry.getKey());
            if (actual == null) {
                continue;
            }
            if (manifest.serialization().sharded()) {
                matcher.matchShards(
                        actual,
                        entry.getKey(),
                        entry.getValue(),
                        manifest.serialization().shardSize());
            } else {
                matcher.matchFile(actual, entry.getValue().get(0));
            }
        }
        for (Map.Entry<String, ModelFile> file : inventory.files().entrySet()) {
            boolean omitted =
                    manifest.serialization().sharded() && file.getValue().size() == 0;
            if (!signed.containsKey(file.getKey()) && !omitted) {
                matcher.unsigned(file.getKey());
            }
        }
        return new Match(sorted(matcher.mismatches), sorted(matcher.notes));
    }

    /** The actual file a signed path stands for, or null after reporting why there is none to compare. */
    private ModelFile signedFile(String path) {
        String exclusion = exclusions.covering(path);
        if (exclusion != null) {
            mismatches.add(SignatureFindings.invalid(
                    path,
                    SignatureRules.FILE_EXCLUDED,
                    "signed, but '" + exclusion
                            + "' leaves it out of the files compared (model_signing refuses such a signature too)"));
            return null;
        }
        ModelFile actual = inventory.files().get(path);
        boolean reported = inventory.problems().stream().anyMatch(f -> f.file().equals(path));
        if (actual == null && !reported) {
            mismatches.add(
                    SignatureFindings.invalid(path, SignatureRules.FILE_MISSING, "signed, but not in the model"));
        }
        return actual;
    }

    private void matchFile(ModelFile actual, SignedResource resource) {
        if (!actual.sha256().equalsIgnoreCase(resource.digest())) {
            mismatches.add(SignatureFindings.invalid(
                    resource.path(),
                    SignatureRules.DIGEST_MISMATCH,
                    "signed with SHA-256 " + resource.digest() + ", the model's file has " + actual.sha256()));
        }
    }

    private void matchShards(ModelFile actual, String path, List<SignedResource> shards, long shardSize)
            throws IOException {
        shards.sort(Comparator.comparingLong(SignedResource::start));
        long size = actual.size();
        long expected = size == 0 ? 0 : (size - 1) / shardSize + 1;
        boolean ranges = shards.size() == expected;
        for (int i = 0; ranges && i < shards.size(); i++) {
            long start = i * shardSize;
            ranges = shards.get(i).start() == start && shards.get(i).end() == Math.min(start + shardSize, size);
        }
        if (!ranges) {
            long covered = shards.stream().mapToLong(s -> s.end() - s.start()).sum();
            mismatches.add(SignatureFindings.invalid(
                    path,
                    SignatureRules.SHARD_RANGE_MISMATCH,
                    "signed as "
                            + shards.size() + " shards covering " + covered + " bytes; the file has " + size
                            + " bytes, which in shards of " + shardSize + " bytes are " + expected + " shards"));
            return;
        }
        for (SignedResource shard : shards) {
            String digest = shard.start() == 0 && shard.end() == size
                    ? actual.sha256()
                    : sha256(actual.path(), shard.start(), shard.end());
            if (!digest.equalsIgnoreCase(shard.digest())) {
                mismatches.add(SignatureFindings.at(
                        path,
                        shard.start(),
                        SignatureRules.DIGEST_MISMATCH,
                        SignatureStatus.INVALID,
                        "bytes [" + shard.start() + ", " + shard.end() + ") signed with SHA-256 " + shard.digest()
                                + ", the model's bytes have " + digest));
            }
        }
    }

    private void unsigned(String path) {
        if (ignoreUnsignedFiles) {
            notes.add(SignatureFindings.note(
                    path, SignatureRules.FILE_UNSIGNED, "not signed; accepted because unsigned files are ignored"));
        } else {
            mismatches.add(SignatureFindings.invalid(path, SignatureRules.FILE_EXTRA, "in the model, but not signed"));
        }
    }

    private String sha256(String path, long start, long end) throws IOException {
        if (buffer == null) {
            buffer = new byte[BUFFER_BYTES];
        }
        MessageDigest sha256 = PublicKeyHint.sha256();
        long remaining = end - start;
        try (InputStream in = tree.open(path, start, end)) {
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new EOFException(path + " ended " + remaining + " bytes before " + end);
                }
                sha256.update(buffer, 0, read);
                remaining -= read;
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static List<Finding> sorted(List<Finding> findings) {
        findings.sort(Comparator.comparing(Finding::file)
                .thenComparing(f -> f.offset() == null ? -1L : f.offset())
                .thenComparing(Finding::rule));
        return List.copyOf(findings);
    }
}
