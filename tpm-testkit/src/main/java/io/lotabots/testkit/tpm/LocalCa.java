package io.lotabots.testkit.tpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * swtpm_setup's configuration with a certificate authority of this simulator's own (swtpm_localca
 * creates the root and the issuing CA on first use), so tests know exactly which CA signed the EK
 * certificate and never touch the machine-wide one in /var/lib/swtpm-localca.
 */
final class LocalCa {

    private final Path dir;

    private LocalCa(Path dir) {
        this.dir = dir;
    }

    static LocalCa in(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("swtpm-localca.conf"),
                String.join(
                        "\n",
                        "statedir = " + dir,
                        "signingkey = " + dir.resolve("signkey.pem"),
                        "issuercert = " + dir.resolve("issuercert.pem"),
                        "certserial = " + dir.resolve("certserial"),
                        ""));
        Files.writeString(
                dir.resolve("swtpm-localca.options"),
                "--platform-manufacturer LotaBots\n--platform-version 2.1\n--platform-model testkit\n");
        Files.writeString(
                dir.resolve("swtpm_setup.conf"),
                String.join(
                        "\n",
                        "create_certs_tool = /usr/bin/swtpm_localca",
                        "create_certs_tool_config = " + dir.resolve("swtpm-localca.conf"),
                        "create_certs_tool_options = " + dir.resolve("swtpm-localca.options"),
                        "active_pcr_banks = sha1,sha256",
                        ""));
        return new LocalCa(dir);
    }

    Path setupConfig() {
        return dir.resolve("swtpm_setup.conf");
    }

    /** The root CA's certificate (PEM): the trust anchor for the EK certificate. */
    Path rootCertificate() {
        return dir.resolve("swtpm-localca-rootca-cert.pem");
    }

    /** The issuing CA's certificate (PEM), signed by the root; it signed the EK certificate. */
    Path issuerCertificate() {
        return dir.resolve("issuercert.pem");
    }

    List<Path> files() {
        return List.of(rootCertificate(), issuerCertificate());
    }
}
