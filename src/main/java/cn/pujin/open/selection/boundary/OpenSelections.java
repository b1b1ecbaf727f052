package cn.pujin.open.selection.boundary;

import cn.pujin.open.selection.control.SelectionFeeds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The 公示 in their objection period, for the home page and the 政府开放 column (read once per request). */
@Named
@RequestScoped
public class OpenSelections {

    static final int SHOWN = 10;

    @Inject
    SelectionFeeds feeds;

    private List<SelectionFeeds.Notice> open;

    public List<SelectionFeeds.Notice> getOpen() {
        if (open == null) {
            open = feeds.open(SHOWN);
        }
        return open;
    }
}
