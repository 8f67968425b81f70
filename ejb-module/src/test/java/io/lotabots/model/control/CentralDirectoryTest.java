package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CentralDirectoryTest {

    @Test
    void readsNamesAndSymlinkModesFromTheArchivesEnd() {
        byte[] zip = ZipBytes.withSymlink(
                ZipBytes.archive().entry("a.bin", "1").entry("b.lnk", "a.bin").bytes(), "b.lnk");
        byte[] tail = Arrays.copyOfRange(zip, zip.length - 200, zip.length);

        var entries = CentralDirectory.read(tail, zip.length);

        assertEquals(2, entries.size());
        assertEquals(new CentralDirectory.Entry("a.bin", false), entries.get(0));
        assertEquals(new CentralDirectory.Entry("b.lnk", true), entries.get(1));
    }

    @Test
    void followsZip64EndRecordsOfArchivesWithMoreThan65535Entries() {
        var archive = ZipBytes.archive();
        for (int i = 0; i < 65_536; i++) {
            archive.entry(Integer.toString(i), new byte[0]);
        }
        byte[] zip = archive.bytes();

        var entries = CentralDirectory.read(zip, zip.length);

        assertEquals(65_536, entries.size());
        assertEquals("65535", entries.get(65_535).name());
    }

    @Test
    void anArchiveWithoutEndRecordOrWithATooShortTailIsRefused() {
        byte[] zip = ZipBytes.archive().entry("a", "1").entry("b", "2").bytes();

        assertThrows(MalformedArchiveException.class, () -> CentralDirectory.read(new byte[30], 30));
        var refused = assertThrows(
                MalformedArchiveException.class,
                () -> CentralDirectory.read(Arrays.copyOfRange(zip, zip.length - 40, zip.length), zip.length));
        assertTrue(refused.getMessage().contains("larger than"), refused.getMessage());
    }
}
