package dev.slipway.functions.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the constant-time comparisons every provider's scheme needs. */
final class Hmac {

    private Hmac() {
    }

    static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is available on every JVM and takes any non-empty key", e);
        }
    }

    static byte[] sha256(String key, byte[]... parts) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), parts);
    }

    /**
     * Compares without revealing through timing how much of {@code given} matched:
     * {@link MessageDigest#isEqual} takes time depending only on the length of its inputs.
     */
    static boolean equal(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    static boolean equal(String expected, String given) {
        return equal(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
