/** Data-subject requests: filing, the GDPR clock, approval, and the export and erasure jobs. */
package io.lotabots.subjectrequest.boundary;
