package dev.slipway.functions.aws;

import dev.slipway.core.artifact.ArtifactStore;
import dev.slipway.testkit.artifact.ArtifactStoreContract;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 artifact store keeps the ArtifactStore contract, against moto's S3. */
class S3ArtifactStoreIT extends ArtifactStoreContract {

    private static final S3Client S3 = S3Client.builder().endpointOverride(MotoServer.endpoint())
            .region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build();

    private final ArtifactStore store;

    S3ArtifactStoreIT() {
        String bucket = "artifacts-" + UUID.randomUUID();
        S3.createBucket(r -> r.bucket(bucket));
        store = new S3ArtifactStore(S3, bucket);
    }

    @Override
    protected ArtifactStore store() {
        return store;
    }
}
