package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the proxy tests: method, path, headers, body. {@link #corpus()} is the traffic a frontend sends:
 * valid requests and requests that break every kind of rule, judgeable from the request or needing team data.
 */
record Probe(String name, String method, String path, List<String> headers, String body) {

    static final String READY_CHARACTER = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR";
    static final String SYNTHESIZING_CHARACTER = "char_01JDSYNTHW8JDG7FJ1BBXDK4A0";
    static final String FOREIGN_CHARACTER = "char_01JDBETA64PF15JPCCXNGD3REA";
    static final String LIVE_FILE = "file_01HXMQ7Z3K8Y2NABCDEFGHJKMN";
    static final String EXPIRED_FILE = "file_01JDEXP1REDJP4460YJ72C6EFT";

    /** POST /v1/images/estimate as team_alpha, JSON. */
    static Probe post(String name, String body, String... headers) {
        List<String> h = new ArrayList<>(List.of("Content-Type", "application/json", "X-Api-Key", Keys.ALPHA));
        for (int i = 0; i < headers.length; i += 2) {
            int at = h.indexOf(headers[i]);
            if (at >= 0 && at % 2 == 0) {
                h.remove(at);
                h.remove(at);
            }
            if (headers[i + 1] != null) {
                h.add(headers[i]);
                h.add(headers[i + 1]);
            }
        }
        return new Probe(name, "POST", "/v1/images/estimate", List.copyOf(h), body);
    }

    static Probe of(String name, String method, String path) {
        return new Probe(name, method, path, List.of("X-Api-Key", Keys.ALPHA), "");
    }

    Reply send(MockClient client) {
        HttpRequest.Builder b = client.request(path).method(method, body.isEmpty() && !method.equals("POST")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        return client.send(b.build());
    }

    @Override
    public String toString() {
        return name;
    }

    static String refs(String... urls) {
        StringBuilder b = new StringBuilder("\"reference_image_urls\":[");
        for (int i = 0; i < urls.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(urls[i]).append('"');
        }
        return b.append(']').toString();
    }

    static String prompt(String extra) {
        return "{\"prompt\":\"x\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static List<Probe> corpus() {
        List<Probe> c = new ArrayList<>();
        // accepted
        c.add(post("minimal", "{\"prompt\":\"A golden sunset over mountains\"}"));
        c.add(post("every field", "{\"prompt\":\"a\",\"negative_prompt\":\"blurry\",\"lora_id\":\"cinematic-gold\","
                + "\"size\":\"4k_21_9\",\"steps\":100,\"guidance_scale\":30,\"cfg_rescale\":0,\"denoise_strength\":1,"
                + "\"seed\":9007199254740991,\"count\":4,\"enhance_prompt\":true,"
                + "\"webhook_url\":\"https://example.com/hook\"}"));
        c.add(post("dimensions snapped", prompt("\"width\":1040,\"height\":1100")));
        c.add(post("references: live file and public URL", prompt(refs(LIVE_FILE, "https://example.com/a.png"))));
        c.add(post("ready character", prompt("\"character_id\":\"" + READY_CHARACTER + "\"")));
        c.add(post("empty references with a character", prompt(refs() + ",\"character_id\":\"" + READY_CHARACTER
                + "\"")));
        c.add(post("explicit null", prompt("\"seed\":null,\"size\":null")));
        c.add(post("bearer", prompt(""), "X-Api-Key", null, "Authorization", "Bearer " + Keys.ALPHA));
        c.add(post("legacy og_ key", prompt(""), "X-Api-Key", Keys.ALPHA_LEGACY));
        c.add(post("prior version date", prompt(""), "Aurous-Version", "2026-01-01"));
        c.add(post("idempotency key", prompt(""), "Idempotency-Key", "k-1"));
        c.add(post("denoise without references", prompt("\"denoise_strength\":0.5")));
        // broken, judged from the request alone
        c.add(post("missing prompt", "{\"size\":\"2k_1_1\"}"));
        c.add(post("prompt too long", "{\"prompt\":\"" + "p".repeat(4001) + "\"}"));
        c.add(post("blank prompt", "{\"prompt\":\" \\t \"}"));
        c.add(post("Unicode-blank prompt", "{\"prompt\":\"\\u00a0\\u3000\"}"));
        c.add(post("empty negative prompt", prompt("\"negative_prompt\":\"\"")));
        c.add(post("old size preset", prompt("\"size\":\"hd_square\"")));
        c.add(post("size with dimensions", prompt("\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048")));
        c.add(post("lone width", prompt("\"width\":2048")));
        c.add(post("width out of range", prompt("\"width\":1000,\"height\":2048")));
        c.add(post("fractional width", prompt("\"width\":1024.5,\"height\":2048")));
        c.add(post("width as a string", prompt("\"width\":\"2048\",\"height\":2048")));
        c.add(post("steps over max", prompt("\"steps\":101")));
        c.add(post("guidance under min", prompt("\"guidance_scale\":0")));
        c.add(post("count over max", prompt("\"count\":5")));
        c.add(post("negative seed", prompt("\"seed\":-1")));
        c.add(post("seed over 2^53-1", prompt("\"seed\":9007199254740992")));
        c.add(post("http webhook", prompt("\"webhook_url\":\"http://example.com/hook\"")));
        c.add(post("seven references", prompt(refs("https://a.example/1.png", "https://a.example/2.png",
                "https://a.example/3.png", "https://a.example/4.png", "https://a.example/5.png",
                "https://a.example/6.png", "https://a.example/7.png"))));
        c.add(post("reference URL too long", prompt(refs("https://example.com/" + "a".repeat(2040)))));
        c.add(post("http reference", prompt(refs("http://example.com/a.png"))));
        c.add(post("private reference host", prompt(refs("https://10.0.0.1/a.png"))));
        c.add(post("loopback reference host", prompt(refs("https://127.0.0.1/a.png"))));
        c.add(post("metadata reference host", prompt(refs("https://169.254.169.254/latest"))));
        c.add(post("decimal IPv4 reference host", prompt(refs("https://2130706433/a.png"))));
        c.add(post("IPv6 loopback reference host", prompt(refs("https://[::1]/a.png"))));
        c.add(post("reference with user info", prompt(refs("https://user@example.com/a.png"))));
        c.add(post("character with references", prompt(refs("https://example.com/a.png") + ",\"character_id\":\""
                + READY_CHARACTER + "\"")));
        c.add(post("unknown field", prompt("\"colour\":\"red\"")));
        c.add(post("several broken rules", "{\"prompt\":\"   \",\"width\":2048,\"steps\":0}"));
        c.add(post("text/plain", prompt(""), "Content-Type", "text/plain"));
        c.add(post("malformed JSON", "{\"prompt\":"));
        c.add(post("empty body", ""));
        c.add(post("array body", "[1]"));
        c.add(post("duplicate key", "{\"prompt\":\"a\",\"prompt\":\"b\"}"));
        c.add(post("impossible version date", prompt(""), "Aurous-Version", "2026-13-01"));
        c.add(post("future version", prompt(""), "Aurous-Version", "2099-01-01"));
        c.add(post("no key", prompt(""), "X-Api-Key", null));
        c.add(post("blank key", prompt(""), "X-Api-Key", " "));
        c.add(post("body over 1 MiB", "{\"prompt\":\"x\",\"negative_prompt\":\"" + "n".repeat(1_100_000) + "\"}"));
        c.add(of("GET on the estimate path", "GET", "/v1/images/estimate"));
        c.add(new Probe("PUT on the estimate path", "PUT", "/v1/images/estimate",
                List.of("Content-Type", "application/json", "X-Api-Key", Keys.ALPHA), prompt("")));
        // decided by the caller's team data (the proxy cannot judge them)
        c.add(post("unknown key", prompt(""), "X-Api-Key", "al_live_" + "c".repeat(64)));
        c.add(post("revoked key", prompt(""), "X-Api-Key", Keys.ALPHA_REVOKED));
        c.add(post("other team's character", prompt("\"character_id\":\"" + FOREIGN_CHARACTER + "\"")));
        c.add(post("character not ready", prompt("\"character_id\":\"" + SYNTHESIZING_CHARACTER + "\"")));
        c.add(post("malformed character id", prompt("\"character_id\":\"nope\"")));
        c.add(post("unknown LoRA", prompt("\"lora_id\":\"no-such-style\"")));
        c.add(post("inactive LoRA", prompt("\"lora_id\":\"retired-style\"")));
        c.add(post("LoRA without reference support", prompt("\"lora_id\":\"pixel-sketch\","
                + refs("https://example.com/a.png"))));
        c.add(post("expired file", prompt(refs(EXPIRED_FILE))));
        c.add(post("file id that is not a ULID", prompt(refs("file_ZZZZZZZZZZZZZZZZZZZZZZZZZZ"))));
        c.add(post("rate limited (forced)", prompt(""), "X-Mock-Force", "429"));
        return List.copyOf(c);
    }
}
