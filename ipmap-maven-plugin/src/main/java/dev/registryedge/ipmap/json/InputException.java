package dev.registryedge.ipmap.json;

import java.util.List;

/** Input the user must fix: each problem names the file, the JSON path and the value. */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InputException(List<String> problems) {
        super(problems.size() == 1
                ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public InputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
