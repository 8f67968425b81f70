package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

    private final PasswordPolicy policy = PasswordPolicy.withBundledList(12);

    @Test
    void aOneTimePasswordPassesThePolicyForAnyUsername() {
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(), policy.check("admin", OneTimePasswords.generate()));
        }
    }

    @Test
    void carriesOneHundredSixtyRandomBitsInUrlSafeCharacters() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String password = new String(OneTimePasswords.generate());
            assertEquals(27, password.length());
            assertTrue(password.matches("[A-Za-z0-9_-]+"), password);
            seen.add(password);
        }
        assertEquals(1000, seen.size(), "never the same twice");
    }
}
