package dev.slipway.testkit.approval;

import dev.slipway.core.approval.ApprovalStore;

class InMemoryApprovalStoreTest extends ApprovalStoreContract {

    @Override
    protected ApprovalStore newStore() {
        return new InMemoryApprovalStore();
    }
}
