/** JPA converters shared by all entities (jsonb, UTC timestamps). */
package io.lotabots.platform.persistence;
