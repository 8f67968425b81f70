/** Real TPM 2.0 evidence for tests: swtpm manufactured with EK certificates, driven by tpm2-tools. */
package io.lotabots.testkit.tpm;
