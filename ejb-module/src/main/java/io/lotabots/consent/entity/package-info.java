/** Consent's tables: purposes, their policy versions and every recorded grant or withdrawal. */
package io.lotabots.consent.entity;
