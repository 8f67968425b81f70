package io.lotabots.platform.api;

import io.lotabots.platform.paging.Page;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** A page of a list: its items, and the link to the next page ({@code null} on the last one). */
@JsonbNillable
public record PageResponse<T>(List<T> items, String next) {

    public static <T> PageResponse<T> of(Page<T> page, int limit, UriInfo uriInfo) {
        String next = page.nextCursor() == null
                ? null
                : uriInfo.getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.nextCursor())
                        .replaceQueryParam("limit", limit)
                        .build()
                        .toString();
        return new PageResponse<>(page.items(), next);
    }
}
