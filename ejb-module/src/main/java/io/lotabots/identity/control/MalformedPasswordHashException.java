package io.lotabots.identity.control;

/** A stored password hash that is not an Argon2id PHC string this service accepts. */
public class MalformedPasswordHashException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPasswordHashException(String message) {
        super(message);
    }
}
