package dev.slipway.functions.aws;

import static dev.slipway.functions.aws.Items.DOC;
import static dev.slipway.functions.aws.Items.VERSION;
import static dev.slipway.functions.aws.Items.n;
import static dev.slipway.functions.aws.Items.s;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildNotFoundException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.BuildVersionConflictException;
import dev.slipway.core.json.SlipwayJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link BuildStore} on a DynamoDB table.
 *
 * <p>Table: partition key {@code id}. Global secondary indexes, both projecting all attributes:
 * {@code byRepo} ({@code repo}, {@code created}) for the latest builds of a repository and
 * {@code byBranch} ({@code repoBranch}, {@code created}) for a branch, which concurrency control and
 * {@code /status} need. {@code created} is sortable epoch millis + id, so newest first is a
 * backwards query. Creates and updates are conditional writes on {@code id} and {@code version}.
 */
public final class DynamoBuildStore implements BuildStore {

    static final String ID = "id";
    static final String REPO = "repo";
    static final String REPO_BRANCH = "repoBranch";
    static final String CREATED = "created";
    static final String BY_REPO = "byRepo";
    static final String BY_BRANCH = "byBranch";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBuildStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(BuildRecord build) {
        if (build.version() != 0) {
            throw new IllegalArgumentException("build " + build.id() + " has version " + build.version()
                    + ": create takes a record that was never stored (version 0)");
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(build.withVersion(1)))
                    .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<BuildRecord> find(BuildId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of(ID, s(id.value())))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(record(item));
    }

    @Override
    public BuildRecord update(BuildRecord changed) {
        BuildRecord written = changed.withVersion(changed.version() + 1);
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(written))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(changed.version()))));
            return written;
        } catch (ConditionalCheckFailedException e) {
            if (find(changed.id()).isEmpty()) {
                throw new BuildNotFoundException(changed.id());
            }
            throw new BuildVersionConflictException(changed.id(), changed.version());
        }
    }

    @Override
    public List<BuildRecord> latestForRepo(String repo, int limit) {
        return newestFirst(BY_REPO, REPO, repo, limit);
    }

    @Override
    public List<BuildRecord> latestForBranch(String repo, String branch, int limit) {
        return newestFirst(BY_BRANCH, REPO_BRANCH, repoBranch(repo, branch), limit);
    }

    private List<BuildRecord> newestFirst(String index, String key, String value, int limit) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", key))
                .expressionAttributeValues(Map.of(":v", s(value))).scanIndexForward(false).limit(limit).build();
        return dynamo.query(query).items().stream().map(DynamoBuildStore::record).toList();
    }

    private static Map<String, AttributeValue> item(BuildRecord build) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(build.id().value()));
        item.put(REPO, s(build.repo()));
        item.put(CREATED, s(Items.sortable(build.createdAt()) + "#" + build.id().value()));
        if (build.request().branch() != null) {
            item.put(REPO_BRANCH, s(repoBranch(build.repo(), build.request().branch())));
        }
        item.put("status", s(build.status().name()));
        item.put(VERSION, n(build.version()));
        item.put(DOC, s(SlipwayJson.write(build)));
        return item;
    }

    private static BuildRecord record(Map<String, AttributeValue> item) {
        return SlipwayJson.read(Items.string(item, DOC), BuildRecord.class).withVersion(Items.number(item, VERSION));
    }

    private static String repoBranch(String repo, String branch) {
        return repo + "#" + branch;
    }
}
