package cn.pujin.open.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * 关怀模式 (care mode), after 《互联网网站适老化通用设计规范》: larger text (≥ 18 px, line height ≥ 1.5), stronger
 * contrast, targets of at least 44 px and no decoration. A switch on every page, remembered in a cookie like the
 * language; the pages carry the {@code care} class on their body and app.css does the rest.
 */
@Named
@RequestScoped
public class CareMode {

    public static final String COOKIE = "care";

    @Inject
    HttpServletRequest request;

    public boolean isOn() {
        return "on".equals(Language.cookie(request, COOKIE));
    }

    public String getSwitchUrl() {
        return request.getContextPath() + "/care?to=" + (isOn() ? "off" : "on") + "&back="
                + URLEncoder.encode(Language.back(request), StandardCharsets.UTF_8);
    }
}
