package dev.registryedge.handler.sigv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void matchesTheStandardVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(SigV4.EMPTY_PAYLOAD, Sha256.hex(Sha256.digest(new byte[0])));
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Sha256.hex(Sha256.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void agreesWithTheJdkOnRandomInputsOfEveryLengthAroundTheBlockSize() throws Exception {
        Random random = new Random(256);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Mac mac = Mac.getInstance("HmacSHA256");
        for (int length = 0; length < 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            byte[] key = new byte[random.nextInt(100) + 1];
            random.nextBytes(key);
            assertArrayEquals(sha.digest(message), Sha256.digest(message), "length " + length);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertArrayEquals(mac.doFinal(message), Sha256.hmac(key, message), "length " + length);
        }
    }

    @Test
    void incrementalHashingAgreesWithTheJdkWhateverThePieces() throws Exception {
        Random random = new Random(11);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                text.append(random.nextInt(10) == 0 ? (char) (0x80 + random.nextInt(0x3000)) : (char) random.nextInt(0x80));
            }
            String whole = text.toString();
            Sha256 pieces = Sha256.start();
            for (int at = 0; at < whole.length(); ) {
                int end = Math.min(whole.length(), at + random.nextInt(70));
                pieces.update(whole.substring(at, end));
                at = end;
            }
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(whole.getBytes(StandardCharsets.UTF_8)),
                    pieces.finish(), whole);

            byte[] key = new byte[1 + random.nextInt(100)]; // longer than a block too
            random.nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertArrayEquals(mac.doFinal(whole.getBytes(StandardCharsets.UTF_8)),
                    Sha256.hmac(key).update(whole).finishHmac(key), whole);
        }
    }
}
