package cn.pujin.open.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Absolute links to this site (mails, calendar feeds), from {@code PUBLIC_URL}. */
@ApplicationScoped
public class Links {

    @Inject
    @ConfigProperty(name = "PUBLIC_URL")
    String publicUrl;

    /** {@code to("/me/")} → {@code https://open.pujin.gov.cn/me/} */
    public String to(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    /** The same link for calendar apps ({@code webcal://}), which then offer to subscribe. */
    public String webcal(String path) {
        return to(path).replaceFirst("^https?://", "webcal://");
    }
}
