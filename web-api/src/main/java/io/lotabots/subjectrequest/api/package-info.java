/** Data-subject requests over HTTP: officers' queue and decisions, subjects' own requests, downloads. */
package io.lotabots.subjectrequest.api;
