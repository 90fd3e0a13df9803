package com.aurouslabs.toolkit.mock.proxy;

import java.util.List;

/**
 * What the catalog says about one request, per clean reading, before the upstream answers; or, for a request outside
 * the contract (another path, a CORS preflight), why it is not judged.
 *
 * @param judged    false outside the contract
 * @param operation true for POST on the estimate path (the operation the spec describes; another method there is
 *                  only ROUTE-METHOD-NOT-ALLOWED)
 * @param reason    why it is not judged (null when judged)
 * @param readings  the default reading first, then the alternative one
 * @param maskedKey the presented API key, masked ({@code al_live_****}), or null
 * @param secrets   the raw credential values of the request (never shown: findings are scrubbed of them)
 */
record RequestVerdict(boolean judged, boolean operation, String reason, List<ReadingVerdict> readings,
                      String maskedKey, List<String> secrets) {

    static RequestVerdict outside(String reason, String maskedKey, List<String> secrets) {
        return new RequestVerdict(false, false, reason, List.of(), maskedKey, secrets);
    }
}
