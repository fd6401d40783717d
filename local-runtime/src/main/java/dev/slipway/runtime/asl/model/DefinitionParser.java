package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates an ASL definition as CreateStateMachine does: every problem is collected
 * and reported at once, each naming the state and field by JSON pointer.
 */
public final class DefinitionParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "Parameters", "ResultSelector",
            "ResultPath", "OutputPath", "ItemsPath", "SecondsPath", "TimestampPath",
            "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private final Problems problems = new Problems();
    private final ChoiceRuleParser rules = new ChoiceRuleParser(problems);

    private DefinitionParser() {
    }

    public static Program parse(String definitionJson) {
        JsonNode root;
        try {
            root = JSON.readTree(definitionJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DefinitionInvalidException(List.of("INVALID_JSON_DESCRIPTION: " + e.getOriginalMessage()));
        }
        return parse(root);
    }

    public static Program parse(JsonNode root) {
        DefinitionParser parser = new DefinitionParser();
        Program program = parser.program(root, "", QueryLanguage.JSONPATH);
        parser.problems.throwIfAny();
        return program;
    }

    private Program program(JsonNode node, String pointer, QueryLanguage inherited) {
        if (node == null || !node.isObject()) {
            problems.schema(pointer.isEmpty() ? "/" : pointer, "A state machine must be a JSON object");
            return new Program(null, Map.of(), inherited, MissingNode.getInstance());
        }
        QueryLanguage language = node.has("QueryLanguage") ? QueryLanguage.parse(node.get("QueryLanguage").asText()) : inherited;
        JsonNode statesNode = node.path("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            problems.schema(pointer + "/States", "The field \"States\" is required and must name at least one state");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                State state = state(entry.getKey(), entry.getValue(), pointer + "/States/" + entry.getKey(), language);
                if (state != null) {
                    states.put(entry.getKey(), state);
                }
            }
        }
        String startAt = node.path("StartAt").asText(null);
        if (startAt == null) {
            problems.schema(pointer + "/StartAt", "The field \"StartAt\" is required");
        } else if (statesNode.isObject() && !statesNode.has(startAt)) {
            problems.add("MISSING_TRANSITION_TARGET", pointer + "/StartAt", "Missing 'Next' target: " + startAt);
        }
        Program program = new Program(startAt, states, language, node.path("TimeoutSeconds"));
        checkTransitions(program, statesNode, pointer);
        return program;
    }

    private void checkTransitions(Program program, JsonNode statesNode, String pointer) {
        for (State state : program.states().values()) {
            String at = pointer + "/States/" + state.name();
            List<String> targets = new ArrayList<>();
            if (state.common().next() != null) {
                targets.add(state.common().next());
            }
            state.common().catchers().forEach(c -> targets.add(c.next()));
            if (state instanceof ChoiceState choice) {
                choice.choices().forEach(b -> targets.add(b.next()));
                if (choice.defaultNext() != null) {
                    targets.add(choice.defaultNext());
                }
            }
            for (String target : targets) {
                if (target == null || !statesNode.has(target)) {
                    problems.add("MISSING_TRANSITION_TARGET", at, "Missing 'Next' target: " + target);
                }
            }
        }
    }

    private State state(String name, JsonNode node, String at, QueryLanguage inherited) {
        if (!node.isObject()) {
            problems.schema(at, "A state must be a JSON object");
            return null;
        }
        String type = node.path("Type").asText(null);
        if (type == null) {
            problems.schema(at + "/Type", "The field \"Type\" is required");
            return null;
        }
        QueryLanguage language = node.has("QueryLanguage") ? QueryLanguage.parse(node.get("QueryLanguage").asText()) : inherited;
        if (inherited == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
            problems.schema(at + "/QueryLanguage", "A state cannot use JSONPath when the state machine uses JSONata");
        }
        checkLanguageFields(node, at, language);
        StateCommon common = common(name, type, node, at, language);
        return switch (type) {
            case "Pass" -> new PassState(common);
            case "Succeed" -> new SucceedState(common);
            case "Task" -> task(common, node, at);
            case "Choice" -> choice(common, node, at);
            case "Wait" -> new WaitState(common, node.path("Seconds"), text(node, "SecondsPath"),
                    node.path("Timestamp"), text(node, "TimestampPath"));
            case "Fail" -> new FailState(common, node.path("Error"), text(node, "ErrorPath"),
                    node.path("Cause"), text(node, "CausePath"));
            case "Parallel" -> parallel(common, node, at, language);
            case "Map" -> map(common, node, at, language);
            default -> {
                problems.schema(at + "/Type", "The field \"Type\" has an unknown state type \"" + type + "\"");
                yield null;
            }
        };
    }

    private void checkLanguageFields(JsonNode node, String at, QueryLanguage language) {
        Set<String> forbidden = language == QueryLanguage.JSONATA ? JSONPATH_ONLY : JSONATA_ONLY;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (forbidden.contains(field)) {
                problems.schema(at + "/" + field, "The field \"" + field + "\" is not supported when QueryLanguage is "
                        + (language == QueryLanguage.JSONATA ? "JSONata" : "JSONPath"));
            }
        }
    }

    private StateCommon common(String name, String type, JsonNode node, String at, QueryLanguage language) {
        boolean terminal = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
        String next = text(node, "Next");
        boolean end = node.path("End").asBoolean(false);
        if (!terminal && next == null && !end) {
            problems.schema(at, "The state must have either \"Next\" or \"End\": true");
        }
        if (next != null && end) {
            problems.schema(at, "The state cannot have both \"Next\" and \"End\": true");
        }
        return new StateCommon(name, type, language, next, end, node.path("InputPath"), node.path("Parameters"),
                node.path("ResultSelector"), node.path("ResultPath"), node.path("OutputPath"), node.path("Result"),
                node.path("Assign"), node.path("Output"), node.path("Arguments"),
                RecoveryParser.retriers(node.path("Retry"), at + "/Retry", problems),
                RecoveryParser.catchers(node.path("Catch"), at + "/Catch", problems));
    }

    private TaskState task(StateCommon common, JsonNode node, String at) {
        String resource = text(node, "Resource");
        if (resource == null) {
            problems.schema(at + "/Resource", "The field \"Resource\" is required for a Task state");
        }
        return new TaskState(common, resource, node.path("TimeoutSeconds"), text(node, "TimeoutSecondsPath"),
                node.path("HeartbeatSeconds"), text(node, "HeartbeatSecondsPath"), node.path("Credentials"));
    }

    private ChoiceState choice(StateCommon common, JsonNode node, String at) {
        JsonNode choices = node.path("Choices");
        List<ChoiceState.Branch> branches = new ArrayList<>();
        if (!choices.isArray() || choices.isEmpty()) {
            problems.schema(at + "/Choices", "The field \"Choices\" is required and must be a non-empty array");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                JsonNode c = choices.get(i);
                String next = text(c, "Next");
                if (next == null) {
                    problems.schema(at + "/Choices/" + i + "/Next", "The field \"Next\" is required in a Choice rule");
                }
                branches.add(new ChoiceState.Branch(rules.parse(c, at + "/Choices/" + i, common.jsonata()), next,
                        c.path("Assign"), c.path("Output")));
            }
        }
        return new ChoiceState(common, branches, text(node, "Default"));
    }

    private ParallelState parallel(StateCommon common, JsonNode node, String at, QueryLanguage language) {
        JsonNode branches = node.path("Branches");
        List<Program> programs = new ArrayList<>();
        if (!branches.isArray() || branches.isEmpty()) {
            problems.schema(at + "/Branches", "The field \"Branches\" is required and must be a non-empty array");
        } else {
            for (int i = 0; i < branches.size(); i++) {
                programs.add(program(branches.get(i), at + "/Branches/" + i, language));
            }
        }
        return new ParallelState(common, programs);
    }

    private MapState map(StateCommon common, JsonNode node, String at, QueryLanguage language) {
        String field = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (!node.has(field)) {
            problems.schema(at + "/ItemProcessor", "The field \"ItemProcessor\" is required for a Map state");
        }
        Program processor = program(node.path(field), at + "/" + field, language);
        JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.path("Parameters");
        return new MapState(common, processor, node.path("ItemsPath"), node.path("Items"), selector,
                node.path("MaxConcurrency"), text(node, "MaxConcurrencyPath"),
                node.path("ToleratedFailureCount"), text(node, "ToleratedFailureCountPath"),
                node.path("ToleratedFailurePercentage"), text(node, "ToleratedFailurePercentagePath"),
                node.path("ItemBatcher"), node.path("ItemReader"), node.path("ResultWriter"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
