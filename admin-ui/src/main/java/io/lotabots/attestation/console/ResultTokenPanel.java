package io.lotabots.attestation.console;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.lotabots.attestation.control.DecodedResultToken;

/** The signed result (EAR) decoded: header and claims, and whether the published key verifies it. */
class ResultTokenPanel extends VerticalLayout {

    ResultTokenPanel(String token, DecodedResultToken decoded) {
        setId("attestation-token");
        setPadding(false);
        Span signature = new Span(label(decoded));
        signature.setId("attestation-token-signature");
        signature.getElement().getThemeList().add(Badges.of(decoded.signature().name()));
        signature.getStyle().set("color", Badges.color(decoded.signature().name()));
        Pre header = new Pre(decoded.header());
        header.setId("attestation-token-header");
        Pre claims = new Pre(decoded.claims());
        claims.setId("attestation-token-claims");
        Pre compact = new Pre(token);
        compact.setId("attestation-token-compact");
        compact.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        Div times = new Div(TokenTimes.of(decoded.claims()));
        times.setId("attestation-token-times");
        add(signature, times, new H4("Header"), header, new H4("Claims"), claims, new H4("Compact form"), compact);
    }

    private static String label(DecodedResultToken decoded) {
        return switch (decoded.signature()) {
            case VALID -> "Signature verifies: " + decoded.detail();
            case INVALID -> "Signature does NOT verify: " + decoded.detail();
            case UNKNOWN_KEY -> "Signature not checked: " + decoded.detail();
            case MALFORMED -> "Not a signed token: " + decoded.detail();
        };
    }

    static Div none() {
        Div none = new Div("No result token: the attestation has no verdict.");
        none.setId("attestation-token");
        return none;
    }
}
