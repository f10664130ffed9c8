package org.garrison.agent.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command: {@code --name value} pairs and {@code --flag}s, each allowed name declared by the
 * command, so that a typo is an error and not a silently ignored option.
 */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Arguments() {
    }

    /**
     * @param options the names that take a value
     * @param allowedFlags the names that take none
     * @throws CliFailure for an unknown option, a missing value or a repeated option
     */
    static Arguments parse(List<String> args, Set<String> options, Set<String> allowedFlags) throws CliFailure {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String inlineValue = null;
            if (name != null && name.contains("=")) {
                inlineValue = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name != null && allowedFlags.contains(name) && inlineValue == null) {
                parsed.flags.add(name);
            } else if (name != null && options.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw CliFailure.usage("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.put(name, value) != null) {
                    throw CliFailure.usage("--" + name + " is given twice");
                }
            } else {
                throw CliFailure.usage("Unknown option: " + arg);
            }
        }
        return parsed;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int integer(String name, int fallback, int min, int max) throws CliFailure {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw CliFailure.usage("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--" + name + " must be a whole number, not " + value);
        }
    }

    long longValue(String name, long fallback) throws CliFailure {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--" + name + " must be a whole number, not " + value);
        }
    }
}
