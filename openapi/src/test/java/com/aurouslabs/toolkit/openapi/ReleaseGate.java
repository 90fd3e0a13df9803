package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The release gate of openapi/README.md, for any pair of files: the released baseline and the edited spec.
 * {@link ReleaseGateTest} runs it on the real files; {@link ReleaseGateFlowTest} proves each documented flow on
 * temporary copies. It writes the readable report (report.md, report.html, report.txt) and decides:
 *
 * <ul>
 *   <li>info.version is plain {@code MAJOR.MINOR.PATCH} and never below the released one;</li>
 *   <li>while info.version equals the released one, the two documents are identical (the baseline is the
 *       release, so any edit is a new version);</li>
 *   <li>a breaking change (openapi-diff's incompatible changes plus the {@link RequestTightening} it misses)
 *       passes only with info.version's major above the released one AND the {@code breaking-change} profile;</li>
 *   <li>the profile is refused when there is no major bump, so it cannot wave through a break.</li>
 * </ul>
 *
 * A refusal is one message that names every breaking change (or differing path) and the way forward.
 */
final class ReleaseGate {

    private static final Pattern SEMVER = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)$");
    private static final int MAX_LISTED_DIFFERENCES = 12;

    /** How the edited spec relates to the baseline. */
    enum Verdict {
        NO_API_CHANGE("no API change"),
        COMPATIBLE("compatible"),
        BREAKING("INCOMPATIBLE (breaking)");

        final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    /** What the gate found; {@link #refusal()} is empty when the gate passes. */
    record Result(String releasedVersion, String currentVersion, Verdict verdict, List<String> breakingChanges,
                  List<String> documentDifferences, Optional<String> refusal, Path report) {

        boolean passed() {
            return refusal.isEmpty();
        }
    }

    private final Path released;
    private final Path current;
    private final boolean allowBreaking;
    private final Path reportDir;

    private ReleaseGate(Path released, Path current, boolean allowBreaking, Path reportDir) {
        this.released = released.toAbsolutePath().normalize();
        this.current = current.toAbsolutePath().normalize();
        this.allowBreaking = allowBreaking;
        this.reportDir = reportDir.toAbsolutePath().normalize();
    }

    /**
     * Compares {@code current} with the {@code released} baseline, writes the report into {@code reportDir} and
     * applies the version rules; {@code allowBreaking} is true under {@code -Pbreaking-change}.
     */
    static Result run(Path released, Path current, boolean allowBreaking, Path reportDir) {
        return new ReleaseGate(released, current, allowBreaking, reportDir).run();
    }

    private Result run() {
        JsonNode oldDoc = SpecFiles.readYaml(released);
        JsonNode newDoc = SpecFiles.readYaml(current);
        String oldVersion = oldDoc.at("/info/version").asText();
        String newVersion = newDoc.at("/info/version").asText();

        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
        List<String> tightenings = RequestTightening.between(oldDoc, newDoc);
        Set<String> breaking = new LinkedHashSet<>(IncompatibleChanges.of(diff));
        breaking.addAll(tightenings);
        List<String> differences = differences(oldDoc, newDoc);
        Verdict verdict = !breaking.isEmpty() ? Verdict.BREAKING
                : diff.isDifferent() || !differences.isEmpty() ? Verdict.COMPATIBLE : Verdict.NO_API_CHANGE;

        Path report = reportDir.resolve("report.md");
        Optional<String> refusal = refusal(oldVersion, newVersion, List.copyOf(breaking), differences, report);
        writeReport(diff, tightenings, List.copyOf(breaking), verdict, oldVersion, newVersion, refusal);
        return new Result(oldVersion, newVersion, verdict, List.copyOf(breaking), differences, refusal, report);
    }

    private Optional<String> refusal(String oldVersion, String newVersion, List<String> breaking,
                                     List<String> differences, Path report) {
        int[] oldSemver = semver(oldVersion);
        int[] newSemver = semver(newVersion);
        String tail = "\nReport: " + report + "  (openapi/README.md, \"Changing the contract\")";
        if (oldSemver == null || newSemver == null) {
            return Optional.of("info.version must be MAJOR.MINOR.PATCH: released " + released + " has '" + oldVersion
                    + "', " + current + " has '" + newVersion + "'." + tail);
        }
        if (compare(newSemver, oldSemver) < 0) {
            return Optional.of("info.version " + newVersion + " of " + current + " is below the released "
                    + oldVersion + "; versions never go backwards." + tail);
        }
        int nextMajor = oldSemver[0] + 1;
        if (!breaking.isEmpty() && newSemver[0] < nextMajor) {
            return Optional.of("estimate.yaml breaks clients of the released " + oldVersion + " (info.version is "
                    + newVersion + "):\n" + bullets(breaking)
                    + "Either undo or loosen these changes, or release them as a new major version:\n"
                    + "  1. set info.version to " + nextMajor + ".0.0 in " + current + "\n"
                    + "  2. build with: mvn -Pbreaking-change -pl openapi verify\n"
                    + "  3. when " + nextMajor + ".0.0 ships, promote the baseline: cp " + current + " " + released
                    + tail);
        }
        if (!breaking.isEmpty() && !allowBreaking) {
            return Optional.of("estimate.yaml " + newVersion + " is a new major version that breaks clients of the"
                    + " released " + oldVersion + ":\n" + bullets(breaking)
                    + "Build with: mvn -Pbreaking-change -pl openapi verify (until the release);\n"
                    + "when " + newVersion + " ships, promote the baseline: cp " + current + " " + released + tail);
        }
        if (allowBreaking && newSemver[0] < nextMajor) {
            return Optional.of("-Pbreaking-change is only for a new major version, and info.version " + newVersion
                    + " keeps the released major " + oldSemver[0] + (breaking.isEmpty()
                    ? ". Nothing here breaks clients: build without -Pbreaking-change." : ".") + tail);
        }
        if (compare(newSemver, oldSemver) == 0 && !differences.isEmpty()) {
            return Optional.of("estimate.yaml differs from the released baseline " + released + " but info.version"
                    + " is still " + oldVersion + ":\n" + bullets(differences)
                    + "The baseline is the release, so an edit is a new version: for these compatible changes set"
                    + " info.version to " + oldSemver[0] + "." + oldSemver[1] + "." + (oldSemver[2] + 1)
                    + " (patch) or " + oldSemver[0] + "." + (oldSemver[1] + 1) + ".0 (minor), or undo them." + tail);
        }
        return Optional.empty();
    }

    private void writeReport(ChangedOpenApi diff, List<String> tightenings, List<String> breaking, Verdict verdict,
                             String oldVersion, String newVersion, Optional<String> refusal) {
        StringBuilder md = new StringBuilder();
        md.append("# estimate.yaml: released ").append(oldVersion).append(" -> current ").append(newVersion)
                .append("\n\nVerdict: **").append(verdict.label).append("**\n\n")
                .append("Old: `").append(released).append("`  \nNew: `").append(current).append("`\n\n");
        md.append("## Release gate\n\n");
        if (refusal.isPresent()) {
            md.append("Refused:\n\n```\n").append(refusal.get()).append("\n```\n\n");
        } else {
            md.append("Passed").append(allowBreaking ? " (-Pbreaking-change)" : "").append(".");
            if (!oldVersion.equals(newVersion)) {
                md.append(" When ").append(newVersion).append(" ships, promote the baseline: `cp ")
                        .append(current).append(' ').append(released).append('`');
            }
            md.append("\n\n");
        }
        md.append("## Breaking changes\n\n");
        md.append(breaking.isEmpty() ? "None.\n" : bullets(breaking)).append('\n');
        md.append("## Request tightenings (checked beside openapi-diff)\n\n");
        md.append(tightenings.isEmpty() ? "None.\n" : bullets(tightenings)).append('\n');
        md.append("## openapi-diff\n\n")
                .append(diff.isDifferent() ? new MarkdownRender().render(diff) : "No differences.\n");
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("report.md"), md, StandardCharsets.UTF_8);
            Files.writeString(reportDir.resolve("report.html"),
                    new HtmlRender("estimate.yaml: released -> current (" + verdict.label + ")", "").render(diff),
                    StandardCharsets.UTF_8);
            Files.writeString(reportDir.resolve("report.txt"), new ConsoleRender().render(diff),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the diff report into " + reportDir, e);
        }
    }

    /** JSON pointers where the two documents differ, info.version aside; empty when they are identical. */
    static List<String> differences(JsonNode oldDoc, JsonNode newDoc) {
        List<String> out = new ArrayList<>();
        collect("", oldDoc, newDoc, out);
        out.remove("/info/version");
        if (out.size() > MAX_LISTED_DIFFERENCES) {
            int more = out.size() - MAX_LISTED_DIFFERENCES;
            List<String> shown = new ArrayList<>(out.subList(0, MAX_LISTED_DIFFERENCES));
            shown.add("... and " + more + " more");
            return List.copyOf(shown);
        }
        return List.copyOf(out);
    }

    private static void collect(String pointer, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!a.has(name) || !b.has(name)) {
                    out.add(child);
                } else {
                    collect(child, a.get(name), b.get(name), out);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                collect(pointer + "/" + i, ia.next(), ib.next(), out);
            }
        } else {
            out.add(pointer.isEmpty() ? "/" : pointer);
        }
    }

    private static String bullets(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(line -> sb.append("  - ").append(line).append('\n'));
        return sb.toString();
    }

    /** {major, minor, patch}, or null when the version is not plain semver. */
    static int[] semver(String version) {
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
