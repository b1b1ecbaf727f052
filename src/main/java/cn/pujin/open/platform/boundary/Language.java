package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page language: Chinese unless the visitor chose English (a cookie, so public pages stay
 * stateless and cacheable per language).
 */
@Named
@RequestScoped
public class Language {

    public static final String COOKIE = "lang";

    @Inject
    HttpServletRequest request;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = of(request);
        }
        return locale;
    }

    public static Locale of(HttpServletRequest request) {
        return "en".equals(cookie(request, COOKIE)) ? Locale.ENGLISH : Messages.CHINESE;
    }

    public boolean isEnglish() {
        return "en".equals(getLocale().getLanguage());
    }

    /** For {@code <html lang>}. */
    public String getTag() {
        return isEnglish() ? "en" : "zh-CN";
    }

    public String getOther() {
        return isEnglish() ? "zh" : "en";
    }

    /** The switch link: back to this very page (the original one when showing an error page). */
    public String getSwitchUrl() {
        return request.getContextPath() + "/lang?to=" + getOther() + "&back=" + URLEncoder.encode(back(request), StandardCharsets.UTF_8);
    }

    /** This very page, the original one when showing an error page: where a switch (language, 关怀模式) goes back to. */
    static String back(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        if (forwarded == null) {
            forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        }
        String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
        Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
        String query = forwarded != null ? (forwardedQuery == null ? null : forwardedQuery.toString()) : request.getQueryString();
        return uri.substring(request.getContextPath().length()) + (query == null ? "" : "?" + query);
    }

    /** The value of a cookie of this request, or null. */
    static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (name.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
