package io.lotabots.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.Locale;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.databaseaccess.DatasourceCall;
import org.eclipse.persistence.queries.Call;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * A client span for each SQL call EclipseLink makes to PostgreSQL while a request or message is traced,
 * from its session events around each call ({@code eclipselink.session-event-listener} in persistence.xml):
 * JPA is the application's one way to the database (Liberty's data source gives no hook of its own). The
 * span names the operation and the entity, not the statement: statements built from JPQL literals
 * could carry data. The commit, which the transaction manager makes, has no span.
 */
public class SqlSpans extends SessionEventAdapter {

    /** This thread's open call: a call that threw gets no post event, and the next call ends its span. */
    private static final ThreadLocal<Span> OPEN = new ThreadLocal<>();

    @Override
    public void preExecuteCall(SessionEvent event) {
        endOpen(true);
        if (!Tracing.inTrace()) {
            return;
        }
        DatabaseQuery query = query(event);
        String operation = operation(query, sql(event.getCall()));
        String entity = query == null || query.getReferenceClass() == null
                ? null
                : query.getReferenceClass().getSimpleName();
        var span = Tracing.tracer()
                .spanBuilder(entity == null ? operation : operation + " " + entity)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system", "postgresql")
                .setAttribute("db.operation", operation);
        if (entity != null) {
            span.setAttribute("lotabots.entity", entity);
        }
        OPEN.set(span.startSpan());
    }

    @Override
    public void postExecuteCall(SessionEvent event) {
        endOpen(false);
    }

    private static void endOpen(boolean unanswered) {
        Span open = OPEN.get();
        if (open != null) {
            OPEN.remove();
            if (unanswered) {
                open.setStatus(StatusCode.ERROR, "the call ended without an answer");
            }
            open.end();
        }
    }

    /**
     * The query the call runs for: the event names it only now and then, while the call (which every
     * execute event carries) always knows it.
     */
    static DatabaseQuery query(SessionEvent event) {
        if (event.getQuery() != null) {
            return event.getQuery();
        }
        return event.getCall() instanceof DatasourceCall call ? call.getQuery() : null;
    }

    /** The call's statement with its parameters as placeholders, or null for a call that is not SQL. */
    static String sql(Call call) {
        return call instanceof DatabaseCall database ? database.getSQLString() : null;
    }

    /** The statement's first keyword (SELECT, INSERT, UPDATE, DELETE, …), else the kind of query. */
    static String operation(DatabaseQuery query, String sql) {
        String keyword = firstWord(sql);
        if (keyword != null) {
            return keyword;
        }
        if (query == null) {
            return "SQL";
        }
        keyword = firstWord(query.getSQLString());
        if (keyword != null) {
            return keyword;
        }
        if (query.isInsertObjectQuery()) {
            return "INSERT";
        }
        if (query.isUpdateObjectQuery() || query.isUpdateAllQuery()) {
            return "UPDATE";
        }
        if (query.isDeleteObjectQuery() || query.isDeleteAllQuery()) {
            return "DELETE";
        }
        return query.isReadQuery() ? "SELECT" : "SQL";
    }

    static String firstWord(String sql) {
        if (sql == null) {
            return null;
        }
        String trimmed = sql.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return end == 0 ? null : trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
