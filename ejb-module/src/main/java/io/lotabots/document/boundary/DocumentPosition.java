package io.lotabots.document.boundary;

import io.lotabots.platform.paging.MalformedCursorException;
import io.lotabots.platform.paging.PageCursor;
import io.lotabots.platform.paging.TimeIdCursor;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Where a page of documents starts: after the last document of the previous page, in the list's order. By
 * creation it is a {@link TimeIdCursor}; by title, the title and id through {@link PageCursor}.
 */
record DocumentPosition(TimeIdCursor time, String title, UUID id) {

    static final DocumentPosition START = new DocumentPosition(null, null, null);

    static DocumentPosition of(String cursor, DocumentSort sort) {
        if (cursor == null) {
            return START;
        }
        if (sort == DocumentSort.TITLE) {
            var parts = PageCursor.parts(cursor, 2);
            try {
                return new DocumentPosition(null, parts.get(0), UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw new MalformedCursorException();
            }
        }
        return new DocumentPosition(TimeIdCursor.of(cursor), null, null);
    }

    static String after(DocumentView last, DocumentSort sort) {
        return sort == DocumentSort.TITLE
                ? PageCursor.after(last.title(), last.id().toString())
                : new TimeIdCursor(last.createdAt(), last.id()).encode();
    }

    void appendCondition(DocumentSort sort, StringBuilder sql, List<Object> parameters) {
        if (this == START || (time == null && title == null)) {
            return;
        }
        switch (sort) {
            case NEWEST, OLDEST -> {
                parameters.add(Timestamp.from(time.time()));
                int at = parameters.size();
                parameters.add(time.id().toString());
                sql.append(" and (created_at, id) ")
                        .append(sort == DocumentSort.NEWEST ? "<" : ">")
                        .append(" (?")
                        .append(at)
                        .append(", cast(?")
                        .append(at + 1)
                        .append(" as uuid))");
            }
            case TITLE -> {
                parameters.add(title);
                int at = parameters.size();
                parameters.add(id.toString());
                sql.append(" and (title, id) > (?")
                        .append(at)
                        .append(", cast(?")
                        .append(at + 1)
                        .append(" as uuid))");
            }
        }
    }
}
