/** Data-subject requests: one row per request, which is also the state of its job. */
package io.lotabots.subjectrequest.entity;
