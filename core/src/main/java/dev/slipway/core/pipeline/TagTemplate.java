package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Image tag templates such as {@code ${BRANCH}-${SHORT_SHA}} and their expansion. */
public final class TagTemplate {

    /** The variables a tag may use: the build variables. */
    public static final Set<String> VARIABLES = Variables.BUILD;

    // Docker: "A tag name must be valid ASCII and may contain lowercase and uppercase letters,
    // digits, underscores, periods and hyphens. A tag name may not start with a period or a
    // hyphen and may contain a maximum of 128 characters."
    private static final Pattern INVALID_TAG_CHARACTER = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final int MAX_TAG_LENGTH = 128;

    private TagTemplate() {
    }

    /** The names inside {@code ${...}} in the order they appear. */
    public static List<String> variables(String template) {
        return Variables.names(template);
    }

    /** The template with its variables removed: the characters written literally. */
    public static String literalPart(String template) {
        return Variables.literalPart(template);
    }

    /**
     * Expands the variables and turns the result into a valid Docker tag: characters a tag cannot
     * hold (the {@code /} of {@code feature/x}) become {@code -}, a leading {@code .} or {@code -}
     * becomes {@code _}, and the result is cut to 128 characters. Unset variables expand to "".
     */
    public static String expand(String template, Map<String, String> values) {
        String expanded = Variables.substitute(template, values);
        String tag = INVALID_TAG_CHARACTER.matcher(expanded).replaceAll("-");
        if (!tag.isEmpty() && (tag.charAt(0) == '.' || tag.charAt(0) == '-')) {
            tag = "_" + tag.substring(1);
        }
        return tag.length() > MAX_TAG_LENGTH ? tag.substring(0, MAX_TAG_LENGTH) : tag;
    }
}
