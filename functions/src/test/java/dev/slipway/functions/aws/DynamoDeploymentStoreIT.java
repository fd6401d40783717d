package dev.slipway.functions.aws;

import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.testkit.deploy.DeploymentStoreContract;

class DynamoDeploymentStoreIT extends DeploymentStoreContract {

    @Override
    protected DeploymentStore newStore() {
        String table = EmbeddedDynamo.uniquePrefix() + "deployments";
        DynamoTables.createDeployments(EmbeddedDynamo.client(), table);
        return new DynamoDeploymentStore(EmbeddedDynamo.client(), table);
    }
}
