/** The smoke check's persistent state. */
package io.lotabots.smoke.entity;
