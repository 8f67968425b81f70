package io.lotabots.attestation.model.pickle;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.finding;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ScanLimits;
import io.lotabots.attestation.model.testing.PickleBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PickleMachineTest {

    private static final String CMD = "echo x";

    @Test
    void aReduceOfOsSystemThroughGlobalIsUnsafeAndNamesTheGlobalAndOpcode() {
        byte[] pickle = PickleBytes.proto(2)
                .global("os", "system")
                .str(CMD)
                .tuple1()
                .reduce()
                .stop()
                .build();

        var file = scan("m.pkl", pickle);

        assertEquals(ModelFormat.PICKLE, file.format());
        var f = finding(file, "pickle.denied-global");
        assertEquals(ModelRisk.UNSAFE, f.severity());
        assertEquals("os.system", f.global());
        assertEquals("GLOBAL", f.opcode());
        assertEquals(2L, f.offset());
        assertEquals("m.pkl", f.file());
        assertNull(f.entry());
    }

    @Test
    void stackGlobalOperandsFetchedFromTheMemoAreResolved() {
        byte[] pickle = PickleBytes.proto(4)
                .str("os")
                .memoize()
                .str("decoy")
                .memoize()
                .str("system")
                .memoize()
                .op('0')
                .op('0')
                .op('0')
                .str("collections")
                .str("OrderedDict")
                .op('0')
                .op('0')
                .binget(0)
                .binget(2)
                .stackGlobal()
                .str(CMD)
                .tuple1()
                .reduce()
                .stop()
                .build();

        var f = finding(scan("m.pkl", pickle), "pickle.denied-global");

        assertEquals("os.system", f.global());
        assertEquals("STACK_GLOBAL", f.opcode());
    }

    @Test
    void stackGlobalWithMemoSlotsOverwrittenByPutUsesTheLastValueStored() {
        byte[] pickle = PickleBytes.proto(4)
                .str("collections")
                .binput(0)
                .str("subprocess")
                .binput(0)
                .op('0')
                .op('0')
                .binget(0)
                .str("Popen")
                .stackGlobal()
                .str(CMD)
                .tuple1()
                .reduce()
                .stop()
                .build();

        assertEquals(
                "subprocess.Popen",
                finding(scan("m.pkl", pickle), "pickle.denied-global").global());
    }

    @Test
    void stackGlobalOperandsComputedByACallCannotBeResolvedAndAreUnsafe() {
        byte[] pickle = PickleBytes.proto(4)
                .global("builtins", "str")
                .str("o")
                .tuple1()
                .reduce()
                .str("system")
                .stackGlobal()
                .stop()
                .build();

        var file = scan("m.pkl", pickle);

        assertRule(file, "pickle.unresolved-global", ModelRisk.UNSAFE);
        assertEquals("STACK_GLOBAL", finding(file, "pickle.unresolved-global").opcode());
    }

    @Test
    void stackGlobalOfBytesOperandsIsUnresolvable() {
        byte[] pickle = PickleBytes.proto(4)
                .bytes(new byte[] {'o', 's'})
                .str("system")
                .stackGlobal()
                .stop()
                .build();

        assertRule(scan("m.pkl", pickle), "pickle.unresolved-global", ModelRisk.UNSAFE);
    }

    @Test
    void protocolFourDottedNamesAreJudgedAsTheirTarget() {
        byte[] pickle = PickleBytes.proto(4)
                .str("posixpath")
                .str("os.system")
                .stackGlobal()
                .str(CMD)
                .tuple1()
                .reduce()
                .stop()
                .build();

        var f = finding(scan("m.pkl", pickle), "pickle.denied-global");

        assertEquals("posixpath.os.system", f.global());
        assertTrue(f.detail().contains("resolves to os.system"), f.detail());
    }

    @Test
    void instImportsAndCalls() {
        byte[] pickle =
                PickleBytes.start().text("(S'" + CMD + "'\nios\nsystem\n.").build();

        var f = finding(scan("m.pkl", pickle), "pickle.denied-global");

        assertEquals("INST", f.opcode());
        assertEquals("os.system", f.global());
    }

    @Test
    void objCallsTheClassAfterTheMark() {
        byte[] pickle =
                PickleBytes.start().text("(cos\nsystem\nS'" + CMD + "'\no.").build();

        assertEquals(
                "os.system",
                finding(scan("m.pkl", pickle), "pickle.denied-global").global());
    }

    @Test
    void newobjAndNewobjExInstantiateTheImportedClass() {
        byte[] newobj = PickleBytes.proto(2)
                .global("subprocess", "Popen")
                .str(CMD)
                .tuple1()
                .op(0x81)
                .stop()
                .build();
        byte[] newobjEx = PickleBytes.proto(4)
                .str("subprocess")
                .str("Popen")
                .stackGlobal()
                .str(CMD)
                .tuple1()
                .op('}')
                .op(0x92)
                .stop()
                .build();

        assertRule(scan("a.pkl", newobj), "pickle.denied-global", ModelRisk.UNSAFE);
        assertRule(scan("b.pkl", newobjEx), "pickle.denied-global", ModelRisk.UNSAFE);
    }

    @Test
    void buildOnAnImportedObjectPatchesItAndIsUnsafeEvenWhenTheObjectIsAllowListed() {
        byte[] pickle = PickleBytes.proto(2)
                .global("collections", "OrderedDict")
                .op('N')
                .op('}')
                .binunicode("evil")
                .op(0x88)
                .op('s')
                .op(0x86)
                .op('b')
                .stop()
                .build();

        var f = finding(scan("m.pkl", pickle), "pickle.mutates-global");

        assertEquals(ModelRisk.UNSAFE, f.severity());
        assertEquals("BUILD", f.opcode());
        assertEquals("collections.OrderedDict", f.global());
    }

    @Test
    void setitemOnAnImportedObjectIsUnsafe() {
        byte[] pickle = PickleBytes.proto(2)
                .global("torch", "FloatStorage")
                .str("k")
                .str("v")
                .op('s')
                .stop()
                .build();

        assertRule(scan("m.pkl", pickle), "pickle.mutates-global", ModelRisk.UNSAFE);
    }

    @Test
    void buildOnAnInstanceBuiltByAnAllowedCallIsSafe() {
        byte[] pickle = PickleBytes.proto(2)
                .global("collections", "OrderedDict")
                .op(')')
                .reduce()
                .op('}')
                .op('b')
                .stop()
                .build();

        assertSafe(scan("m.pkl", pickle));
    }

    @Test
    void extensionCodesAreUnsafeWhateverTheyMap() {
        for (byte[] pickle : new byte[][] {
            PickleBytes.proto(2)
                    .op(0x82)
                    .raw(0xF0)
                    .str(CMD)
                    .tuple1()
                    .reduce()
                    .stop()
                    .build(),
            PickleBytes.proto(2).op(0x83).raw(0x34, 0x12).stop().build(),
            PickleBytes.proto(2).op(0x84).raw(1, 0, 0, 0).stop().build()
        }) {
            var f = finding(scan("m.pkl", pickle), "pickle.extension-code");
            assertEquals(ModelRisk.UNSAFE, f.severity());
            assertTrue(f.opcode().startsWith("EXT"));
        }
    }

    @Test
    void aDangerousCallFollowedByGarbageIsStillUnsafe() {
        byte[] pickle = PickleBytes.proto(2)
                .global("os", "system")
                .str(CMD)
                .tuple1()
                .reduce()
                .raw(0x07, 0x07)
                .build();

        var file = scan("m.pkl", pickle);

        assertEquals(ModelRisk.UNSAFE, file.risk());
        assertRule(file, "pickle.unknown-opcode", ModelRisk.MALFORMED);
    }

    @Test
    void aSecondStreamAfterABenignOneIsScanned() {
        byte[] first = PickleBytes.proto(2).op(']').stop().build();
        byte[] second = PickleBytes.proto(2)
                .global("os", "system")
                .str(CMD)
                .tuple1()
                .reduce()
                .stop()
                .build();

        var f = finding(scan("m.pkl", concat(first, second)), "pickle.denied-global");

        assertEquals((long) first.length + 2, f.offset());
    }

    @Test
    void bytesAfterTheLastStreamThatAreNoPickleAreMalformed() {
        byte[] pickle = concat(PickleBytes.proto(2).op(']').stop().build(), new byte[] {0x07, 1, 2});

        assertRule(scan("m.pkl", pickle), "pickle.trailing-bytes", ModelRisk.MALFORMED);
    }

    @Test
    void aPickleInsideAByteStringIsScannedAsNestedContent() {
        byte[] inner = PickleBytes.proto(2)
                .global("os", "system")
                .str(CMD)
                .tuple1()
                .reduce()
                .stop()
                .build();
        byte[] outer = PickleBytes.proto(4)
                .op('}')
                .str("blob")
                .bytes(inner)
                .op('s')
                .stop()
                .build();

        var f = finding(scan("m.pkl", outer), "pickle.denied-global");

        assertTrue(f.entry().startsWith("bytes@"), f.entry());
        assertEquals(ModelRisk.UNSAFE, f.severity());
    }

    @Test
    void aProtocolZeroPickleInsideAPythonTwoStringIsScanned() {
        byte[] inner = ("cos\nsystem\n(S'" + CMD + "'\ntR.").getBytes(StandardCharsets.ISO_8859_1);
        byte[] outer =
                PickleBytes.proto(2).op('U').raw(inner.length).raw(inner).stop().build();

        assertRule(scan("m.pkl", outer), "pickle.denied-global", ModelRisk.UNSAFE);
    }

    @Test
    void byteStringsOfPlainDataAreNoFinding() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        data[0] = (byte) 0x80;
        data[1] = 2;
        byte[] outer = PickleBytes.proto(4).bytes(data).stop().build();

        assertSafe(scan("m.pkl", outer));
    }

    @Test
    void everyProtocolOfAPlainDictIsSafe() {
        byte[] p0 = "(dp0\nVa\np1\nI1\ns.".getBytes(StandardCharsets.ISO_8859_1);
        byte[] p2 = PickleBytes.proto(2)
                .op('}')
                .str("a")
                .op('K')
                .raw(1)
                .op('s')
                .stop()
                .build();

        assertSafe(scan("a.pkl", p0));
        assertSafe(scan("b.pkl", p2));
    }

    @Test
    void anUnlistedGlobalIsSuspicious() {
        byte[] pickle = PickleBytes.proto(2)
                .global("sklearn.tree", "DecisionTreeClassifier")
                .op(')')
                .reduce()
                .stop()
                .build();

        assertRule(scan("m.pkl", pickle), "pickle.unlisted-global", ModelRisk.SUSPICIOUS);
    }

    @Test
    void callingSomethingOtherThanAnImportIsSuspicious() {
        byte[] pickle =
                PickleBytes.proto(2).str("not callable").op(')').reduce().stop().build();

        assertRule(scan("m.pkl", pickle), "pickle.indirect-call", ModelRisk.SUSPICIOUS);
    }

    @Test
    void aProtoOpcodeInTheMiddleOfAStreamIsSuspicious() {
        byte[] pickle = PickleBytes.proto(2).op('N').op(0x80).raw(4).stop().build();

        assertRule(scan("m.pkl", pickle), "pickle.misplaced-proto", ModelRisk.SUSPICIOUS);
    }

    @Test
    void structuralErrorsAreMalformedWithTheirRule() {
        assertRule(
                scan("a.pkl", PickleBytes.proto(2).reduce().stop().build()),
                "pickle.stack-underflow",
                ModelRisk.MALFORMED);
        assertRule(
                scan("b.pkl", PickleBytes.proto(2).binget(3).stop().build()),
                "pickle.memo-missing",
                ModelRisk.MALFORMED);
        assertRule(scan("c.pkl", PickleBytes.proto(2).op('e').stop().build()), "pickle.no-mark", ModelRisk.MALFORMED);
        assertRule(
                scan("d.pkl", PickleBytes.proto(2).op(0x80).raw(9).stop().build()),
                "pickle.unsupported-protocol",
                ModelRisk.MALFORMED);
        assertRule(scan("e.pkl", PickleBytes.proto(2).op('N').build()), "pickle.truncated", ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "f.pkl",
                        PickleBytes.proto(2).op('(').op('N').op('d').stop().build()),
                "pickle.odd-items",
                ModelRisk.MALFORMED);
        assertRule(
                scan("g.pkl", PickleBytes.proto(5).op(0x97).stop().build()),
                "pickle.out-of-band-buffer",
                ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "h.pkl",
                        PickleBytes.proto(2)
                                .op('X')
                                .raw(2, 0, 0, 0)
                                .raw(0xC3, 0x28)
                                .stop()
                                .build()),
                "pickle.bad-argument",
                ModelRisk.MALFORMED);
    }

    @Test
    void aGlobalNameLongerThanAnyModuleIsUnresolvedAndUnsafe() {
        byte[] pickle =
                PickleBytes.proto(2).op('c').text("a".repeat(70_000)).stop().build();

        var file = scan("m.pkl", pickle);

        assertRule(file, "pickle.unresolved-global", ModelRisk.UNSAFE);
        assertRule(file, "pickle.line-too-long", ModelRisk.MALFORMED);
    }

    @Test
    void encodedSurrogatesInBinunicodeAreAcceptedAsCpythonDoes() {
        byte[] pickle = PickleBytes.proto(2)
                .op('X')
                .raw(3, 0, 0, 0)
                .raw(0xED, 0xA0, 0x80)
                .stop()
                .build();

        assertSafe(scan("m.pkl", pickle));
    }

    @Test
    void aStreamHoldingMoreValuesThanTheLimitIsMalformedNotSafe() {
        var builder = PickleBytes.proto(2);
        for (int i = 0; i < 1500; i++) {
            builder.op('N');
        }
        var limits = new ScanLimits(6, 100, 1 << 20, 100, 1000, 100);

        var file = io.lotabots.attestation.model.testing.Scans.scan(
                "m.pkl", builder.stop().build(), limits);

        assertRule(file, "pickle.too-large", ModelRisk.MALFORMED);
    }

    @Test
    void textThatOnlyLooksLikeAPickleAtItsFirstByteIsText() {
        var file = scan("NOTES", "(c) 2024 the authors\nAll rights reserved.\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(ModelFormat.TEXT, file.format());
        assertSafe(file);
    }

    @Test
    void aProtocolZeroPickleWithoutTheUsualNameIsFoundByItsContent() {
        var file = scan("README.md", ("cos\nsystem\n(S'" + CMD + "'\ntR.").getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(ModelFormat.PICKLE, file.format());
        assertRule(file, "pickle.denied-global", ModelRisk.UNSAFE);
        assertFalse(file.findings().stream().anyMatch(f -> f.rule().equals("format.unrecognized")));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
