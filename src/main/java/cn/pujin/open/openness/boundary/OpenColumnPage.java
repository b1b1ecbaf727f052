package cn.pujin.open.openness.boundary;

import cn.pujin.open.event.control.Campaigns;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.openness.control.Attendance;
import cn.pujin.open.openness.control.Statistics;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /open/}: the "政府开放" column — the open-month campaign with its events, what is coming, and the archive
 * of past events with attendance, searchable by title and filtered by year, kind and campaign.
 */
@Named
@RequestScoped
public class OpenColumnPage {

    static final int ARCHIVE_PAGE = 12;

    @Inject
    Campaigns campaigns;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Attendance attendance;

    @Inject
    Clock clock;

    private String q;
    private String year;
    private String kind;
    private String campaign;
    private int page;
    private Page<EventView> archive;
    private Map<Long, Attendance.Figures> figures;

    public Optional<Campaign> featured() {
        return campaigns.featured(LocalDate.now(clock));
    }

    public Campaign getCampaign() {
        return featured().orElse(null);
    }

    public List<EventView> getCampaignEvents() {
        return featured().map(c -> publicEvents.publicList(new PublicEvents.PublicQuery(null, null, null, c.getName(), null, false),
                new Paging(0, 50)).items()).orElse(List.of());
    }

    public List<EventView> getUpcoming() {
        return publicEvents.publicList(new PublicEvents.PublicQuery(null, publicEvents.upcomingFrom(), null, null, null, false), new Paging(0, 6)).items();
    }

    public Page<EventView> getArchive() {
        if (archive == null) {
            Instant now = clock.instant();
            Instant from = null;
            Instant to = now;
            Integer y = yearValue();
            if (y != null) {
                from = LocalDate.of(y, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
                Instant end = LocalDate.of(y + 1, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
                to = end.isBefore(now) ? end : now;
            }
            archive = publicEvents.publicList(new PublicEvents.PublicQuery(kindValue(), from, to, blank(campaign), blank(q), true),
                    new Paging(Math.max(0, page), ARCHIVE_PAGE));
            // ended events only: publicList's "to" bounds the start, so drop any still running
            List<EventView> ended = new ArrayList<>(archive.items().stream().filter(e -> e.endsAt().toInstant().isBefore(now)).toList());
            archive = new Page<>(ended, archive.total());
            figures = attendance.of(ended.stream().map(EventView::id).toList());
        }
        return archive;
    }

    public Attendance.Figures figures(Long eventId) {
        getArchive();
        return figures.getOrDefault(eventId, new Attendance.Figures(0, 0));
    }

    public boolean isHasNext() {
        return (long) (page + 1) * ARCHIVE_PAGE < getArchive().total();
    }

    public List<Integer> getYears() {
        return Statistics.recentYears(LocalDate.now(clock));
    }

    public List<Campaign> getCampaigns() {
        return campaigns.all();
    }

    public EventKind[] getKinds() {
        return EventKind.values();
    }

    private Integer yearValue() {
        return year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null;
    }

    private EventKind kindValue() {
        for (EventKind k : EventKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCampaignFilter() { return campaign; }
    public void setCampaignFilter(String campaign) { this.campaign = campaign; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
