package dev.slipway.core.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What inline secrets look like: known token shapes, and variable names that usually hold one. */
final class SecretPatterns {

    private record Shape(String name, Pattern pattern) {
    }

    /** Prefixes documented by their issuers, so a match is almost never a false positive. */
    private static final List<Shape> SHAPES = List.of(
            new Shape("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[0-9A-Za-z-]{10,}")),
            new Shape("a Slack app token", Pattern.compile("\\bxapp-[0-9A-Za-z-]{10,}")),
            new Shape("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}")),
            new Shape("a GitHub token", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}")),
            new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            new Shape("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new Shape("a Stripe secret key", Pattern.compile("\\bsk_live_[0-9A-Za-z]{16,}")),
            new Shape("a private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")));

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)");

    /** A value made only of {@code ${NAME}} references is not a literal secret. */
    private static final Pattern ONLY_REFERENCES = Pattern.compile("(\\$\\{[A-Za-z_][A-Za-z0-9_]*})+");

    private SecretPatterns() {
    }

    /** No token above is shorter (an {@code xoxb-} prefix and 10 characters). */
    private static final int SHORTEST_TOKEN = 15;

    /** What kind of token {@code value} contains, if it contains a known one. */
    static Optional<String> tokenShape(String value) {
        if (value.length() < SHORTEST_TOKEN) {
            // Every scalar of the file comes through here: most are short words, skip the regexes.
            return Optional.empty();
        }
        return SHAPES.stream().filter(s -> s.pattern.matcher(value).find()).map(Shape::name).findFirst();
    }

    /** Whether {@code NAME: value} reads like a secret written into the file. */
    static boolean looksLikeInlineSecret(String name, String value) {
        return SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()
                && !value.isBlank()
                && !ONLY_REFERENCES.matcher(value.trim()).matches();
    }
}
