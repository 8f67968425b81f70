package io.lotabots.identity.boundary;

/** The tenant already has a user of that name (compared without case). */
public class UsernameTakenException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
        super("The tenant already has a user named '" + username + "'.");
    }
}
