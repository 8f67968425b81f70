package io.lotabots.attestation.policy;

import java.util.regex.Pattern;

/** The names policies of every type take, and the one each tenant has without asking. */
public final class PolicyNames {

    /** The policy every tenant has, used when a submission names none. */
    public static final String DEFAULT = "default";

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public static final String NAME_RULE =
            "must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    private PolicyNames() {}

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
