/** Legal holds (place, list, release, the check others call) and the retention purge with its timer. */
package io.lotabots.retention.boundary;
