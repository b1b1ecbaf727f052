package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.Campaigns;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /events/}: a plain GET form (bookmarkable, no session) filtering by kind, month and campaign,
 * upcoming or past, 10 per page.
 */
@Named
@RequestScoped
public class EventListPage {

    static final int PAGE_SIZE = 10;

    @Inject
    Campaigns campaigns;

    @Inject
    PublicEvents publicEvents;

    private String kind;
    private String month;
    private String campaign;
    private String when;
    private int page;
    private Page<EventView> result;

    public void load() {
        EventKind k = parseKind(kind);
        YearMonth ym = parseMonth(month);
        Instant from = null;
        Instant to = null;
        boolean past = "past".equals(when);
        if (ym != null) {
            from = ym.atDay(1).atStartOfDay(Clocks.ZONE).toInstant();
            to = ym.plusMonths(1).atDay(1).atStartOfDay(Clocks.ZONE).toInstant();
        } else if (past) {
            // the current minute, not the instant: everyone in that minute asks the same (kept) question
            to = publicEvents.upcomingFrom();
        } else {
            from = publicEvents.upcomingFrom();
        }
        result = publicEvents.publicList(new PublicEvents.PublicQuery(k, from, to, campaign, null, past && ym == null),
                new Paging(Math.max(0, page), PAGE_SIZE));
    }

    private static EventKind parseKind(String kind) {
        try {
            return kind == null || kind.isBlank() ? null : EventKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null || month.isBlank() ? null : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<EventView> getItems() {
        return result.items();
    }

    public long getTotal() {
        return result.total();
    }

    public int getPages() {
        return (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public List<Campaign> getCampaigns() {
        return campaigns.all();
    }

    public EventKind[] getKinds() {
        return EventKind.values();
    }

    public boolean isPast() {
        return "past".equals(when);
    }

    public boolean isFiltered() {
        return !(blank(kind) && blank(month) && blank(campaign) && blank(when));
    }

    /** The link to another page of the same filter. */
    public String pageUrl(int target) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "kind", kind);
        put(params, "month", month);
        put(params, "campaign", campaign);
        put(params, "when", when);
        if (target > 0) {
            params.put("page", String.valueOf(target));
        }
        return "/events/" + (params.isEmpty() ? "" : "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (!blank(value)) {
            params.put(key, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getWhen() { return when; }
    public void setWhen(String when) { this.when = when; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
