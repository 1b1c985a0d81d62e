package dev.registryedge.ipmap.testing;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac, as a consuming project would, and loads them. */
public final class Compiler {

    private Compiler() {}

    public static ClassLoader compile(Path workDirectory, JavaFile... sources) throws IOException {
        Path sourceRoot = workDirectory.resolve("src");
        Path classes = workDirectory.resolve("classes");
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        for (JavaFile source : sources) {
            files.add(source.writeToPath(sourceRoot));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            List<String> options = List.of("-d", classes.toString(), "--release", "17", "-Xlint:all", "-Werror",
                    "-classpath", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(diagnostics, fileManager, null, options, null, units).call();
            if (!compiled) {
                throw new AssertionError("generated code does not compile:\n" + diagnostics);
            }
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiler.class.getClassLoader());
    }
}
