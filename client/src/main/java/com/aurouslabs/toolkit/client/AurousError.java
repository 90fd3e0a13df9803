package com.aurouslabs.toolkit.client;

/**
 * The parsed {@code error} object of the Aurous error envelope. Any component may be {@code null} when the
 * server left it out.
 *
 * @param type one of {@code invalid_request, authentication, not_found, rate_limit, server_error}
 * @param code stable, switchable error code such as {@code value_out_of_range}
 * @param message human-readable explanation
 * @param param the request parameter at fault ({@code width}, {@code Aurous-Version}), or null
 * @param docUrl documentation of the code
 * @param requestId equals the {@code Aurous-Request-Id} header
 * @param upstreamStatus upstream provider status, only on provider error codes
 */
public record AurousError(
    String type,
    String code,
    String message,
    String param,
    String docUrl,
    String requestId,
    Integer upstreamStatus) {}
