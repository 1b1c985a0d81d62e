package dev.registryedge.ipmap.lookup;

/**
 * Packs a sorted interval table into a printable string and back.
 *
 * <p>Generated classes hold their tables as string constants because array literals of a few
 * thousand entries overflow the JVM's 64 KB method limit, while a string is decoded once at
 * class initialisation. Each interval is two unsigned varints: the distance of its start from
 * the previous start, and its {@linkplain RegionMap info word}. A varint is written five bits
 * per character, low bits first; characters {@code '0'..'O'} carry a final group and
 * {@code 'P'..'o'} a group with more to follow.
 */
public final class IntervalCodec {

    private static final char BASE = '0';
    private static final int MORE = 32;

    private IntervalCodec() {}

    /**
     * Encodes interval starts (ascending as unsigned numbers, the first being 0) and their
     * info words.
     */
    public static String encode(long[] starts, int[] infos) {
        if (starts.length != infos.length) {
            throw new IllegalArgumentException("starts and infos differ in length");
        }
        StringBuilder out = new StringBuilder(starts.length * 6);
        long previous = 0;
        for (int i = 0; i < starts.length; i++) {
            if (i > 0 && Long.compareUnsigned(starts[i], previous) <= 0) {
                throw new IllegalArgumentException("starts are not ascending at index " + i);
            }
            writeVarint(out, starts[i] - previous);
            writeVarint(out, infos[i] & 0xffffffffL);
            previous = starts[i];
        }
        return out.toString();
    }

    private static void writeVarint(StringBuilder out, long value) {
        while (Long.compareUnsigned(value, MORE) >= 0) {
            out.append((char) (BASE + MORE + (int) (value & (MORE - 1))));
            value >>>= 5;
        }
        out.append((char) (BASE + (int) value));
    }

    /** The number of intervals in an encoded table. */
    public static int count(String encoded) {
        int finals = 0;
        for (int i = 0; i < encoded.length(); i++) {
            if (encoded.charAt(i) - BASE < MORE) {
                finals++;
            }
        }
        return finals / 2;
    }

    /** Decodes into the given arrays, which must have {@link #count} elements. */
    public static void decode(String encoded, long[] starts, int[] infos) {
        int position = 0;
        long previous = 0;
        for (int i = 0; i < starts.length; i++) {
            long delta = 0;
            int shift = 0;
            int symbol;
            do {
                symbol = encoded.charAt(position++) - BASE;
                delta |= (long) (symbol & (MORE - 1)) << shift;
                shift += 5;
            } while (symbol >= MORE);
            int info = 0;
            shift = 0;
            do {
                symbol = encoded.charAt(position++) - BASE;
                info |= (symbol & (MORE - 1)) << shift;
                shift += 5;
            } while (symbol >= MORE);
            previous += delta;
            starts[i] = previous;
            infos[i] = info;
        }
        if (position != encoded.length()) {
            throw new IllegalArgumentException("trailing data in encoded interval table");
        }
    }
}
