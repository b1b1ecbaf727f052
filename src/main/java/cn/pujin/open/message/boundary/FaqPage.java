package cn.pujin.open.message.boundary;

import cn.pujin.open.message.control.FaqView;
import cn.pujin.open.message.control.Faqs;
import cn.pujin.open.message.control.InvestigationView;
import cn.pujin.open.message.control.Investigations;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.control.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /messages/faq.xhtml}: common questions by topic, searched by words ({@code ?q=}) or narrowed to one topic
 * ({@code ?topic=}); the published conclusions of topic investigations.
 */
@Named
@RequestScoped
public class FaqPage {

    @Inject
    Faqs faqs;

    @Inject
    Investigations investigations;

    @Inject
    Topics topics;

    private String q;
    private Long topic;
    private Map<String, List<FaqView>> byTopic;
    private List<Topics.TopicView> topicList;
    private List<InvestigationView> published;

    /** The entries found, by topic name in order. */
    public Map<String, List<FaqView>> getByTopic() {
        if (byTopic == null) {
            String words = Texts.strip(q);
            if (words != null && Texts.length(words) > 200) {
                words = words.substring(0, 200);
            }
            byTopic = new LinkedHashMap<>();
            for (FaqView f : faqs.views(null, faqs.published(topic, words))) {
                byTopic.computeIfAbsent(f.topic(), k -> new java.util.ArrayList<>()).add(f);
            }
        }
        return byTopic;
    }

    public List<Map.Entry<String, List<FaqView>>> getGroups() {
        return List.copyOf(getByTopic().entrySet());
    }

    public List<Topics.TopicView> getTopics() {
        if (topicList == null) {
            topicList = topics.all();
        }
        return topicList;
    }

    public List<InvestigationView> getInvestigations() {
        if (published == null) {
            published = investigations.list(null, false).stream().map(i -> investigations.view(null, i)).toList();
        }
        return published;
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getTopic() { return topic; }
    public void setTopic(Long topic) { this.topic = topic; }
}
