/** The document service's single tasks: sniffing content, counting and hashing it, keys, caching, storage calls. */
package io.lotabots.document.control;
