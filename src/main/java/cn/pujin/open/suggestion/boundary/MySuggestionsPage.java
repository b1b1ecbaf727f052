package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /me/suggestions.xhtml}: my suggestions with a status timeline, the published answers and their rating. */
@Named
@ViewScoped
public class MySuggestionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Suggestions suggestions;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    CurrentInputActor actor;

    private final Map<Long, Integer> stars = new HashMap<>();
    private final Map<Long, String> comments = new HashMap<>();
    private transient List<SuggestionView> items;

    public List<SuggestionView> getItems() {
        if (items == null) {
            InputActor me = actor.get();
            items = suggestionViews.views(me, suggestions.mine(me.id(), new Paging(0, 100)).items());
        }
        return items;
    }

    public void rate(Long id) {
        try {
            suggestions.rate(actor.get(), id, stars.get(id), comments.get(id));
            Faces.info("suggestion.done.rated");
        } catch (Problem e) {
            Faces.show(e, "mine", Map.of());
        }
        items = null;
    }

    public Map<Long, Integer> getStars() { return stars; }
    public Map<Long, String> getComments() { return comments; }
}
