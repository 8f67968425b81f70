/**
 * Archives inside a model (zip, including torch checkpoints and NumPy {@code .npz}; tar; gzip): their entries
 * checked (paths, links, duplicates, headers that disagree), their members decompressed within the scan's limits
 * and scanned like files, each on its own, so one bad member never hides the others.
 */
package io.lotabots.attestation.model.containers;
