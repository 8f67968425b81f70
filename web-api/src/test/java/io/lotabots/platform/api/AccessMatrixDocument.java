package io.lotabots.platform.api;

import io.lotabots.identity.entity.Role;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** docs/access-matrix.md: the matrix as a Markdown table that people read and AccessMatrixIT parses. */
final class AccessMatrixDocument {

    static final List<String> ROLES =
            Arrays.stream(Role.values()).map(Enum::name).toList();

    private AccessMatrixDocument() {}

    static String render(List<Endpoint> endpoints) {
        var text = new StringBuilder();
        text.append("<!-- Generated from the code by web-api's AccessMatrixTest. Do not edit: run the web-api"
                        + " tests and commit the result. -->\n")
                .append("# Access-control matrix\n\n")
                .append("Every endpoint under `/api/v1` and who may call it, read from the `@RolesAllowed` /"
                        + " `@PermitAll` annotations of the compiled JAX-RS resources. **Public** endpoints need no"
                        + " token. ✓ = the role may call it; an empty cell answers 403. Without a token a"
                        + " non-public endpoint answers 401. Ids of another tenant answer 404. What each role is for:"
                        + " [roles.md](roles.md). `AccessMatrixIT` walks this table against a running server.\n\n")
                .append("Outside `/api/v1` and public by design: `/.well-known/jwks.json`,"
                        + " `/.well-known/openid-configuration`, `/health/*`, `/openapi`; `/metrics` needs HTTPS and"
                        + " the scrape credential (Liberty's reader role, see operations.md);"
                        + " the console `/admin/` has its own login.\n\n")
                .append(row(Stream.of(List.of("Method", "Path", "Body", "Public"), ROLES, List.of("Declared in"))))
                .append(row(Stream.generate(() -> List.of("---")).limit(5 + ROLES.size())));
        for (var endpoint : endpoints) {
            text.append(row(Stream.of(
                    List.of(
                            endpoint.method(),
                            "`" + endpoint.path() + "`",
                            endpoint.body(),
                            endpoint.isPublic() ? "public" : ""),
                    ROLES.stream().map(role -> endpoint.allows(role) ? "✓" : "").toList(),
                    List.of(endpoint.declaredIn()))));
        }
        return text.toString();
    }

    private static String row(Stream<List<String>> cells) {
        return cells.flatMap(List::stream).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
