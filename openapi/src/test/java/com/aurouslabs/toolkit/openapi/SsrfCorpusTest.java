package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SSRF corpus travels in this jar: both halves present, https URLs, no entry twice or in both halves. */
class SsrfCorpusTest {

    private final SsrfCorpus corpus = SsrfCorpus.bundled();

    @Test
    void both_halves_are_on_the_classpath_without_duplicates() {
        assertThat(corpus.blocked()).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
        assertThat(corpus.allowed()).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates();
        assertThat(corpus.blocked()).doesNotContainAnyElementsOf(corpus.allowed());
        assertThat(corpus.unlisted()).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(corpus.blocked()).doesNotContainAnyElementsOf(corpus.allowed());
    }

    @Test
    void every_entry_is_an_https_url_and_comments_are_dropped() {
        assertThat(corpus.allowed()).allSatisfy(u -> assertThat(u).matches("(?i)https://.+"));
        // the blocked half also holds backslash and slash-mixing spellings WHATWG parsing turns into https://
        assertThat(corpus.blocked()).allSatisfy(u -> assertThat(u).matches("(?i)https:.+"));
        assertThat(corpus.blocked()).noneMatch(u -> u.startsWith("#")).contains("https://127.0.0.1/");
    }

    @Test
    void the_corpus_is_read_once_and_cannot_be_changed() {
        assertThat(SsrfCorpus.bundled()).isSameAs(corpus);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> corpus.blocked().add("https://x/"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
