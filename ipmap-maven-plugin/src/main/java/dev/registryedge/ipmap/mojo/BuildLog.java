package dev.registryedge.ipmap.mojo;

/** Where the generator reports progress; Maven's log in a build, a list in tests. */
public interface BuildLog {
    void info(String message);

    void warn(String message);
}
