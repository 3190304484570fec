package io.wfdr.inventory.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules Windows applies to a computer (NetBIOS) name: 1 to 15 characters, letters, digits and hyphens only,
 * not only digits, and no hyphen at either end (it is also a DNS host label).
 */
public final class ComputerName {

    public static final int MAX_LENGTH = 15;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    private ComputerName() {
    }

    /** @return why Windows would refuse the name, or empty if it would accept it */
    public static Optional<String> problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters; Windows computer names have at most "
                    + MAX_LENGTH);
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("may contain only letters, digits and hyphens");
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Optional.of("must not consist only of digits");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return Optional.of("must not start or end with a hyphen");
        }
        return Optional.empty();
    }
}
