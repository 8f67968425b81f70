package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.source.MalformedModelException;
import java.nio.charset.StandardCharsets;

/** The fields of a pax extended header ("length key=value\n" records) that change how an entry is read. */
record PaxHeader(String path, String linkPath, long size) {

    static PaxHeader parse(byte[] records, long at) {
        String path = null;
        String link = null;
        long size = -1;
        int pos = 0;
        while (pos < records.length) {
            int space = pos;
            while (space < records.length && records[space] != ' ') {
                space++;
            }
            String lengthText = new String(records, pos, space - pos, StandardCharsets.US_ASCII);
            if (!lengthText.matches("[0-9]{1,9}")) {
                throw new MalformedModelException("tar.bad-pax", at, "a pax record has no length");
            }
            int length = Integer.parseInt(lengthText);
            if (length <= space - pos + 1 || pos + length > records.length || records[pos + length - 1] != '\n') {
                throw new MalformedModelException("tar.bad-pax", at, "a pax record has a wrong length");
            }
            String record = new String(records, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq < 0) {
                throw new MalformedModelException("tar.bad-pax", at, "a pax record has no '='");
            }
            String key = record.substring(0, eq);
            String value = record.substring(eq + 1);
            switch (key) {
                case "path" -> path = value;
                case "linkpath" -> link = value;
                case "size" -> {
                    if (!value.matches("[0-9]{1,18}")) {
                        throw new MalformedModelException("tar.bad-pax", at, "a pax size is not a number");
                    }
                    size = Long.parseLong(value);
                }
                default -> {
                    // other pax keys (times, owners) do not change what is read
                }
            }
            pos += length;
        }
        return new PaxHeader(path, link, size);
    }
}
