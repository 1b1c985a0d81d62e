package dev.registryedge.handler.sigv4;

/** SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104). */
public final class Sha256 {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19};
    private final byte[] block = new byte[64];
    /** The message schedule, 16 words rolled over (64 would be an off-heap typed array on Node). */
    private final int[] w = new int[16];
    private int filled;
    private long length;

    private Sha256() {}

    /**
     * An incremental hash, fed piece by piece: on Node, hashing a canonical request as it is
     * written costs none of the copies that building it as one string and encoding it would.
     */
    public static Sha256 start() {
        return new Sha256();
    }

    public static byte[] digest(byte[] message) {
        return start().update(message).finish();
    }

    public Sha256 update(byte b) {
        block[filled++] = b;
        length++;
        if (filled == 64) {
            compress();
            filled = 0;
        }
        return this;
    }

    public Sha256 update(byte[] bytes) {
        for (byte b : bytes) {
            update(b);
        }
        return this;
    }

    /** The text's UTF-8 bytes, as {@link SigV4#utf8} encodes them. */
    public Sha256 update(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return update(SigV4.utf8(text.substring(i)));
            }
            update((byte) text.charAt(i));
        }
        return this;
    }

    /** The digest; the hasher is spent. */
    public byte[] finish() {
        long bits = length * 8;
        update((byte) 0x80);
        while (filled != 56) {
            update((byte) 0);
        }
        for (int i = 7; i >= 0; i--) {
            update((byte) (bits >>> (8 * i)));
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (h[i] >>> 24);
            out[4 * i + 1] = (byte) (h[i] >>> 16);
            out[4 * i + 2] = (byte) (h[i] >>> 8);
            out[4 * i + 3] = (byte) h[i];
        }
        return out;
    }

    private void compress() {
        for (int t = 0; t < 16; t++) {
            int i = 4 * t;
            w[t] = (block[i] & 0xff) << 24 | (block[i + 1] & 0xff) << 16 | (block[i + 2] & 0xff) << 8
                    | (block[i + 3] & 0xff);
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int t = 0; t < 64; t++) {
            if (t >= 16) {
                int w15 = w[(t - 15) & 15];
                int w2 = w[(t - 2) & 15];
                int s0 = Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ (w15 >>> 3);
                int s1 = Integer.rotateRight(w2, 17) ^ Integer.rotateRight(w2, 19) ^ (w2 >>> 10);
                w[t & 15] += s0 + w[(t - 7) & 15] + s1;
            }
            int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int ch = (e & f) ^ (~e & g);
            int temp1 = hh + s1 + ch + K[t] + w[t & 15];
            int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int temp2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + temp1;
            d = c;
            c = b;
            b = a;
            a = temp1 + temp2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        return hmac(key).update(message).finishHmac(key);
    }

    /** The inner hash of an HMAC over {@code key}, to be fed the message and ended by {@link #finishHmac}. */
    public static Sha256 hmac(byte[] key) {
        byte[] block = key.length > 64 ? digest(key) : key;
        Sha256 inner = start();
        for (int i = 0; i < 64; i++) {
            inner.update((byte) ((i < block.length ? block[i] : 0) ^ 0x36));
        }
        return inner;
    }

    /** Ends an HMAC begun by {@link #hmac(byte[])} with the same key. */
    public byte[] finishHmac(byte[] key) {
        byte[] block = key.length > 64 ? digest(key) : key;
        Sha256 outer = start();
        for (int i = 0; i < 64; i++) {
            outer.update((byte) ((i < block.length ? block[i] : 0) ^ 0x5c));
        }
        return outer.update(finish()).finish();
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
