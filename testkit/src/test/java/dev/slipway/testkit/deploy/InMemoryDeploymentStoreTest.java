package dev.slipway.testkit.deploy;

import dev.slipway.core.deploy.DeploymentStore;

class InMemoryDeploymentStoreTest extends DeploymentStoreContract {

    @Override
    protected DeploymentStore newStore() {
        return new InMemoryDeploymentStore();
    }
}
