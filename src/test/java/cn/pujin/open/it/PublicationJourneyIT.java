package cn.pujin.open.it;

import java.util.regex.Pattern;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's journey in a real browser: a citizen signs up and signs in; an organiser creates and
 * submits an open day; a reviewer approves it; the citizen sees it on the home page.
 */
class PublicationJourneyIT {

    @Test
    void organiserCreatesReviewerApprovesCitizenSeesIt() {
        String phone = Api.randomPhone();
        String title = Fixtures.unique("浏览器测试开放日");
        // soon, so that it comes before the other tests' events on the home page (check-in tests publish
        // events starting within the hour)
        LocalDateTime start = LocalDateTime.now(Fixtures.SHANGHAI).plusMinutes(15).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter typed = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        try (Browser b = new Browser(1280, 1000)) {
            b.journey("publication", () -> {
            b.open("/signup.xhtml");
            b.type("signup:phone", phone);
            b.click(By.id("signup:sendCode"));
            b.waitForText("验证码已发送");
            b.type("signup:code", TestApp.get().sms.awaitCode(phone, 0));
            b.type("signup:displayName", "浏览器市民");
            b.type("signup:password", "browser-pass-1");
            b.type("signup:passwordRepeat", "browser-pass-1");
            b.click(By.cssSelector("#signup\\:consent .ui-chkbox-box"));
            b.click(By.id("signup:submit"));
            b.waitForUrl("/me/");
            b.waitForText("注册成功");
            assertTrue(b.text().contains("浏览器市民"));
            b.signOut();

            b.signIn("organiser", Api.PASSWORD);
            b.open("/organiser/event.xhtml");
            b.type("editor:title", title);
            b.type("editor:summary", "在浏览器里创建的活动");
            b.type("editor:venue", "浦锦街道社区综合服务中心");
            b.typeDate("editor:startsAt_input", typed.format(start));
            b.typeDate("editor:endsAt_input", typed.format(start.plusHours(1)));
            b.click(By.id("editor:save"));
            b.waitForUrl("event.xhtml?id=");
            b.waitForText("已保存");
            b.click(By.id("editor:submit"));
            b.waitForText("已提交审查");
            b.screenshot("journey-organiser-submitted");
            b.signOut();

            b.signIn("reviewer", Api.PASSWORD);
            b.open("/review/");
            b.waitForText(title);
            b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '通过并公开')]"));
            b.click(By.cssSelector("button.ui-confirmdialog-yes"));
            b.waitForText("已通过并公开");
            b.signOut();

            b.signIn(phone, "browser-pass-1");
            b.open("/");
            b.waitForText(title);
            b.screenshot("journey-citizen-home");
            b.click(By.linkText(title));
            b.waitForText("在浏览器里创建的活动");
            assertTrue(b.text().contains("浦锦街道社区综合服务中心"));
            LocalDate day = start.toLocalDate();
            assertTrue(b.text().contains(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日"),
                    "the typed start date was saved");
            // "23:20–00:20" on one day; "… 23:20 – 2026年12月4日 00:20" when the event runs past midnight (a run near it)
            assertTrue(Pattern.compile(DateTimeFormatter.ofPattern("HH:mm").format(start) + "\\s*–").matcher(b.text()).find());
            assertTrue(b.text().contains("添加到日历"));
            });
        }
    }

    @Test
    void pagesSwitchToEnglishAndBack() {
        try (Browser b = new Browser(390, 844)) {
            b.open("/events/");
            b.waitForText("活动");
            b.click(By.cssSelector("a.lang-switch"));
            b.waitForText("Upcoming");
            assertTrue(b.driver.getCurrentUrl().endsWith("/events/"), b.driver.getCurrentUrl());
            b.open("/");
            b.waitForText("Upcoming open days");
            b.click(By.cssSelector("a.lang-switch"));
            b.waitForText("近期开放活动");
        }
    }

    @Test
    void backOfficePagesAskForSignInAndRefuseOtherRoles() {
        try (Browser b = new Browser(1280, 900)) {
            b.open("/organiser/");
            b.waitForUrl("/login.xhtml?next=");
            b.type("login:name", "citizen1");
            b.type("login:password", Api.PASSWORD);
            b.click(By.id("login:submit"));
            b.waitForText("您无权访问此页面");
            b.signOut();
            b.signIn("organiser", Api.PASSWORD);
            b.open("/organiser/");
            b.waitForText("新建活动");
        }
    }
}
