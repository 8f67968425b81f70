package io.lotabots.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.eclipse.persistence.queries.DataModifyQuery;
import org.eclipse.persistence.queries.DeleteObjectQuery;
import org.eclipse.persistence.queries.InsertObjectQuery;
import org.eclipse.persistence.queries.ReadAllQuery;
import org.eclipse.persistence.queries.SQLCall;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.junit.jupiter.api.Test;

/** How a SQL span is named from the session event EclipseLink sends around each call. */
class SqlSpansTest {

    /** A session that never logs in: the events need one as their source. */
    private static final Session SESSION = new Project(new DatabaseLogin()).createDatabaseSession();

    @Test
    void theCallsStatementNamesTheOperationWhenTheEventCarriesNoQuery() {
        var call = new SQLCall("update lotabots.attestation set status = 'PROCESSING' where id = ?");
        var query = new DataModifyQuery(call);
        var event = new SessionEvent(SessionEvent.PreExecuteCall, SESSION);
        event.setCall(call);

        assertNull(event.getQuery());
        assertSame(query, SqlSpans.query(event));
        assertEquals("UPDATE", SqlSpans.operation(SqlSpans.query(event), SqlSpans.sql(event.getCall())));
    }

    @Test
    void theStatementsFirstKeywordIsUpperCasedAndLeadingSpaceIgnored() {
        assertEquals("SELECT", SqlSpans.operation(null, "  select id from lotabots.tenant where name = ?"));
        assertEquals("WITH", SqlSpans.operation(null, "with x as (select 1) select * from x"));
    }

    @Test
    void withoutAStatementTheKindOfQueryNamesIt() {
        assertEquals("INSERT", SqlSpans.operation(new InsertObjectQuery(), null));
        assertEquals("DELETE", SqlSpans.operation(new DeleteObjectQuery(), null));
        assertEquals("SELECT", SqlSpans.operation(new ReadAllQuery(), null));
    }

    @Test
    void nothingToGoByIsPlainSql() {
        assertEquals("SQL", SqlSpans.operation(null, null));
        assertEquals("SQL", SqlSpans.operation(null, "  "));
        assertEquals("SQL", SqlSpans.operation(null, "(select 1)"));
        assertNull(SqlSpans.query(new SessionEvent(SessionEvent.PreExecuteCall, SESSION)));
        assertNull(SqlSpans.sql(null));
    }
}
