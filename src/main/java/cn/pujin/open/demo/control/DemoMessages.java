package cn.pujin.open.demo.control;

import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.control.FaqRequest;
import cn.pujin.open.message.control.Faqs;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageRequest;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.participation.control.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The message board of the demo: messages on a topic taken as far as their fields say, and FAQ entries made from them. */
@ApplicationScoped
public class DemoMessages {

    /** A message; with {@code department} acknowledged and assigned, with {@code outcome} answered, with {@code publish} published. */
    public record DemoMessage(String author, String kind, String topic, String text, boolean isPublic, String department,
                              String outcome, String reason, boolean publish, Integer rating) {}

    /** An FAQ entry drawn from the demo's messages ({@code messages}: their positions in the list, from 0), published. */
    public record DemoFaq(String topic, String question, String answer, List<Integer> messages) {}

    @Inject
    MessageBoard board;

    @Inject
    Faqs faqs;

    @Inject
    Topics topics;

    void load(List<DemoMessage> messages, List<DemoFaq> entries, Map<String, Long> users, Map<String, Long> departments) {
        Long organiser = users.get("organiser");
        Long reviewer = users.get("reviewer");
        Long handler = users.get("handler");
        InputActor asOrganiser = new InputActor(organiser, true, false, false, false, null);
        InputActor asReviewer = new InputActor(reviewer, false, true, false, false, null);
        List<Long> ids = new ArrayList<>();
        for (DemoMessage d : Optional.ofNullable(messages).orElse(List.of())) {
            Message m = board.submit(users.get(d.author()), new MessageRequest(d.kind(), d.text(), topic(d.topic(), organiser), null,
                    d.isPublic()));
            ids.add(m.getId());
            if (d.department() != null) {
                board.acknowledge(asOrganiser, m.getId(), null, true);
                Long department = departments.get(d.department());
                board.assign(asOrganiser, m.getId(), department);
                if (d.outcome() != null) {
                    board.answer(new InputActor(handler, false, false, true, false, department), m.getId(), d.outcome(), d.reason(), null);
                    if (d.publish()) {
                        board.publish(asReviewer, m.getId());
                        if (d.rating() != null) {
                            board.rate(new InputActor(users.get(d.author()), false, false, false, false, null), m.getId(), d.rating(), null);
                        }
                    }
                }
            }
        }
        for (DemoFaq f : Optional.ofNullable(entries).orElse(List.of())) {
            var entry = faqs.create(asOrganiser, new FaqRequest(topic(f.topic(), organiser), f.question(), f.answer(),
                    f.messages().stream().map(ids::get).toList()));
            faqs.publish(asReviewer, entry.getId());
        }
    }

    /** The topic of that name, made when the demo has none yet. */
    private Long topic(String name, Long organiser) {
        if (name == null) {
            return null;
        }
        return topics.names().entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> topics.create(organiser, name).getId());
    }
}
