package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No module reads another module's files by relative path ({@code ../openapi/src/...},
 * {@code Path.of("..", "<module>", ...)}): the contract (spec, catalog, SSRF corpus) comes from this artifact, and
 * whatever else one module needs of another comes from that module's artifact. A repository-level check, run here
 * because this artifact is the one route to the contract; it reads the source and build files of the modules of the
 * parent pom (not target/, not node_modules/, not Markdown) and skips itself outside a full checkout.
 */
class ModuleBoundariesTest {

    /** Files that are code or build configuration. */
    private static final Pattern CHECKED = Pattern.compile(
            ".*\\.(java|kt|xml|ts|js|mjs|cjs|json|ya?ml|sh|properties|gradle)$");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", ".git", "dist");

    /**
     * Known crossings, module-relative file to the folder it reaches, each with the change that removes it. Only
     * these may remain; an entry that no longer matches is harmless.
     */
    private static final Map<String, String> KNOWN = Map.of(
            // ts-client's tests run the mock's runnable jar; goes when ts-client fetches the attached `runnable`
            // artifact with dependency:copy.
            "ts-client/pom.xml", "mock-server");

    @Test
    void no_module_reads_another_modules_files_by_relative_path() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("pom.xml"))
                && Files.isDirectory(root.resolve("openapi")), "not in a full checkout: no parent pom beside openapi");
        assertThat(crossings(root, KNOWN)).as("relative paths from one module into another").isEmpty();
    }

    @Test
    void a_relative_path_into_another_module_is_found(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<modules><module>a</module><module>b</module></modules>");
        Files.createDirectories(root.resolve("a/src/main/resources"));
        Files.createDirectories(root.resolve("b/src/test/java"));
        Files.createDirectories(root.resolve("b/target"));
        Files.writeString(root.resolve("b/pom.xml"), "<spec>${project.basedir}/../a/src/x.yaml</spec>\n");
        Files.writeString(root.resolve("b/src/test/java/T.java"), "Path p = Path.of(\"..\", \"a\", \"src\");\n");
        Files.writeString(root.resolve("b/target/Gen.java"), "Path p = Path.of(\"..\", \"a\");\n");
        Files.writeString(root.resolve("a/pom.xml"), "<x>../a/own-module-is-fine ../README.md</x>\n");
        assertThat(crossings(root, Map.of())).hasSize(2)
                .anySatisfy(o -> assertThat(o).startsWith("b/pom.xml:1 reaches into a/"))
                .anySatisfy(o -> assertThat(o).startsWith("b/src/test/java/T.java:1 reaches into a/"));
        assertThat(crossings(root, Map.of("b/pom.xml", "a"))).hasSize(1);
    }

    /** Each line of a module's code or build file that names a path into another top-level folder. */
    static List<String> crossings(Path root, Map<String, String> known) throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        List<String> folders;
        try (Stream<Path> top = Files.list(root)) {
            folders = top.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
        }
        List<String> offences = new ArrayList<>();
        for (String module : modules) {
            List<String> others = folders.stream().filter(f -> !f.equals(module)).toList();
            if (others.isEmpty()) {
                continue;
            }
            Pattern crossing = Pattern.compile("(?:\\.\\./|\"\\.\\.\"\\s*,\\s*\")("
                    + String.join("|", others.stream().map(Pattern::quote).toList()) + ")(?=[/\"])");
            for (Path file : files(root.resolve(module))) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                List<String> lines = lines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher c = crossing.matcher(lines.get(i));
                    while (c.find()) {
                        if (!c.group(1).equals(known.get(relative))) {
                            offences.add(relative + ":" + (i + 1) + " reaches into " + c.group(1) + "/ ("
                                    + lines.get(i).strip() + "): take it from that module's artifact instead");
                        }
                    }
                }
            }
        }
        return offences;
    }

    private static List<Path> files(Path module) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(module)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(module)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> CHECKED.matcher(p.getFileName().toString()).matches())
                    .filter(p -> module.relativize(p).getNameCount() < 2
                            || Stream.iterate(module.relativize(p).getParent(), d -> d != null, Path::getParent)
                            .noneMatch(d -> SKIPPED_DIRS.contains(d.getFileName().toString())))
                    .forEach(out::add);
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
