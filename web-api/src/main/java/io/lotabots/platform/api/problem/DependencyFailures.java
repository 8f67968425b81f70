package io.lotabots.platform.api.problem;

import io.lotabots.platform.DependencyUnavailableException;
import java.sql.SQLException;

/** Recognises, anywhere in a cause chain, a failure that means a dependency is down. */
final class DependencyFailures {

    private DependencyFailures() {}

    /** The name of the dependency that failed, or null if the failure is something else. */
    static String dependencyOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailableException d) {
                return d.dependency();
            }
            if (t instanceof SQLException sql && isConnectionProblem(sql)) {
                return "postgresql";
            }
            if (t instanceof jakarta.resource.ResourceException) {
                return "postgresql";
            }
            if (t instanceof jakarta.jms.JMSRuntimeException || t instanceof jakarta.jms.JMSException) {
                return "messaging";
            }
        }
        return null;
    }

    /** SQLSTATE class 08 is "connection exception"; 57P0x is "server shutting down". */
    private static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
