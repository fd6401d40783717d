package dev.slipway.functions.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates Slipway's tables, for the embedded runtime and tests; in the cloud {@code template.yaml}
 * declares the same tables. All are on-demand (PAY_PER_REQUEST) with string keys.
 */
public final class DynamoTables {

    private DynamoTables() {
    }

    /** Creates every table that does not exist yet and waits until they are active. */
    public static void createAll(DynamoDbClient dynamo, TableNames names) {
        createBuilds(dynamo, names.builds());
        createDeployments(dynamo, names.deployments());
        createApprovals(dynamo, names.approvals());
        createDeliveries(dynamo, names.deliveries());
    }

    public static void createBuilds(DynamoDbClient dynamo, String name) {
        create(dynamo, table(name, DynamoBuildStore.ID, null,
                List.of(DynamoBuildStore.REPO, DynamoBuildStore.REPO_BRANCH, DynamoBuildStore.CREATED),
                gsi(DynamoBuildStore.BY_REPO, DynamoBuildStore.REPO, DynamoBuildStore.CREATED),
                gsi(DynamoBuildStore.BY_BRANCH, DynamoBuildStore.REPO_BRANCH, DynamoBuildStore.CREATED)));
    }

    public static void createDeployments(DynamoDbClient dynamo, String name) {
        create(dynamo, table(name, DynamoDeploymentStore.TARGET, DynamoDeploymentStore.SK,
                List.of(DynamoDeploymentStore.CURRENT_OF, DynamoDeploymentStore.ENVIRONMENT),
                gsi(DynamoDeploymentStore.BY_SERVICE, DynamoDeploymentStore.CURRENT_OF, DynamoDeploymentStore.ENVIRONMENT)));
    }

    public static void createApprovals(DynamoDbClient dynamo, String name) {
        create(dynamo, table(name, DynamoApprovalStore.ID, null,
                List.of(DynamoApprovalStore.OPEN_KEY, DynamoApprovalStore.EXPIRES, DynamoApprovalStore.BUILD,
                        DynamoApprovalStore.CREATED),
                gsi(DynamoApprovalStore.OPEN_INDEX, DynamoApprovalStore.OPEN_KEY, DynamoApprovalStore.EXPIRES),
                gsi(DynamoApprovalStore.BY_BUILD, DynamoApprovalStore.BUILD, DynamoApprovalStore.CREATED)));
    }

    public static void createDeliveries(DynamoDbClient dynamo, String name) {
        create(dynamo, table(name, DynamoDeliveryLedger.KEY, null, List.of()));
        enableTtl(dynamo, name, DynamoDeliveryLedger.TTL);
    }

    private static CreateTableRequest table(String name, String hash, String range, List<String> indexed,
            GlobalSecondaryIndex... indexes) {
        List<KeySchemaElement> key = range == null ? List.of(key(hash, KeyType.HASH))
                : List.of(key(hash, KeyType.HASH), key(range, KeyType.RANGE));
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(string(hash));
        if (range != null) {
            attributes.add(string(range));
        }
        indexed.forEach(a -> attributes.add(string(a)));
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).keySchema(key)
                .attributeDefinitions(attributes).billingMode(BillingMode.PAY_PER_REQUEST);
        if (indexes.length > 0) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    private static void create(DynamoDbClient dynamo, CreateTableRequest request) {
        try {
            dynamo.createTable(request);
        } catch (ResourceInUseException e) {
            // Already there: creating is idempotent.
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(request.tableName()));
    }

    private static void enableTtl(DynamoDbClient dynamo, String table, String attribute) {
        try {
            dynamo.updateTimeToLive(r -> r.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
        } catch (DynamoDbException e) {
            // "TimeToLive is already enabled": fine. Expired items are treated as absent anyway.
        }
    }

    private static GlobalSecondaryIndex gsi(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
