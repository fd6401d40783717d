package dev.slipway.functions.aws;

import static dev.slipway.functions.aws.Items.DOC;
import static dev.slipway.functions.aws.Items.VERSION;
import static dev.slipway.functions.aws.Items.n;
import static dev.slipway.functions.aws.Items.s;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalNotFoundException;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.approval.ApprovalVersionConflictException;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.json.SlipwayJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ApprovalStore} on a DynamoDB table keyed by {@code id}, with two global secondary indexes:
 * {@code open} ({@code openKey}, {@code expires}) is sparse, because {@code openKey} is only written
 * while a request is OPEN, so listing open requests reads only those; {@code byBuild}
 * ({@code build}, {@code created}) lists a build's requests.
 */
public final class DynamoApprovalStore implements ApprovalStore {

    static final String ID = "id";
    static final String OPEN_KEY = "openKey";
    static final String EXPIRES = "expires";
    static final String BUILD = "build";
    static final String CREATED = "created";
    static final String OPEN_INDEX = "open";
    static final String BY_BUILD = "byBuild";
    private static final String OPEN = "OPEN";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApprovalStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Approval approval) {
        if (approval.version() != 0) {
            throw new IllegalArgumentException("approval " + approval.id() + " has version " + approval.version()
                    + ": create takes a request that was never stored (version 0)");
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(approval.withVersion(1)))
                    .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Approval> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of(ID, s(id)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(approval(item));
    }

    @Override
    public Approval update(Approval changed) {
        Approval written = changed.withVersion(changed.version() + 1);
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(written))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(changed.version()))));
            return written;
        } catch (ConditionalCheckFailedException e) {
            if (find(changed.id()).isEmpty()) {
                throw new ApprovalNotFoundException(changed.id());
            }
            throw new ApprovalVersionConflictException(changed.id(), changed.version());
        }
    }

    /** {@code expires} is "millis#id"; comparing with "millis#~" ('~' sorts after every id character) excludes now. */
    @Override
    public List<Approval> open(Instant now) {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName(OPEN_INDEX)
                        .keyConditionExpression("#o = :open AND #e > :now")
                        .expressionAttributeNames(Map.of("#o", OPEN_KEY, "#e", EXPIRES))
                        .expressionAttributeValues(Map.of(":open", s(OPEN), ":now", s(Items.sortable(now) + "#~"))))
                .items().stream().map(DynamoApprovalStore::approval).toList();
    }

    @Override
    public List<Approval> forBuild(BuildId build) {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName(BY_BUILD)
                        .keyConditionExpression("#b = :b")
                        .expressionAttributeNames(Map.of("#b", BUILD))
                        .expressionAttributeValues(Map.of(":b", s(build.value()))))
                .items().stream().map(DynamoApprovalStore::approval).toList();
    }

    private static Map<String, AttributeValue> item(Approval approval) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(approval.id()));
        item.put(BUILD, s(approval.build().value()));
        item.put(CREATED, s(Items.sortable(approval.createdAt()) + "#" + approval.id()));
        item.put(EXPIRES, s(Items.sortable(approval.expiresAt()) + "#" + approval.id()));
        if (approval.state() == ApprovalState.OPEN) {
            item.put(OPEN_KEY, s(OPEN));
        }
        item.put(VERSION, n(approval.version()));
        item.put(DOC, s(SlipwayJson.write(approval)));
        return item;
    }

    private static Approval approval(Map<String, AttributeValue> item) {
        return SlipwayJson.read(Items.string(item, DOC), Approval.class).withVersion(Items.number(item, VERSION));
    }
}
