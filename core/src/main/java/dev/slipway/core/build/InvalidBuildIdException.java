package dev.slipway.core.build;

/** A string that cannot be a build id (and so cannot name a Step Functions execution). */
public final class InvalidBuildIdException extends IllegalArgumentException {

    public InvalidBuildIdException(String value) {
        super("'" + shorten(value) + "' is not a build id: use 1 to " + BuildId.MAX_LENGTH
                + " characters from A-Z, a-z, 0-9, '-' and '_' (for example github-72d3162e-cc78-11e3-81ab-4c9367dc0958)");
    }

    private static String shorten(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
