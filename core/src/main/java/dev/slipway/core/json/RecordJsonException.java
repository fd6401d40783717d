package dev.slipway.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A JSON document that is not a valid Slipway record of the expected type. */
public final class RecordJsonException extends RuntimeException {

    public RecordJsonException(Class<?> type, Exception cause) {
        super("not a valid " + type.getSimpleName() + ": " + describe(cause), cause);
    }

    private static String describe(Exception cause) {
        if (cause instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
            return json.getOriginalMessage() + where;
        }
        return cause.getMessage();
    }
}
