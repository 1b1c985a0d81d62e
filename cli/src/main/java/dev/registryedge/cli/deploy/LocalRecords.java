package dev.registryedge.cli.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where {@code disable} keeps what it removed when CloudFront would not take the record as a
 * tag (no {@code cloudfront:TagResource}, a throttle): a properties file of distribution id to
 * the association, as the tag would hold it, in the working directory unless {@code --records}
 * says otherwise. {@code enable} reads it when a distribution has no tag, and forgets what it
 * put back. Written whole or not at all.
 */
final class LocalRecords {

    private final Path file;

    LocalRecords(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    synchronized Optional<String> get(String distributionId) {
        return Optional.ofNullable(read().getProperty(distributionId));
    }

    synchronized void put(String distributionId, String association) {
        Properties records = read();
        records.setProperty(distributionId, association);
        write(records);
    }

    synchronized void remove(String distributionId) {
        Properties records = read();
        if (records.remove(distributionId) != null) {
            write(records);
        }
    }

    private Properties read() {
        Properties records = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                records.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot be read", e);
            }
        }
        return records;
    }

    private void write(Properties records) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                records.store(out, "What `registry-edge disable` removed where CloudFront did not take it as a tag:"
                        + " `registry-edge enable` puts it back");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written", e);
        }
    }
}
