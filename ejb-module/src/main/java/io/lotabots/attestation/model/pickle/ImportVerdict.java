package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.control.ModelRisk;

/**
 * How an import is judged: its severity, the rule ({@code pickle.denied-global}, {@code pickle.unlisted-global},
 * {@code pickle.dunder-walk}; none when allowed), the name it was judged as (after Python 2 renames and dotted
 * attribute walks) and why.
 */
public record ImportVerdict(ModelRisk severity, String rule, String judgedAs, String reason) {

    static ImportVerdict allowed(String name) {
        return new ImportVerdict(ModelRisk.SAFE, null, name, "allow-listed");
    }

    public boolean allowed() {
        return severity == ModelRisk.SAFE;
    }
}
