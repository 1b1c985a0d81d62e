package dev.registryedge.standins;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys the stand-ins accept, and the account each belongs to: how AWS tells accounts
 * apart, by the key a request is signed with. Long-term keys are added by the test; temporary
 * ones, with their session token, are issued by {@link StsStandIn} for the role's account.
 */
public final class AccessKeys {

    /** A key's secret, its account and, for a temporary key, the session token that must come with it. */
    record Key(String secret, String account, String sessionToken) {}

    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    /** Every key in {@code secretsByAccessKey} belongs to {@link LambdaApiStandIn#ACCOUNT}. */
    public static AccessKeys of(Map<String, String> secretsByAccessKey) {
        AccessKeys keys = new AccessKeys();
        secretsByAccessKey.forEach((key, secret) -> keys.add(key, secret, LambdaApiStandIn.ACCOUNT));
        return keys;
    }

    public AccessKeys add(String accessKey, String secret, String account) {
        keys.put(accessKey, new Key(secret, account, null));
        return this;
    }

    /** A temporary key of {@code account}, as AssumeRole hands out. */
    Key issue(String account, String[] idOut) {
        String id = "ASIA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        Key key = new Key("secret-" + UUID.randomUUID(), account, "token-" + UUID.randomUUID());
        keys.put(id, key);
        idOut[0] = id;
        return key;
    }

    Key get(String accessKey) {
        return keys.get(accessKey);
    }

    /** The account of a key, or null for a key no one issued. */
    public String accountOf(String accessKey) {
        Key key = keys.get(accessKey);
        return key == null ? null : key.account();
    }
}
