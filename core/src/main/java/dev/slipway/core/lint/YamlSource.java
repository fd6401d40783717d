package dev.slipway.core.lint;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Safe YAML loading: the file is only composed into snakeyaml's node tree (every node keeps its
 * position) and never constructed into Java objects, so no tag can instantiate a class. Limits
 * keep hostile files (alias bombs, huge or deeply nested documents) from exhausting memory or time.
 */
final class YamlSource {

    /** A pipeline file is a few KiB; 256 KiB leaves ample room and bounds the work. */
    static final int MAX_CODE_POINTS = 256 * 1024;
    /** Aliases of mappings and lists (the ones that can multiply a document). */
    static final int MAX_COLLECTION_ALIASES = 50;
    static final int MAX_NESTING_DEPTH = 40;

    /** snakeyaml's message when the tag inspector refuses a global tag. */
    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed:";

    private YamlSource() {
    }

    /** The document's root node, or empty with the reason in {@code problems}. */
    static Optional<Node> compose(String text, Problems problems) {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            problems.addAt(1, 1, "", "file-too-large", Severity.ERROR,
                    "the file has more than " + MAX_CODE_POINTS + " characters",
                    "a pipeline file is a few kilobytes; check that this is the right file");
            return Optional.empty();
        }
        try {
            Node root = composer(text).getSingleNode();
            if (root == null) {
                problems.addAt(1, 1, "", "empty-file", Severity.ERROR, "the file is empty",
                        "start with `version: 1` and `service: <name>`; see docs/pipeline.md");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            if (String.valueOf(e.getProblem()).startsWith(GLOBAL_TAG_REFUSED)) {
                // The tag inspector refuses global tags such as !!java.lang.Runtime while composing.
                problems.add(mark, "", "unsupported-tag", Severity.ERROR, "the tag `"
                        + e.getProblem().substring(GLOBAL_TAG_REFUSED.length()).trim()
                        + "` is not allowed: Slipway reads plain YAML values only",
                        "remove the tag; write the value as plain text, a number, a list or a mapping");
            } else {
                problems.add(mark, "", "yaml-syntax", Severity.ERROR, syntaxMessage(e), syntaxHint(e));
            }
        } catch (YAMLException e) {
            limitExceeded(text, e, problems);
        }
        return Optional.empty();
    }

    private static Composer composer(String text) {
        LoaderOptions options = loaderOptions();
        return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options);
    }

    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        // compose() checks the size first with a clear message; the reader's own limit is a backstop.
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        return e.getContext() == null ? "YAML: " + problem : "YAML: " + problem + " (" + e.getContext() + ")";
    }

    private static String syntaxHint(MarkedYAMLException e) {
        String problem = e.getProblem() + " " + e.getContext();
        if (problem.contains("\\t")) {
            return "indent with spaces: YAML does not allow tabs for indentation";
        }
        if (problem.contains("expected a single document")) {
            return "keep one document in the file: remove the second `---`";
        }
        return "fix the YAML at this position: check the indentation, and quote values that contain"
                + " ': ', ' #', or start with '*', '&', '!', '{' or '['";
    }

    private static void limitExceeded(String text, YAMLException e, Problems problems) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("aliases")) {
            problems.add(excessAlias(text), "", "yaml-limit", Severity.ERROR,
                    "the file uses more than " + MAX_COLLECTION_ALIASES + " aliases of mappings or lists",
                    "use fewer `*alias` references; a pipeline file needs only a few");
        } else if (message.contains("depth")) {
            problems.add(tooDeep(text), "", "yaml-limit", Severity.ERROR,
                    "the file nests mappings and lists more than " + MAX_NESTING_DEPTH + " levels deep",
                    "a pipeline file needs a handful of levels; check that this is the right file");
        } else {
            problems.addAt(1, 1, "", "yaml-limit", Severity.ERROR, "YAML: " + e.getMessage(),
                    "simplify the file");
        }
    }

    /** Where nesting first goes past the limit, found again by an event scan without that limit. */
    private static Mark tooDeep(String text) {
        LoaderOptions options = loaderOptions();
        options.setNestingDepthLimit(Integer.MAX_VALUE);
        ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        int depth = 0;
        while (parser.peekEvent() != null && !parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.getEvent();
            if (event instanceof CollectionStartEvent && ++depth > MAX_NESTING_DEPTH) {
                return event.getStartMark();
            } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                depth--;
            }
        }
        return null;
    }

    /** The position of the first alias over the limit, found again by a cheap event scan. */
    private static Mark excessAlias(String text) {
        LoaderOptions options = loaderOptions();
        ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        Set<String> collectionAnchors = new HashSet<>();
        int aliases = 0;
        while (parser.peekEvent() != null && !parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.getEvent();
            if (event instanceof CollectionStartEvent start && start.getAnchor() != null) {
                collectionAnchors.add(start.getAnchor());
            } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
                    && ++aliases > MAX_COLLECTION_ALIASES) {
                return alias.getStartMark();
            }
        }
        return null;
    }
}
