package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleScanner;
import io.lotabots.attestation.model.pickle.PickleStream;
import io.lotabots.attestation.model.pickle.PickleValue.Container;
import io.lotabots.attestation.model.pickle.PickleValue.Int;
import io.lotabots.attestation.model.pickle.PickleValue.Text;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A file that starts with a pickle. If its first stream is torch's legacy magic number it is a legacy checkpoint
 * ({@code _use_new_zipfile_serialization=False}): magic, protocol 1001, sys_info, the object (with storage ids),
 * the sorted storage keys, then for each key a u64 element count and the raw bytes, to the exact end of the file.
 * Otherwise every stream of the file is scanned, to its end: bytes after the last stream that are no pickle are
 * reported.
 */
public final class PickleFileCheck {

    static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private final PickleScanner pickles;

    public PickleFileCheck(PickleScanner pickles) {
        this.pickles = pickles;
    }

    public ModelFormat check(ScanContext context, ByteSource source) {
        try (var in = new ModelInput(source, "pickle")) {
            PickleStream first = pickles.scanOne(context, in, null);
            if (!first.complete()) {
                return ModelFormat.PICKLE;
            }
            if (first.value() instanceof Int magic && LEGACY_MAGIC.equals(magic.value())) {
                legacy(context, in);
                return ModelFormat.PYTORCH_LEGACY;
            }
            pickles.scanRest(context, in, null);
            return ModelFormat.PICKLE;
        }
    }

    private void legacy(ScanContext context, ModelInput in) {
        PickleStream protocol = pickles.scanOne(context, in, null);
        if (!protocol.complete()) {
            return;
        }
        if (!(protocol.value() instanceof Int version)
                || !BigInteger.valueOf(1001).equals(version.value())) {
            context.report(
                    "torch.legacy-structure",
                    ModelRisk.MALFORMED,
                    protocol.start(),
                    "the second pickle of a legacy checkpoint is not the protocol version 1001");
        }
        PickleStream sysInfo = pickles.scanOne(context, in, null);
        if (!sysInfo.complete()) {
            return;
        }
        var storages = new TorchStorages(context);
        PickleStream object = pickles.scanOne(context, in, storages);
        if (!object.complete()) {
            return;
        }
        PickleStream keys = pickles.scanOne(context, in, null);
        if (!keys.complete()) {
            return;
        }
        List<String> order = keys(keys);
        if (order == null) {
            context.report(
                    "torch.legacy-structure",
                    ModelRisk.MALFORMED,
                    keys.start(),
                    "the fifth pickle of a legacy checkpoint is not the list of storage keys");
            return;
        }
        rawStorages(context, in, order, storages.byKey());
    }

    private static List<String> keys(PickleStream stream) {
        if (!(stream.value() instanceof Container list) || list.kind() != Container.Kind.LIST || list.truncated()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (var item : list.items()) {
            if (!(item instanceof Text text) || !text.complete()) {
                return null;
            }
            keys.add(text.value());
        }
        return keys;
    }

    private static void rawStorages(
            ScanContext context, ModelInput in, List<String> order, Map<String, TorchStorages.Storage> storages) {
        var seen = new HashSet<String>();
        try {
            for (String key : order) {
                long at = in.position();
                TorchStorages.Storage storage = storages.get(key);
                if (in.remaining() < 8) {
                    throw truncated(at, key);
                }
                long count = in.u64();
                if (storage == null || !seen.add(key)) {
                    throw new MalformedModelException(
                            "torch.legacy-structure",
                            at,
                            "storage '" + key + "' is listed but no tensor refers to it, " + "or it is listed twice");
                }
                if (count < 0 || !BigInteger.valueOf(count).equals(storage.elements())) {
                    throw new MalformedModelException(
                            "torch.storage-size",
                            at,
                            "storage '" + key + "' holds " + Long.toUnsignedString(count)
                                    + " elements but its tensors declare " + storage.elements());
                }
                long bytes = storage.bytes().longValueExact();
                if (bytes > in.remaining()) {
                    throw truncated(at, key);
                }
                in.skip(bytes);
            }
        } catch (ArithmeticException e) {
            throw new MalformedModelException(
                    "torch.storage-size", in.position(), "a storage is larger than 2^63 bytes");
        }
        for (String key : storages.keySet()) {
            if (!seen.contains(key)) {
                context.report(
                        "torch.storage-missing",
                        ModelRisk.MALFORMED,
                        in.position(),
                        "storage '" + key + "' is referred to but not among the stored storages");
            }
        }
        if (!in.atLimit()) {
            context.report(
                    "torch.trailing-bytes",
                    ModelRisk.MALFORMED,
                    in.position(),
                    in.remaining() + " bytes follow the last storage; no loader reads them");
        }
    }

    private static MalformedModelException truncated(long at, String key) {
        return new MalformedModelException("torch.storage-truncated", at, "the file ends inside storage '" + key + "'");
    }
}
