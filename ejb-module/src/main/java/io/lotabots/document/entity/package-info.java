/** A tenant's documents and their versions as stored in PostgreSQL. */
package io.lotabots.document.entity;
