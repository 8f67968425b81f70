/** Pure retention logic: data classes, periods, which holds cover which object. */
package io.lotabots.retention.control;
