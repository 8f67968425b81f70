/**
 * The model scan: {@link io.lotabots.attestation.model.scan.ModelScanner} walks a stored model's files, detects
 * each file's format by its content and hands it to the format's checker; members of archives and byte strings
 * nested in pickles come back here and are scanned the same way, within {@link
 * io.lotabots.attestation.model.scan.ScanLimits}.
 */
package io.lotabots.attestation.model.scan;
