package dev.registryedge.ipmap.json;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found in one input file, each prefixed with the file's name. */
public final class Problems {

    private final String source;
    private final List<String> found = new ArrayList<>();

    public Problems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** Records a problem at a JSON path, e.g. {@code add("targets.x.region", "'us-est-1' is not a region")}. */
    public void add(String path, String problem) {
        found.add(path.isEmpty() ? source + ": " + problem : source + ": " + path + ": " + problem);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() throws InputException {
        if (!found.isEmpty()) {
            throw new InputException(found);
        }
    }
}
