package dev.slipway.functions.aws;

import dev.slipway.core.artifact.ArtifactKeys;
import dev.slipway.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The artifact store on S3: {@code s3://<bucket>/<buildId>/<name>}. A PutObject replaces an object
 * atomically (readers see the old or the new object, never a part), which is the store's contract.
 * The bucket's lifecycle rule (template.yaml) expires old builds.
 */
public final class S3ArtifactStore implements ArtifactStore {

    private final S3Client s3;
    private final String bucket;

    public S3ArtifactStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String buildId, String name, InputStream content) throws IOException {
        ArtifactKeys.check(buildId, name);
        byte[] bytes = content.readAllBytes();
        s3.putObject(r -> r.bucket(bucket).key(buildId + "/" + name), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<InputStream> open(String buildId, String name) {
        ArtifactKeys.check(buildId, name);
        try {
            return Optional.of(s3.getObject(r -> r.bucket(bucket).key(buildId + "/" + name)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String buildId) {
        ArtifactKeys.checkBuildId(buildId);
        List<String> names = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(buildId + "/")).contents()
                .forEach(o -> names.add(o.key().substring(buildId.length() + 1)));
        names.sort(null);
        return names;
    }

    @Override
    public void delete(String buildId) {
        ArtifactKeys.checkBuildId(buildId);
        List<ObjectIdentifier> keys = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(buildId + "/")).contents()) {
            keys.add(ObjectIdentifier.builder().key(o.key()).build());
            if (keys.size() == 1000) {
                deleteAll(keys);
            }
        }
        deleteAll(keys);
    }

    /** DeleteObjects takes at most 1,000 keys per call. */
    private void deleteAll(List<ObjectIdentifier> keys) {
        if (!keys.isEmpty()) {
            List<ObjectIdentifier> batch = List.copyOf(keys);
            s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
            keys.clear();
        }
    }
}
