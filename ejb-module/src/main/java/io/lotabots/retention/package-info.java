/**
 * Retention and legal hold: how long each class of data is kept, the timer that purges what is past its period,
 * and the holds that stop it.
 */
package io.lotabots.retention;
