package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleValue;
import io.lotabots.attestation.model.pickle.PickleValue.Global;
import io.lotabots.attestation.model.pickle.PickleValue.Int;
import io.lotabots.attestation.model.pickle.PickleValue.Persistent;
import io.lotabots.attestation.model.pickle.PickleValue.Text;
import io.lotabots.attestation.model.pickle.PickleValue.Tuple;
import io.lotabots.attestation.model.scan.ScanContext;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The storages a torch pickle refers to through persistent ids ({@code ('storage', torch.FloatStorage, key,
 * location, numel[, view])}), each with the bytes torch will read for it. torch does not compare a storage
 * record's size with these bytes, so a short record makes tensors point past their memory: every id is checked here.
 */
final class TorchStorages implements Consumer<Persistent> {

    private static final Map<String, Integer> ELEMENT_BYTES = Map.ofEntries(
            Map.entry("BoolStorage", 1),
            Map.entry("ByteStorage", 1),
            Map.entry("CharStorage", 1),
            Map.entry("QInt8Storage", 1),
            Map.entry("QUInt8Storage", 1),
            Map.entry("QUInt4x2Storage", 1),
            Map.entry("QUInt2x4Storage", 1),
            Map.entry("UntypedStorage", 1),
            Map.entry("ShortStorage", 2),
            Map.entry("HalfStorage", 2),
            Map.entry("BFloat16Storage", 2),
            Map.entry("IntStorage", 4),
            Map.entry("FloatStorage", 4),
            Map.entry("QInt32Storage", 4),
            Map.entry("LongStorage", 8),
            Map.entry("DoubleStorage", 8),
            Map.entry("ComplexFloatStorage", 8),
            Map.entry("ComplexDoubleStorage", 16));

    /** A referenced storage: its element count and bytes. */
    record Storage(BigInteger elements, int elementBytes) {
        BigInteger bytes() {
            return elements.multiply(BigInteger.valueOf(elementBytes));
        }
    }

    private final ScanContext context;
    private final Map<String, Storage> byKey = new LinkedHashMap<>();

    TorchStorages(ScanContext context) {
        this.context = context;
    }

    Map<String, Storage> byKey() {
        return byKey;
    }

    @Override
    public void accept(Persistent persistent) {
        PickleValue id = persistent.id();
        if (!(id instanceof Tuple tuple)
                || tuple.items().size() < 5
                || tuple.items().size() > 6
                || !(tuple.items().get(0) instanceof Text typename)
                || !typename.value().equals("storage")
                || !(tuple.items().get(1) instanceof Global type)
                || !(tuple.items().get(2) instanceof Text key)
                || !key.complete()
                || !(tuple.items().get(4) instanceof Int numel)
                || numel.value() == null
                || numel.value().signum() < 0) {
            context.report(
                    "torch.bad-persistent-id",
                    ModelRisk.MALFORMED,
                    "a persistent id is not ('storage', storage type, key, location, size): " + id.describe());
            return;
        }
        Integer width = type.module().startsWith("torch") ? ELEMENT_BYTES.get(type.name()) : null;
        if (width == null) {
            context.report(
                    "torch.bad-persistent-id",
                    ModelRisk.MALFORMED,
                    "storage '" + key.value() + "' has the type " + type.qualifiedName() + ", no torch storage");
            return;
        }
        var storage = new Storage(numel.value(), width);
        Storage earlier = byKey.putIfAbsent(key.value(), storage);
        if (earlier != null && !earlier.bytes().equals(storage.bytes())) {
            context.report(
                    "torch.storage-size",
                    ModelRisk.MALFORMED,
                    "storage '" + key.value() + "' is referenced with " + earlier.bytes() + " and " + storage.bytes()
                            + " bytes");
        }
    }
}
