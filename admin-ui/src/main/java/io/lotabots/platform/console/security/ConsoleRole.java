package io.lotabots.platform.console.security;

import io.lotabots.identity.entity.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The roles a console view admits; a view without it admits every console role. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsoleRole {

    Role[] value();
}
