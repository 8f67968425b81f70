package io.lotabots.identity.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles stored in one column as a sorted, comma-separated list of role names. */
public final class RoleList {

    private RoleList() {}

    public static String format(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The roles of a stored list; an unknown name is a corrupt row and fails loudly. */
    public static Set<Role> parse(String column) {
        var set = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(Role::valueOf)
                .forEach(set::add);
        return set;
    }
}
