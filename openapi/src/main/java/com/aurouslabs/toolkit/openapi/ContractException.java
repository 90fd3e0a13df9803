package com.aurouslabs.toolkit.openapi;

/**
 * A contract document that cannot be used: not YAML, not an OpenAPI 3.0 document, no estimate operation, no
 * released versions. One line: {@code spec <source> <problem>}; {@link #problem()} is the part after the source,
 * for callers that name the file themselves (the mock's {@code --spec FILE} start-up message).
 */
public final class ContractException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    ContractException(String source, String problem, Throwable cause) {
        super("spec " + source + " " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** Where the document was read from ({@code classpath:openapi/estimate.yaml} or a file path). */
    public String source() {
        return source;
    }

    /** What is wrong, as the rest of a sentence about the document ({@code "is not an OpenAPI 3.0 document"}). */
    public String problem() {
        return problem;
    }
}
