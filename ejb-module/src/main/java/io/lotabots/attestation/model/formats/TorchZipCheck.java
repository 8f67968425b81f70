package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.containers.ZipArchive;
import io.lotabots.attestation.model.containers.ZipEntry;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleScanner;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PyTorch zip checkpoint ({@code torch.save} since 1.6): torch takes the archive's folder from its first
 * record and reads {@code <folder>/data.pkl} with persistent ids naming raw storages {@code <folder>/data/<key>}.
 * The pickle is scanned with those ids collected; each storage must exist with exactly the bytes its id
 * declares; a version record must exist; records torch never reads (other folders, unreferenced storages) are
 * reported and scanned as content; TorchScript code is suspicious. Every other record is scanned as content.
 */
public final class TorchZipCheck {

    private final PickleScanner pickles;

    public TorchZipCheck(PickleScanner pickles) {
        this.pickles = pickles;
    }

    /** Whether the archive is a torch checkpoint: its first record's folder holds a {@code data.pkl}. */
    public static boolean isTorch(List<ZipEntry> members) {
        String root = root(members);
        return root != null && members.stream().anyMatch(e -> e.name().equals(root + "/data.pkl"));
    }

    public ModelFormat check(ScanContext context, ZipArchive archive) throws IOException {
        List<ZipEntry> members = archive.members();
        String root = root(members);
        Map<String, ZipEntry> byName = new HashMap<>();
        boolean torchScript = false;
        for (ZipEntry entry : members) {
            byName.put(entry.name(), entry);
            if (!entry.name().startsWith(root + "/")) {
                context.report(
                        "torch.foreign-record",
                        ModelRisk.SUSPICIOUS,
                        entry.localHeaderOffset(),
                        "'" + entry.name() + "' is outside the folder '" + root + "' that torch.load reads");
            }
            torchScript |=
                    entry.name().equals(root + "/constants.pkl") || entry.name().startsWith(root + "/code/");
        }
        if (!byName.containsKey(root + "/version") && !byName.containsKey(root + "/.data/version")) {
            context.report("torch.missing-version", ModelRisk.MALFORMED, "the checkpoint has no version record");
        }
        if (torchScript) {
            context.report(
                    "torch.torchscript",
                    ModelRisk.SUSPICIOUS,
                    "the checkpoint carries TorchScript (code/ or constants.pkl): torch.load hands it to torch.jit.load, "
                            + "which runs its program");
        }
        String pickleName = root + "/data.pkl";
        var storages = dataPickle(context, archive, byName.get(pickleName), pickleName);
        Set<String> data = new HashSet<>();
        data.add(pickleName);
        if (storages != null) {
            storageRecords(context, root, byName, storages, data);
        }
        for (ZipEntry entry : members) {
            if (entry.name().startsWith(root + "/data/") && !data.contains(entry.name())) {
                context.report(
                        "torch.unreferenced-record",
                        ModelRisk.SUSPICIOUS,
                        entry.localHeaderOffset(),
                        "'" + entry.name() + "' is a storage record no tensor refers to; it was scanned as content");
            }
        }
        archive.scanMembers(data);
        return torchScript ? ModelFormat.TORCHSCRIPT : ModelFormat.PYTORCH_ZIP;
    }

    private Map<String, TorchStorages.Storage> dataPickle(
            ScanContext context, ZipArchive archive, ZipEntry entry, String name) throws IOException {
        ScanContext pickle = context.member(name);
        if (pickle == null) {
            return null;
        }
        var storages = new TorchStorages(pickle);
        try (var content = archive.open(entry)) {
            if (content == null) {
                return null;
            }
            try (var in = new ModelInput(content.source(), "pickle")) {
                var stream = pickles.scanOne(pickle, in, storages);
                if (stream.complete() && !in.atLimit()) {
                    pickle.report(
                            "torch.trailing-bytes",
                            ModelRisk.MALFORMED,
                            in.position(),
                            in.remaining() + " bytes follow the pickle that torch.load reads");
                }
            }
        } catch (MalformedModelException e) {
            pickle.report(e);
        }
        return storages.byKey();
    }

    private static void storageRecords(
            ScanContext context,
            String root,
            Map<String, ZipEntry> byName,
            Map<String, TorchStorages.Storage> storages,
            Set<String> data) {
        for (var storage : storages.entrySet()) {
            String name = root + "/data/" + storage.getKey();
            ZipEntry record = byName.get(name);
            if (record == null) {
                context.report(
                        "torch.storage-missing",
                        ModelRisk.MALFORMED,
                        "storage '" + storage.getKey() + "' has no record '" + name + "'");
                continue;
            }
            data.add(name);
            BigInteger expected = storage.getValue().bytes();
            if (!expected.equals(BigInteger.valueOf(record.size()))) {
                context.report(
                        "torch.storage-size",
                        ModelRisk.MALFORMED,
                        record.localHeaderOffset(),
                        "storage record '" + name + "' has " + record.size() + " bytes but its tensor data needs "
                                + expected + "; torch would read past it");
            }
        }
    }

    /** torch's archive folder: the first record's name up to its first '/'. */
    private static String root(List<ZipEntry> members) {
        if (members.isEmpty()) {
            return null;
        }
        String first = members.get(0).name();
        int slash = first.indexOf('/');
        return slash <= 0 ? null : first.substring(0, slash);
    }
}
