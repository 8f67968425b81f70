/** The smoke check's facade, its message-driven bean and its sweeper. */
package io.lotabots.smoke.boundary;
