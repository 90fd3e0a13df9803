package com.aurouslabs.toolkit.conformance.http;

/** A ready-to-paste curl command for a case, with the key masked ({@code al_live_****}). */
public final class Curl {

  private Curl() {}

  public static String of(EstimateCase c, String baseUrl, String apiKey) {
    StringBuilder sb = new StringBuilder("curl -sS -i -X ").append(c.method()).append(' ')
        .append(quote(baseUrl + c.path()));
    if (c.contentType() != null) {
      sb.append(" -H ").append(quote("Content-Type: " + c.contentType()));
    }
    for (var h : Transport.authHeaders(c.auth(), apiKey, null, true).entrySet()) {
      sb.append(" -H ").append(quote(h.getKey() + ": " + h.getValue()));
    }
    c.version().ifPresent(v -> sb.append(" -H ").append(quote("Aurous-Version: " + v)));
    c.extraHeaders().forEach((k, v) -> sb.append(" -H ").append(quote(k + ": " + v)));
    String body = c.bodyText();
    if (body.length() > 8192) {
      sb.append(" --data-binary @body.json  # body of ").append(body.length()).append(" bytes not inlined");
    } else {
      sb.append(" --data-raw ").append(quote(body));
    }
    return sb.toString();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
