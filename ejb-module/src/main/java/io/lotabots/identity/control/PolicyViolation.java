package io.lotabots.identity.control;

/** A reason a chosen password is refused. Messages never repeat the password. */
public enum PolicyViolation {
    TOO_SHORT("is shorter than the minimum length"),
    EQUALS_USERNAME("must not be the same as the username"),
    COMMON_PASSWORD("is one of the most commonly used passwords"),
    SAME_AS_ONE_TIME_PASSWORD("must differ from the one-time password");

    private final String message;

    PolicyViolation(String message) {
        this.message = message;
    }

    /** What is wrong, in words for the person choosing the password. */
    public String message() {
        return message;
    }
}
