package com.aurouslabs.toolkit.mock.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressReferenceHostPolicyTest {

    private final ReferenceHostPolicy policy = new IpAddressReferenceHostPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.1/", "https://2130706433/", "https://0x7f000001/",
            "https://0177.0.0.1/", "https://0x7f.0.0.1/", "https://[::1]/", "https://[::]/", "https://0.0.0.0/",
            "https://10.1.2.3/", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.0.1/",
            "https://169.254.169.254/", "https://100.64.0.1/", "https://224.0.0.1/", "https://240.0.0.1/",
            "https://255.255.255.255/", "https://[fc00::1]/", "https://[fd12::1]/", "https://[fe80::1]/",
            "https://[fe80::1%25eth0]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/",
            "https://[::127.0.0.1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:7f00:1::]/",
            "https://localhost/", "https://LocalHost./", "https://a.b.localhost/", "https://metadata/",
            "https://metadata.google.internal/", "https://instance-data/", "https://foo.internal/",
            "https://%6c%6f%63%61%6c%68%6f%73%74/", "https://127.0.0.1:8080/", "https://[::1]:443/x",
            "https:///x", "https://999.1.1.1/", "https://127.0.0.1\\@example.com/"})
    void blocked(String url) {
        assertThat(policy.blockedReason(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a.jpg", "https://8.8.8.8/", "https://172.32.0.1/",
            "https://192.169.0.1/", "https://[2606:4700::1111]/", "https://[::ffff:8.8.8.8]/",
            "https://cdn.example.org:8443/x?y=1#z", "https://internal.example.com/", "https://100.128.0.1/",
            "https://localhost.example.com/"})
    void allowed(String url) {
        assertThat(policy.blockedReason(url)).as(url).isEmpty();
    }
}
