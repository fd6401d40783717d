package dev.slipway.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options (repeatable), {@code --flag}s and positional arguments. */
record Args(Map<String, List<String>> options, Set<String> flags, List<String> positional) {

    static Args parse(List<String> args, Set<String> knownFlags) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                positional.add(a);
            } else if (knownFlags.contains(a.substring(2))) {
                flags.add(a.substring(2));
            } else if (i + 1 < args.size()) {
                options.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args.get(++i));
            } else {
                throw new UsageException("option " + a + " needs a value");
            }
        }
        return new Args(options, flags, positional);
    }

    String required(String name) throws UsageException {
        return optional(name).orElseThrow(() -> new UsageException("missing --" + name));
    }

    Optional<String> optional(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** Repeated {@code KEY=VALUE} options as a map. */
    Map<String, String> pairs(String name) throws UsageException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String v : all(name)) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--" + name + " takes KEY=VALUE, got " + v);
            }
            pairs.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return pairs;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** Wrong command line: printed with the usage text, exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
