package dev.slipway.runtime.asl.model;

import java.util.Optional;

/** Choice comparison operators, named as in ASL (the {@code ...Path} variants map to the same operator). */
public enum ComparisonOperator {
    StringEquals, StringLessThan, StringGreaterThan, StringLessThanEquals, StringGreaterThanEquals, StringMatches,
    NumericEquals, NumericLessThan, NumericGreaterThan, NumericLessThanEquals, NumericGreaterThanEquals,
    BooleanEquals,
    TimestampEquals, TimestampLessThan, TimestampGreaterThan, TimestampLessThanEquals, TimestampGreaterThanEquals,
    IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp;

    /** The operator a rule key names, e.g. {@code NumericEqualsPath} → NumericEquals. */
    public static Optional<ComparisonOperator> fromKey(String key) {
        String base = key.endsWith("Path") ? key.substring(0, key.length() - 4) : key;
        for (ComparisonOperator op : values()) {
            if (op.name().equals(base) && (op.allowsPath() || base.equals(key))) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The type tests and StringMatches have no Path variant. */
    public boolean allowsPath() {
        return ordinal() < IsNull.ordinal() && this != StringMatches;
    }
}
