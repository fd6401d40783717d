package dev.slipway.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.DelayScheduler;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionDriver;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.TaskTokens;
import dev.slipway.runtime.asl.history.EngineStore;
import dev.slipway.runtime.asl.history.ExecutionRecord;
import dev.slipway.runtime.asl.history.StateMachineRecord;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.asl.model.DefinitionInvalidException;
import dev.slipway.runtime.asl.model.DefinitionParser;
import dev.slipway.runtime.asl.model.Program;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The local Step Functions service: state machines, executions and task tokens, behind the same
 * operations as the AWS API. On construction it reloads what the store holds and continues every
 * open execution from its recorded history.
 */
public final class Engine {
    private final EngineStore store;
    private final Clock clock;
    private final TaskTokens tokens = new TaskTokens();
    private final ExecutionDriver driver;
    private final Map<String, StateMachineRecord> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();

    public Engine(EngineStore store, TaskIntegrations integrations, Executor executor, DelayScheduler scheduler, Clock clock) {
        this.store = store;
        this.clock = clock;
        integrations.register(new dev.slipway.runtime.asl.integration.StartExecutionIntegration(this));
        this.driver = new ExecutionDriver(integrations, scheduler, executor, tokens);
        recover();
    }

    private void recover() {
        store.loadStateMachines().forEach(m -> machines.put(m.arn(), m));
        for (EngineStore.StoredExecution stored : store.loadExecutions()) {
            ExecutionRecord record = stored.record();
            Execution execution = new Execution(record, DefinitionParser.parse(record.definition()), store, clock);
            executions.put(record.executionArn(), execution);
            driver.resume(execution, stored.events());
        }
    }

    public StateMachineRecord createStateMachine(String name, String definition, String roleArn, String type) {
        Names.check(name);
        parse(definition);
        String arn = Names.stateMachineArn(name);
        StateMachineRecord record = new StateMachineRecord(arn, name, definition, roleArn,
                type == null ? "STANDARD" : type, clock.instant(), 1);
        StateMachineRecord existing = machines.putIfAbsent(arn, record);
        if (existing != null) {
            if (existing.definition().equals(definition) && Objects.equals(existing.roleArn(), roleArn)) {
                return existing;
            }
            throw new RequestRejectedException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        store.saveStateMachine(record);
        return record;
    }

    public StateMachineRecord updateStateMachine(String arn, String definition, String roleArn) {
        StateMachineRecord old = stateMachine(arn);
        if (definition != null) {
            parse(definition);
        }
        StateMachineRecord updated = new StateMachineRecord(arn, old.name(), definition == null ? old.definition() : definition,
                roleArn == null ? old.roleArn() : roleArn, old.type(), old.creationDate(), old.revision() + 1);
        machines.put(arn, updated);
        store.saveStateMachine(updated);
        return updated;
    }

    public void deleteStateMachine(String arn) {
        Names.checkArn(arn, "stateMachine");
        if (machines.remove(arn) != null) {
            store.deleteStateMachine(arn);
        }
    }

    public StateMachineRecord stateMachine(String arn) {
        Names.checkArn(arn, "stateMachine");
        StateMachineRecord record = machines.get(arn);
        if (record == null) {
            throw new RequestRejectedException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return record;
    }

    public List<StateMachineRecord> stateMachines() {
        List<StateMachineRecord> all = new ArrayList<>(machines.values());
        all.sort(Comparator.comparing(StateMachineRecord::name));
        return all;
    }

    /** Starts an execution; the same name and input while it is still running returns that execution (AWS idempotency). */
    public Execution startExecution(String stateMachineArn, String name, String input) {
        StateMachineRecord machine = stateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        Names.check(executionName);
        String inputText = input == null ? "{}" : input;
        JsonNode parsedInput = parseInput(inputText);
        String arn = Names.executionArn(stateMachineArn, executionName);
        ExecutionRecord record = new ExecutionRecord(arn, stateMachineArn, executionName,
                Json.parse(machine.definition()), Json.write(parsedInput), clock.instant(), 0);
        Execution fresh = new Execution(record, parse(machine.definition()), store, clock);
        Execution existing = executions.putIfAbsent(arn, fresh);
        if (existing != null) {
            if (existing.status().open() && existing.record().input().equals(record.input())) {
                return existing;
            }
            throw new RequestRejectedException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        store.createExecution(record);
        driver.start(fresh);
        return fresh;
    }

    private static JsonNode parseInput(String input) {
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(input);
        } catch (Exception e) {
            throw new RequestRejectedException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getMessage().lines().findFirst().orElse("") + "'");
        }
        if (input.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 256 * 1024) {
            throw new RequestRejectedException("ValidationException", "1 validation error detected: Value at 'input'"
                    + " failed to satisfy constraint: Member must have length less than or equal to 262144");
        }
        return parsed;
    }

    public Execution execution(String arn) {
        Names.checkArn(arn, "execution");
        Execution execution = executions.get(arn);
        if (execution == null) {
            throw new RequestRejectedException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return execution;
    }

    /** Executions of one state machine, newest first, as ListExecutions returns them. */
    public List<Execution> executions(String stateMachineArn) {
        stateMachine(stateMachineArn);
        List<Execution> list = new ArrayList<>();
        executions.values().forEach(e -> {
            if (e.record().stateMachineArn().equals(stateMachineArn)) {
                list.add(e);
            }
        });
        list.sort(Comparator.comparing((Execution e) -> e.record().startDate()).reversed()
                .thenComparing(Execution::arn));
        return list;
    }

    public Execution stopExecution(String arn, String error, String cause) {
        Execution execution = execution(arn);
        driver.stop(execution, error, cause);
        return execution;
    }

    public Execution redrive(String arn) {
        Execution execution = execution(arn);
        if (execution.status().open() || execution.status() == dev.slipway.runtime.asl.eval.ExecutionStatus.SUCCEEDED) {
            throw new RequestRejectedException("ExecutionNotRedrivable", "Execution is " + execution.status()
                    + ": only FAILED, ABORTED or TIMED_OUT executions can be redriven: '" + arn + "'");
        }
        driver.redrive(execution);
        return execution;
    }

    public void sendTaskSuccess(String token, String output) {
        checkToken(token);
        JsonNode parsed = parseInput(output);
        if (!tokens.succeed(token, parsed)) {
            throw taskGone(token);
        }
    }

    public void sendTaskFailure(String token, String error, String cause) {
        checkToken(token);
        if (!tokens.fail(token, error, cause)) {
            throw taskGone(token);
        }
    }

    public void sendTaskHeartbeat(String token) {
        checkToken(token);
        if (!tokens.heartbeat(token)) {
            throw taskGone(token);
        }
    }

    private void checkToken(String token) {
        if (!tokens.wellFormed(token)) {
            throw new RequestRejectedException("InvalidToken", "Invalid Token: '" + token + "'");
        }
    }

    private static RequestRejectedException taskGone(String token) {
        return new RequestRejectedException("TaskTimedOut", "Task Timed Out: '" + token
                + "': no task waits on this token any more (it completed, timed out, or its execution stopped)");
    }

    public TaskTokens tokens() {
        return tokens;
    }

    public Clock clock() {
        return clock;
    }

    static Program parse(String definition) {
        try {
            return DefinitionParser.parse(definition);
        } catch (DefinitionInvalidException e) {
            throw new RequestRejectedException("InvalidDefinition", e.getMessage());
        }
    }
}
