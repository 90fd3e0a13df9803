package com.aurouslabs.toolkit.mock.rules;

import java.util.regex.Pattern;

/** The shapes of the ids of rules.yaml's *-ID-FORM rules (CHAR-ID-FORM, LORA-ID-FORM, REF-FILE-ID-FORM). */
final class IdForms {

    /** A ULID: 26 Crockford base32 characters, the first 0-7 (a larger one overflows 128 bits). */
    private static final String ULID = "[0-7][0-9A-HJKMNP-TV-Z]{25}";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CHARACTER = Pattern.compile("char_" + ULID);
    private static final Pattern FILE = Pattern.compile("file_" + ULID);
    private static final Pattern LORA_ID = Pattern.compile("lora_[0-9A-HJKMNP-TV-Z]+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private IdForms() {
    }

    /** char_ followed by a ULID, or a legacy UUID. */
    static boolean isCharacterId(String id) {
        return CHARACTER.matcher(id).matches() || UUID.matcher(id).matches();
    }

    /** file_ followed by a ULID. */
    static boolean isFileId(String id) {
        return FILE.matcher(id).matches();
    }

    /** lora_ followed by Crockford base32 characters, a slug, or a legacy UUID. */
    static boolean isLoraReference(String id) {
        return LORA_ID.matcher(id).matches() || SLUG.matcher(id).matches() || UUID.matcher(id).matches();
    }
}
