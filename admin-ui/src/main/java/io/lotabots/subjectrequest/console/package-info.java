/** The console's *Data-subject requests* view: the queue on the GDPR clock, decisions, downloads, certificates. */
package io.lotabots.subjectrequest.console;
