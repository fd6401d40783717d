package dev.slipway.runtime.asl.model;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a definition so they are reported at once, each with its JSON pointer. */
final class Problems {
    private final List<String> items = new ArrayList<>();

    void schema(String pointer, String message) {
        items.add("SCHEMA_VALIDATION_FAILED: " + message + " at " + pointer);
    }

    void add(String code, String pointer, String message) {
        items.add(code + ": " + message + " at " + pointer);
    }

    void throwIfAny() {
        if (!items.isEmpty()) {
            throw new DefinitionInvalidException(items);
        }
    }
}
