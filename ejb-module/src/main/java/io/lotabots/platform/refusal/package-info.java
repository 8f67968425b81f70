/**
 * The one way a boundary says no: a {@link io.lotabots.platform.refusal.Refusal} of a kind, with a
 * problem type, a detail and the {@link io.lotabots.platform.refusal.FieldProblem}s at fault. The
 * API's one mapper answers it as problem+json; the console shows it on its fields.
 */
package io.lotabots.platform.refusal;
