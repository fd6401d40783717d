package dev.slipway.functions.aws;

import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.testkit.approval.ApprovalStoreContract;

class DynamoApprovalStoreIT extends ApprovalStoreContract {

    @Override
    protected ApprovalStore newStore() {
        String table = EmbeddedDynamo.uniquePrefix() + "approvals";
        DynamoTables.createApprovals(EmbeddedDynamo.client(), table);
        return new DynamoApprovalStore(EmbeddedDynamo.client(), table);
    }
}
