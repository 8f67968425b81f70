/** The Vaadin admin console: its layout, views and error pages, which call the business through EJBs. */
package io.lotabots.platform.console;
