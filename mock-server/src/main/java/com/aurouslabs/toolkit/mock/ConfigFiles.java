package com.aurouslabs.toolkit.mock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files start-up options name (a fixtures file, a spec): read, or a {@link StartupException} whose one line
 * says which file, what is wrong with it (missing, a directory, unreadable, not valid YAML at line L, column C, an
 * unknown property) and the fix. Never a stack trace, never the file's content.
 */
public final class ConfigFiles {

    private static final int MAX_REASON = 200;
    private static final String EMPTY = "the file is empty";

    private ConfigFiles() {
    }

    /**
     * The bytes of {@code path}. {@code what} names the file ({@code "fixtures file"}), {@code fix} ends every
     * message ({@code "leave out --fixtures to use the built-in fixtures"}).
     */
    public static byte[] read(Path path, String what, String fix) {
        if (!Files.exists(path)) {
            throw StartupException.configuration(what + " " + path + " does not exist; pass an existing file, or "
                    + fix, null);
        }
        if (Files.isDirectory(path)) {
            throw StartupException.configuration(what + " " + path + " is a directory; pass a file, or " + fix, null);
        }
        try {
            return Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            throw StartupException.configuration(what + " " + path + " cannot be read (permission denied); "
                    + "make it readable, or " + fix, e);
        } catch (IOException e) {
            throw StartupException.configuration(what + " " + path + " cannot be read (" + reason(e) + "); " + fix, e);
        }
    }

    /** {@code path} parsed but is not what it must be: the parser's reason and where, then the fix. */
    public static StartupException invalid(Path path, String what, JsonProcessingException e, String fix) {
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            reason = "unknown property '" + unknown.getPropertyName() + "'";
            if (unknown.getKnownPropertyIds() != null && unknown.getKnownPropertyIds().size() <= 12) {
                reason += " (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
            }
        } else {
            reason = reason(e);
        }
        if (reason.equals(EMPTY)) {
            return StartupException.configuration(what + " " + path + " is empty; fill it in, or " + fix, e);
        }
        return StartupException.configuration(what + " " + path + " is not valid: " + reason + where(e.getLocation())
                + "; fix it, or " + fix, e);
    }

    /**
     * {@code path} parsed but is not usable; {@code problem} says why, as the rest of a sentence about the file
     * ({@code "is not an OpenAPI 3.0 document"}).
     */
    public static StartupException invalid(Path path, String what, String problem, String fix) {
        return StartupException.configuration(what + " " + path + " " + problem + "; fix it, or " + fix, null);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String reason(Exception e) {
        String text = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (text.contains("No content to map due to end-of-input")) {
            return EMPTY;
        }
        // SnakeYAML's messages quote the source under each statement (indented lines and a ^ marker), and Jackson's
        // name the reference chain: keep only the statements.
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String statement = line.strip();
            if (line.startsWith(" ") || line.startsWith("\t") || statement.isEmpty() || statement.equals("^")) {
                continue;
            }
            for (String cut : new String[] {" at [Source:", " (through reference chain:"}) {
                int at = statement.indexOf(cut);
                if (at > 0) {
                    statement = statement.substring(0, at);
                }
            }
            out.append(out.length() == 0 ? "" : ": ").append(statement);
        }
        String reason = out.length() == 0 ? StartupException.oneLine(text) : out.toString();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }
}
