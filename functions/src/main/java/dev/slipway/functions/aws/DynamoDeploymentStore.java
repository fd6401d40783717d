package dev.slipway.functions.aws;

import static dev.slipway.functions.aws.Items.DOC;
import static dev.slipway.functions.aws.Items.n;
import static dev.slipway.functions.aws.Items.s;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.json.SlipwayJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link DeploymentStore} on a DynamoDB table keyed by {@code target} ({@code service#environment})
 * and sort key {@code sk}. One partition per target holds:
 * <ul>
 *   <li>{@code H#<started millis>#<id>}: the history, newest first by a backwards query;</li>
 *   <li>{@code CURRENT} and {@code LASTGOOD}: pointers holding a copy of the deployment, so "what runs
 *       now" and "what a rollback restores" are single consistent reads;</li>
 *   <li>{@code LOCK}: the deploy lock (holder and lease end).</li>
 * </ul>
 * CURRENT items also carry {@code currentOf} = the service, indexed by the {@code byService} global
 * secondary index ({@code currentOf}, {@code environment}) for {@code /status <service>}.
 * Pointers move only forward: a write carrying an older {@code started} than the pointer's is
 * skipped unless it is the same deployment being updated.
 */
public final class DynamoDeploymentStore implements DeploymentStore {

    static final String TARGET = "target";
    static final String SK = "sk";
    static final String CURRENT_OF = "currentOf";
    static final String ENVIRONMENT = "environment";
    static final String BY_SERVICE = "byService";
    private static final String STARTED = "started";
    private static final String DEPLOYMENT_ID = "deploymentId";
    private static final String HOLDER = "holder";
    private static final String UNTIL = "until";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeploymentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Deployment deployment) {
        String started = Items.sortable(deployment.startedAt());
        Map<String, AttributeValue> history = item(deployment, "H#" + started + "#" + deployment.id());
        dynamo.putItem(r -> r.tableName(table).item(history));
        Map<String, AttributeValue> current = item(deployment, "CURRENT");
        current.put(CURRENT_OF, s(deployment.target().service()));
        current.put(ENVIRONMENT, s(deployment.target().environment()));
        movePointer(current);
        if (deployment.status() == DeploymentStatus.SUCCEEDED) {
            movePointer(item(deployment, "LASTGOOD"));
        }
    }

    private void movePointer(Map<String, AttributeValue> pointer) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(pointer)
                    .conditionExpression("attribute_not_exists(#sk) OR #started < :started OR #id = :id")
                    .expressionAttributeNames(Map.of("#sk", SK, "#started", STARTED, "#id", DEPLOYMENT_ID))
                    .expressionAttributeValues(Map.of(":started", pointer.get(STARTED), ":id", pointer.get(DEPLOYMENT_ID))));
        } catch (ConditionalCheckFailedException e) {
            // A newer deployment already holds the pointer: this one is history only.
        }
    }

    @Override
    public Optional<Deployment> current(ServiceEnvironment target) {
        return pointer(target, "CURRENT");
    }

    @Override
    public Optional<Deployment> lastGood(ServiceEnvironment target) {
        return pointer(target, "LASTGOOD");
    }

    @Override
    public List<Deployment> history(ServiceEnvironment target, int limit) {
        return dynamo.query(r -> r.tableName(table)
                        .keyConditionExpression("#t = :t AND begins_with(#sk, :h)")
                        .expressionAttributeNames(Map.of("#t", TARGET, "#sk", SK))
                        .expressionAttributeValues(Map.of(":t", s(key(target)), ":h", s("H#")))
                        .scanIndexForward(false).limit(limit).consistentRead(true))
                .items().stream().map(DynamoDeploymentStore::deployment).toList();
    }

    @Override
    public List<Deployment> currentOf(String service) {
        return dynamo.query(r -> r.tableName(table).indexName(BY_SERVICE)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", CURRENT_OF))
                        .expressionAttributeValues(Map.of(":s", s(service))))
                .items().stream().map(DynamoDeploymentStore::deployment).toList();
    }

    /** A scan of the sparse {@code byService} index: it holds only the CURRENT pointers, one per target. */
    @Override
    public List<Deployment> currentAll() {
        return dynamo.scanPaginator(r -> r.tableName(table).indexName(BY_SERVICE)).items().stream()
                .map(DynamoDeploymentStore::deployment)
                .sorted(Comparator.comparing((Deployment d) -> d.target().service()).thenComparing(d -> d.target().environment()))
                .toList();
    }

    @Override
    public boolean tryLock(ServiceEnvironment target, BuildId holder, Instant now, Duration lease) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(TARGET, s(key(target)), SK, s("LOCK"), HOLDER, s(holder.value()),
                            UNTIL, n(now.plus(lease).toEpochMilli())))
                    .conditionExpression("attribute_not_exists(#sk) OR #h = :me OR #u < :now")
                    .expressionAttributeNames(Map.of("#sk", SK, "#h", HOLDER, "#u", UNTIL))
                    .expressionAttributeValues(Map.of(":me", s(holder.value()), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void unlock(ServiceEnvironment target, BuildId holder) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of(TARGET, s(key(target)), SK, s("LOCK")))
                    .conditionExpression("#h = :me")
                    .expressionAttributeNames(Map.of("#h", HOLDER))
                    .expressionAttributeValues(Map.of(":me", s(holder.value()))));
        } catch (ConditionalCheckFailedException e) {
            // Held by someone else, or not held: unlock by a non-holder changes nothing.
        }
    }

    private Optional<Deployment> pointer(ServiceEnvironment target, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(TARGET, s(key(target)), SK, s(sk))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(deployment(item));
    }

    private static Map<String, AttributeValue> item(Deployment deployment, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TARGET, s(key(deployment.target())));
        item.put(SK, s(sk));
        item.put(STARTED, s(Items.sortable(deployment.startedAt()) + "#" + deployment.id()));
        item.put(DEPLOYMENT_ID, s(deployment.id()));
        item.put("status", s(deployment.status().name()));
        item.put(DOC, s(SlipwayJson.write(deployment)));
        return item;
    }

    private static Deployment deployment(Map<String, AttributeValue> item) {
        return SlipwayJson.read(Items.string(item, DOC), Deployment.class);
    }

    private static String key(ServiceEnvironment target) {
        return target.service() + "#" + target.environment();
    }
}
