/** Data-subject requests' work: the GDPR clock, gathering a subject's data, the export archive, the erasure steps. */
package io.lotabots.subjectrequest.control;
