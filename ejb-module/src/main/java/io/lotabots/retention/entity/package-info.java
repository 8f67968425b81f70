/** Legal holds and the record of purge runs. */
package io.lotabots.retention.entity;
