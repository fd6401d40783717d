package dev.slipway.core.lint;

import java.util.Locale;

/** Only errors block a build; warnings are printed and the build goes on. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as printed and as written in fixtures. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
