/** Stored models: their files, how they are received, digested and read back. */
package io.lotabots.model.control;
