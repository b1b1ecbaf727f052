package cn.pujin.open.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for rate limits. Behind the reverse proxy every request arrives from the
 * proxy, so {@code X-Forwarded-For} is believed — but only when the peer is one of {@code TRUSTED_PROXIES};
 * then the right-most address that is not itself a trusted proxy is the client (a client can prepend
 * anything it likes to the header, never append).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private Set<String> trusted;

    @PostConstruct
    void init() {
        trusted = Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }

    /** Whether the request reached a trusted proxy over TLS ({@code X-Forwarded-Proto: https}). */
    public boolean viaTls(HttpServletRequest request) {
        return request.isSecure() || (trusted.contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse("").strip()));
    }
}
