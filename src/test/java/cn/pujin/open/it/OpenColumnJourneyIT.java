package cn.pujin.open.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, as an anonymous visitor: the "政府开放" column, a past decision meeting's record (agenda →
 * decision → published answers, names masked) and the statistics page with its Chart.js charts drawn.
 */
class OpenColumnJourneyIT {

    @Test
    void anonymousVisitorReadsAMeetingRecordAndTheStatistics() {
        try (Browser b = new Browser(1280, 900)) {
            b.journey("open-column", () -> {
                b.open("/open/");
                b.waitForText("往期回顾");
                b.type("q", "口袋公园夜间照明");
                b.click(By.cssSelector("form[role=search] button[type=submit]"));
                b.waitForText("查看会议记录与意见答复");
                assertTrue(b.text().contains("确认参加 3 人"), "attendance figures of the demo meeting");
                b.screenshot("open-1-archive");
                b.click(By.xpath("//a[contains(., '查看会议记录与意见答复')]"));
                b.waitForText("会议记录：议题与议定结果");
                assertTrue(b.text().contains("原则同意照明改造方案"), "the published decision");
                assertTrue(b.text().contains("张*明"), "the author is masked");
                b.screenshot("open-2-meeting-record");

                b.click(By.xpath("//nav[contains(@class,'tabs')]//a[contains(., '年度统计')]"));
                b.waitForText("政府开放统计");
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                b.find(By.cssSelector("canvas"));
                long drawn = (Long) js.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const started = Date.now();
                        (function check() {
                          const canvases = Array.from(document.querySelectorAll('canvas'));
                          const charts = canvases.filter(c => window.Chart && Chart.getChart(c) && c.width > 0 && c.height > 0);
                          if (charts.length === canvases.length && charts.length > 0 || Date.now() - started > 10000) {
                            done(charts.length);
                          } else {
                            setTimeout(check, 200);
                          }
                        })();""");
                assertEquals(6, drawn, "six charts drawn by Chart.js");
                b.screenshot("open-3-statistics");
            });
        }
    }
}
