package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.LogSecrecyCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log check after the tests finds a secret however a log line carries it, and nothing else. */
class LogSecrecyCheckIT {

    @TempDir
    Path logs;

    @Test
    void findsSecretsAsWrittenJsonEscapedAndUrlEncodedWithTheirPlace() throws Exception {
        var password = new LogSecrecyCheck.Secret("password", "test passphrase 1f0e/\"quoted\"");
        var token = new LogSecrecyCheck.Secret(
                "access_token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg");
        Path log = Files.writeString(
                logs.resolve("messages.log"),
                String.join(
                        "\n",
                        "{\"message\":\"nothing here\"}",
                        "{\"message\":\"login with test passphrase 1f0e\\/\\\"quoted\\\"\"}",
                        "{\"message\":\"GET /x?p=test+passphrase+1f0e%2F%22quoted%22\"}",
                        "{\"message\":\"a signature c2lnbmF0dXJlLW9mLXRoZS10b2tlbg leaked\"}",
                        "{\"message\":\"test passphrase 1f0e is only the start\"}"));

        var findings = LogSecrecyCheck.findings(List.of(password, token), List.of(log));

        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith(log + ":2: password"), findings.get(0));
        assertTrue(findings.get(1).startsWith(log + ":3: password"), findings.get(1));
        assertTrue(findings.get(2).startsWith(log + ":4: access_token"), findings.get(2));
        assertTrue(findings.stream().noneMatch(f -> f.contains("passphrase")), "the secret itself is not repeated");
    }

    @Test
    void cleanLogsHaveNoFindings() throws Exception {
        Path log = Files.writeString(logs.resolve("messages.log"), "{\"message\":\"Locked an account\"}\n");

        assertEquals(
                List.of(),
                LogSecrecyCheck.findings(
                        List.of(new LogSecrecyCheck.Secret("password", "integration-tests-only-Admin-Pass")),
                        List.of(log)));
    }
}
