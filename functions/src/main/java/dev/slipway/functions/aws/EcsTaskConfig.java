package dev.slipway.functions.aws;

/**
 * What the ECS task definitions of stages need from the account (template.yaml's outputs).
 *
 * @param familyPrefix     task definition family prefix ({@code slipway-stage})
 * @param executionRoleArn pulls images, writes logs, reads the secrets the tasks name
 * @param taskRoleArn      what the containers may call (the artifacts bucket)
 * @param logGroup         CloudWatch Logs group of stage output
 * @param region           the region of the log group
 * @param secretArnPrefix  a secret NAME is read from {@code <prefix>NAME} (Secrets Manager ARN prefix)
 * @param artifactsUrl     {@code s3://bucket}, given to containers that use the artifact store
 */
public record EcsTaskConfig(String familyPrefix, String executionRoleArn, String taskRoleArn, String logGroup,
        String region, String secretArnPrefix, String artifactsUrl) {
}
