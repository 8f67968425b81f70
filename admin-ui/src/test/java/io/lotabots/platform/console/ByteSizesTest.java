package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void belowAKibibyteOnlyTheExactCount() {
        assertEquals("0 bytes", ByteSizes.of(0));
        assertEquals("1,023 bytes", ByteSizes.of(1023));
    }

    @Test
    void fromAKibibyteTheBinaryUnitToo() {
        assertEquals("1,024 bytes (1.0 KiB)", ByteSizes.of(1024));
        assertEquals("1,536 bytes (1.5 KiB)", ByteSizes.of(1536));
        assertEquals("107,374,182,400 bytes (100.0 GiB)", ByteSizes.of(100L << 30));
    }

    @Test
    void theLargestCountStaysInTheLargestUnit() {
        assertEquals("9,223,372,036,854,775,807 bytes (8.0 EiB)", ByteSizes.of(Long.MAX_VALUE));
    }
}
