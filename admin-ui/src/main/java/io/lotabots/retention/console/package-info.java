/** The console's *Retention & holds* view: periods in force, purge runs, legal holds placed and released. */
package io.lotabots.retention.console;
