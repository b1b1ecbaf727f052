package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the API called as anonymous, the owner of the objects in the path (a citizen), another citizen,
 * each staff role and a check-in station, compared with the table below: exactly the status each caller gets (the
 * matrix sends an empty JSON object, so a caller past authorisation often gets 400 or 409 — which says it was let
 * through, and a change of it is a change to look at). Object-level checks are the columns "owner" and
 * "other": another citizen must get 404 for the owner's registration, pass, suggestion, attachment or notification.
 * The app's clock stands 30 minutes after the event's start (suggestions are open), so the owner's own cancellation
 * is 409 EVENT_STARTED: once an event has begun only organisers cancel.
 * The table must list exactly the endpoints of {@code openapi.yaml}. Run with {@code -Dmatrix.print=true} to print
 * what the app answers now, in the table's format.
 */
class AccessMatrixIT {

    static final String[] CALLERS = {"anon", "owner", "other", "organiser", "reviewer", "handler", "admin", "station"};

    /** METHOD path: anon owner other organiser reviewer handler admin station. */
    static final String TABLE = """
            POST    /accounts                                            400   400   400   400   400   400   400   400
            POST    /accounts/verification-codes                         400   400   400   400   400   400   400   400
            POST    /accounts/password-reset                             400   400   400   400   400   400   400   400
            GET     /accounts                                            401   403   403   403   403   403   200   403
            GET     /accounts/{id}                                       401   403   403   403   403   403   200   403
            POST    /accounts/{id}/unlock                                401   403   403   403   403   403   200   403
            PUT     /accounts/{id}/roles                                 401   403   403   403   403   403   400   403
            GET     /me                                                  401   200   200   200   200   200   200   403
            GET     /departments                                         401   403   403   200   200   200   200   403
            POST    /departments                                         401   403   403   403   403   403   400   403
            GET     /events                                              200   200   200   200   200   200   200   200
            POST    /events                                              401   403   403   400   403   403   403   403
            GET     /events/{id}                                         200   200   200   200   200   200   200   200
            PUT     /events/{id}                                         401   403   403   400   403   403   403   403
            POST    /events/{id}/agenda-items                            401   403   403   400   403   403   403   403
            PUT     /events/{id}/agenda-items/{itemId}                   401   403   403   400   403   403   403   403
            DELETE  /events/{id}/agenda-items/{itemId}                   401   403   403   409   403   403   403   403
            POST    /events/{id}/materials                               401   403   403   409   403   403   403   403
            GET     /events/{id}/materials                               401   403   403   409   409   403   403   403
            GET     /materials/{id}                                      404   404   404   404   404   404   404   404
            POST    /events/{id}/copy                                    401   403   403   201   403   403   403   403
            POST    /events/series                                       401   403   403   400   403   403   403   403
            POST    /events/{id}/submit                                  401   403   403   409   403   403   403   403
            POST    /events/{id}/approve                                 401   403   403   403   409   403   403   403
            POST    /events/{id}/reject                                  401   403   403   403   400   403   403   403
            POST    /events/{id}/cancel                                  401   403   403   400   400   403   403   403
            GET     /events/{id}/audit                                   401   403   403   200   200   403   200   403
            GET     /events/{id}/calendar.ics                            200   200   200   200   200   200   200   200
            GET     /events/{id}/poster.pdf                              200   200   200   200   200   200   200   200
            GET     /events/{id}/poster.png                              200   200   200   200   200   200   200   200
            GET     /calendar.ics                                        200   200   200   200   200   200   200   200
            PUT     /me/email                                            401   200   200   200   200   200   200   403
            PUT     /me/password                                         401   400   400   400   400   400   400   403
            GET     /me/calendar-token                                   401   200   200   200   200   200   200   403
            POST    /me/calendar-token                                   401   200   200   200   200   200   200   403
            GET     /me/calendar.ics                                     404   404   404   404   404   404   404   404
            GET     /me/registrations                                    401   200   200   200   200   200   200   403
            GET     /me/notifications                                    401   200   200   200   200   200   200   403
            POST    /me/notifications/{id}/read                          401   204   404   404   404   404   404   403
            GET     /me/invitations                                      401   200   200   200   200   200   200   403
            POST    /events/{id}/registrations                           401   409   409   409   409   409   409   403
            GET     /events/{id}/registrations                           401   403   403   200   403   403   403   403
            POST    /events/{id}/registrations/on-behalf                 401   403   403   400   403   403   403   403
            GET     /events/{id}/registrations/export.{format}           401   403   403   200   403   403   403   403
            POST    /registrations/reminders/run                         401   403   403   200   403   403   200   403
            GET     /registrations/{id}                                  401   200   404   200   404   404   404   403
            POST    /registrations/{id}/cancel                           401   409   404   200   404   404   404   403
            POST    /registrations/{id}/approve                          401   403   403   409   403   403   403   403
            POST    /registrations/{id}/reject                           401   403   403   400   403   403   403   403
            POST    /registrations/decisions                             401   403   403   400   403   403   403   403
            PUT     /events/{id}/selection-rule                          401   403   403   409   403   403   403   403
            GET     /events/{id}/selection-rule                          401   403   403   200   403   403   403   403
            POST    /events/{id}/selection                               401   403   403   400   403   403   403   403
            GET     /events/{id}/selection                               404   404   404   404   404   404   404   404
            POST    /events/{id}/selection/publish                       401   403   403   409   403   403   403   403
            POST    /events/{id}/selection/objections                    401   404   404   404   404   404   404   403
            GET     /events/{id}/selection/objections                    404   404   404   404   404   404   404   404
            POST    /events/{id}/selection/revisions                     401   403   403   400   403   403   403   403
            GET     /selections/feed.atom                                200   200   200   200   200   200   200   200
            GET     /objections                                          401   403   403   200   200   200   200   403
            GET     /objections/{id}                                     401   404   404   404   404   404   404   403
            POST    /objections/{id}/assign                              401   403   403   404   403   403   403   403
            POST    /objections/{id}/answer                              401   403   403   404   403   404   403   403
            POST    /objections/{id}/publish                             401   403   403   403   404   403   403   403
            POST    /objections/{id}/return                              401   403   403   403   400   403   403   403
            POST    /objections/{id}/rate                                401   404   404   404   404   404   404   403
            POST    /events/{id}/invitations                             401   403   403   409   403   403   403   403
            POST    /invitations/{id}/accept                             401   404   404   404   404   404   404   403
            POST    /invitations/{id}/decline                            401   404   404   404   404   404   404   403
            GET     /representatives                                     401   403   403   200   403   403   200   403
            POST    /representatives                                     401   403   403   400   403   403   400   403
            PUT     /representatives/{id}                                401   403   403   404   403   403   404   403
            GET     /representatives/nominations                         401   403   403   200   403   403   200   403
            POST    /representatives/nominations                         401   400   400   400   400   400   400   403
            POST    /representatives/nominations/{id}/approve            401   403   403   404   403   403   403   403
            POST    /representatives/nominations/{id}/reject             401   403   403   400   403   403   403   403
            POST    /representatives/reminders/run                       401   403   403   200   403   403   200   403
            GET     /representatives/{id}/history                        401   403   403   404   403   403   404   403
            GET     /me/representative                                   401   200   200   200   200   200   200   403
            POST    /me/representative/confirm                           401   404   404   404   404   404   404   403
            GET     /registrations/{id}/pass                             401   409   404   409   404   404   404   403
            GET     /registrations/{id}/pass.png                         401   409   404   409   404   404   404   403
            GET     /registrations/{id}/pass.pdf                         401   409   404   409   404   404   404   403
            POST    /registrations/{id}/pass/reissue                     401   409   404   409   404   404   404   403
            GET     /pass-keys                                           401   403   403   403   403   403   200   403
            POST    /pass-keys/rotate                                    401   403   403   403   403   403   200   403
            POST    /events/{id}/stations                                401   403   403   400   403   403   403   403
            GET     /events/{id}/stations                                401   403   403   200   403   403   403   403
            POST    /events/{id}/stations/{stationId}/revoke             401   403   403   200   403   403   403   403
            GET     /stations/me                                         401   403   403   403   403   403   403   200
            POST    /checkins                                            401   403   403   400   403   403   403   400
            POST    /checkins/manual                                     401   403   403   400   403   403   403   400
            POST    /checkins/batch                                      401   403   403   400   403   403   403   400
            GET     /events/{id}/checkins/summary                        401   403   403   200   403   403   403   403
            GET     /events/{id}/checkins/roster                         401   403   403   200   403   403   403   200
            GET     /events/{id}/checkins/no-shows.csv                   401   403   403   200   403   403   403   403
            GET     /events/{id}/checkins/stream                         401   403   403   200   403   403   403   200
            GET     /events/{id}/verification-key                        401   403   403   200   403   403   403   200
            GET     /calendar/working-days                               400   400   400   400   400   400   400   400
            GET     /calendar/years                                      200   200   200   200   200   200   200   200
            GET     /calendar/years/{year}                               200   200   200   200   200   200   200   200
            PUT     /calendar/years/{year}                               401   403   403   403   403   403   400   403
            GET     /audit                                               401   403   403   403   403   403   200   403
            PUT     /accounts/{id}/department                            401   403   403   403   403   403   200   403
            GET     /platform/clock                                      401   403   403   200   403   403   200   403
            PUT     /platform/clock                                      401   403   403   200   403   403   200   403
            GET     /platform/outbox                                     401   403   403   200   403   403   200   403
            PUT     /platform/outbox                                     401   403   403   400   403   403   400   403
            POST    /events/{id}/suggestions                             401   400   400   400   400   400   400   403
            GET     /events/{id}/suggestions                             401   403   403   200   200   200   200   403
            GET     /events/{id}/suggestion-settings                     401   200   200   200   200   200   200   403
            PUT     /events/{id}/suggestion-settings                     401   403   403   400   403   403   403   403
            GET     /events/{id}/decisions                               200   200   200   200   200   200   200   200
            PUT     /events/{id}/decisions/{agendaItemId}                401   403   403   400   403   403   403   403
            POST    /events/{id}/decisions/{agendaItemId}/publish        401   403   403   403   404   403   403   403
            POST    /events/{id}/decisions/{agendaItemId}/return         401   403   403   403   400   403   403   403
            GET     /me/suggestions                                      401   200   200   200   200   200   200   403
            GET     /suggestions                                         401   403   403   200   200   200   200   403
            GET     /suggestions/dashboard                               401   403   403   200   200   403   200   403
            GET     /suggestions/{id}                                    401   200   404   200   200   404   200   403
            POST    /suggestions/{id}/assign                             401   403   403   400   403   403   403   403
            POST    /suggestions/{id}/acknowledge                        401   403   403   409   403   404   403   403
            POST    /suggestions/{id}/answer                             401   403   403   400   403   404   403   403
            POST    /suggestions/{id}/publish                            401   403   403   403   409   403   403   403
            POST    /suggestions/{id}/return                             401   403   403   403   400   403   403   403
            POST    /suggestions/{id}/rate                               401   400   404   403   403   404   403   403
            POST    /suggestions/{id}/clear-flag                         401   403   403   200   403   403   403   403
            POST    /suggestions/{id}/milestones                         401   403   403   409   403   404   403   403
            POST    /suggestions/milestones/{id}/publish                 401   403   403   403   404   403   403   403
            POST    /suggestions/{id}/attachments                        401   400   404   403   403   404   403   403
            GET     /suggestions/{id}/attachments/{attachmentId}         401   200   404   200   200   404   200   403
            POST    /suggestions/reminders/run                           401   403   403   200   403   403   200   403
            GET     /feedback                                            200   200   200   200   200   200   200   200
            GET     /stats                                               200   200   200   200   200   200   200   200
            GET     /open/feed.atom                                      200   200   200   200   200   200   200   200
            GET     /stats/export.xlsx                                   401   403   403   200   403   403   200   403
            GET     /stats/export.csv                                    401   403   403   200   403   403   200   403
            GET     /stats/summary.pdf                                   401   403   403   200   403   403   200   403
            GET     /me/data                                             401   200   200   200   200   200   200   403
            GET     /me/data.html                                        401   200   200   200   200   200   200   403
            POST    /me/deletion                                         401   400   400   403   403   403   403   403
            GET     /metrics                                             401   403   403   403   403   403   200   403
            GET     /retention                                           401   403   403   403   403   403   200   403
            POST    /retention/run                                       401   403   403   403   403   403   200   403
            GET     /events/{id}/summary                                 200   200   200   200   200   200   200   200
            PUT     /events/{id}/summary                                 401   403   403   409   403   403   403   403
            POST    /events/{id}/summary/publish                         401   403   403   403   404   403   403   403
            POST    /events/{id}/summary/return                          401   403   403   403   400   403   403   403
            POST    /events/{id}/photos                                  401   403   403   400   403   403   403   403
            GET     /events/{id}/photos/{photoId}.jpg                    404   404   404   200   200   404   200   404
            DELETE  /events/{id}/photos/{photoId}                        401   403   403   204   403   403   403   403
            GET     /audit/export.csv                                    401   403   403   403   403   403   200   403
            GET     /major-decisions                                     200   200   200   200   200   200   200   200
            POST    /major-decisions                                     401   403   403   400   403   403   403   403
            GET     /major-decisions/catalogue.pdf                       200   200   200   200   200   200   200   200
            GET     /major-decisions/catalogue.xlsx                      200   200   200   200   200   200   200   200
            GET     /major-decisions/{id}                                200   200   200   200   200   200   200   200
            PUT     /major-decisions/{id}                                401   403   403   400   403   403   403   403
            POST    /major-decisions/{id}/submit                         401   403   403   409   403   403   403   403
            POST    /major-decisions/{id}/approve                        401   403   403   403   409   403   403   403
            POST    /major-decisions/{id}/reject                         401   403   403   403   400   403   403   403
            POST    /major-decisions/{id}/withdraw                       401   403   403   400   403   403   403   403
            POST    /major-decisions/{id}/steps                          401   403   403   400   403   403   403   403
            POST    /major-decision-steps/{id}/publish                   401   403   403   403   200   403   403   403
            POST    /major-decision-steps/{id}/return                    401   403   403   403   400   403   403   403
            GET     /consultations                                       200   200   200   200   200   200   200   200
            POST    /consultations                                       401   403   403   400   403   403   403   403
            GET     /consultations/feed.atom                             200   200   200   200   200   200   200   200
            GET     /consultations/periods.ics                           200   200   200   200   200   200   200   200
            GET     /consultations/{id}                                  200   200   200   200   200   200   200   200
            PUT     /consultations/{id}                                  401   403   403   400   403   403   403   403
            POST    /consultations/{id}/submit                           401   403   403   409   403   403   403   403
            POST    /consultations/{id}/approve                          401   403   403   403   409   403   403   403
            POST    /consultations/{id}/reject                           401   403   403   403   400   403   403   403
            GET     /consultations/{id}/comments                         200   200   200   200   200   200   200   200
            POST    /consultations/{id}/comments                         401   400   400   400   400   400   400   403
            POST    /consultations/{id}/comment-groups                   401   403   403   409   403   403   403   403
            GET     /consultations/{id}/report                           200   200   200   200   200   200   200   200
            POST    /consultation-comments/{id}/show                     401   403   403   403   200   403   403   403
            POST    /consultation-comments/{id}/hide                     401   403   403   403   200   403   403   403
            POST    /consultation-comments/{id}/rate                     401   400   404   403   403   404   403   403
            POST    /comment-groups/{id}/answer                          401   403   403   404   403   404   403   403
            POST    /comment-groups/{id}/publish                         401   403   403   403   404   403   403   403
            POST    /comment-groups/{id}/return                          401   403   403   403   404   403   403   403
            GET     /me/consultation-comments                            401   200   200   200   200   200   200   403
            GET     /topics                                              200   200   200   200   200   200   200   200
            POST    /topics                                              401   403   403   400   403   403   403   403
            GET     /me/topics                                           401   200   200   200   200   200   200   403
            PUT     /me/topics                                           401   400   400   400   400   400   400   403
            POST    /messages                                            401   400   400   400   400   400   400   403
            GET     /messages                                            401   403   403   200   200   200   200   403
            GET     /me/messages                                         401   200   200   200   200   200   200   403
            GET     /messages/public                                     200   200   200   200   200   200   200   200
            GET     /messages/similar                                    400   400   400   400   400   400   400   400
            GET     /messages/{id}                                       404   200   404   200   200   404   200   404
            POST    /messages/{id}/acknowledge                           401   403   403   400   403   404   403   403
            POST    /messages/{id}/assign                                401   403   403   400   403   403   403   403
            POST    /messages/{id}/answer                                401   403   403   400   403   404   403   403
            POST    /messages/{id}/publish                               401   403   403   403   409   403   403   403
            POST    /messages/{id}/return                                401   403   403   403   400   403   403   403
            POST    /messages/{id}/rate                                  401   400   404   403   403   404   403   403
            POST    /messages/{id}/extend                                401   403   403   400   403   403   403   403
            PUT     /messages/{id}/topics                                401   403   403   200   403   403   403   403
            POST    /messages/{id}/attachments                           401   400   404   403   403   404   403   403
            GET     /messages/{id}/attachments/{attachmentId}            404   404   404   404   404   404   404   404
            GET     /faq                                                 200   200   200   200   200   200   200   200
            POST    /faq                                                 401   403   403   400   403   403   403   403
            GET     /faq/{id}                                            404   404   404   404   404   404   404   404
            PUT     /faq/{id}                                            401   403   403   404   403   403   403   403
            POST    /faq/{id}/publish                                    401   403   403   403   404   403   403   403
            POST    /faq/{id}/return                                     401   403   403   403   400   403   403   403
            POST    /topics/{id}/investigations                          401   403   403   404   403   403   403   403
            GET     /investigations                                      200   200   200   200   200   200   200   200
            GET     /investigations/proposals                            401   403   403   200   200   403   200   403
            GET     /investigations/{id}                                 404   404   404   404   404   404   404   404
            PUT     /investigations/{id}                                 401   403   403   404   403   403   403   403
            POST    /investigations/{id}/submit                          401   403   403   404   403   403   403   403
            POST    /investigations/{id}/publish                         401   403   403   403   404   403   403   403
            POST    /investigations/{id}/return                          401   403   403   403   400   403   403   403
            """;

    static final Map<String, Api> API = new LinkedHashMap<>();
    static final Map<String, String> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void fixtures() throws Exception {
        Api.Citizen owner = Api.newCitizen("矩阵本人");
        Api.Citizen other = Api.newCitizen("矩阵他人");
        Api organiser = Api.as("organiser");
        OffsetDateTime start = OffsetDateTime.now(Fixtures.SHANGHAI).plusHours(1).withNano(0);
        long event = id(organiser.post("/api/v1/events", Fixtures.openDay(unique("权限矩阵"), 0)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).build()).expect(201).json());
        long item = id(organiser.post("/api/v1/events/" + event + "/agenda-items",
                Json.createObjectBuilder().add("title", "议题").add("summary", "议题说明").build()).expect(201).json());
        organiser.post("/api/v1/events/" + event + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + event + "/approve").expect(200);
        long registration = id(owner.api().post("/api/v1/events/" + event + "/registrations",
                Json.createObjectBuilder().build()).expect(201).json());
        JsonObject station = CheckInIT.station(event, "矩阵入口");
        JsonObject revoked = CheckInIT.station(event, "矩阵待撤销");
        SuggestionsIT.clock(start.plusMinutes(30).toString());
        long suggestion = id(SuggestionsIT.suggest(owner.api(), event, item, "希望议题材料提前一周公开，方便居民准备意见。"));
        long attachment = id(owner.api().raw("POST", "/api/v1/suggestions/" + suggestion + "/attachments?name=a.png",
                "image/png", SuggestionsIT.png()).expect(201).json());
        long photo = id(organiser.raw("POST", "/api/v1/events/" + event + "/photos", "image/png",
                SummaryIT.image("png", 20, 20)).expect(201).json());
        long notification = id(owner.api().get("/api/v1/me/notifications").expect(200).items().getJsonObject(0));
        long majorDecision = id(MajorDecisionsIT.published(unique("矩阵决策事项")));
        long step = id(organiser.post("/api/v1/major-decisions/" + majorDecision + "/steps",
                MajorDecisionsIT.step("RISK_ASSESSMENT").build()).expect(201).json());
        JsonObject consultation = ConsultationsIT.published(ConsultationsIT.draft(unique("矩阵征求意见"), 2));
        long comment = id(ConsultationsIT.comment(owner.api(), id(consultation), null, "矩阵里的一条意见"));
        long message = id(MessagesIT.message(owner.api(), "矩阵里的一条留言", null, false));

        API.put("anon", Api.anonymous());
        API.put("owner", owner.api());
        API.put("other", other.api());
        API.put("organiser", organiser);
        API.put("reviewer", Api.as("reviewer"));
        API.put("handler", Api.as("handler"));
        API.put("admin", Api.as("admin"));
        API.put("station", Api.bearer(station.getString("key")));

        IDS.put("/accounts/{id}", String.valueOf(owner.id()));
        IDS.put("/events/{id}", String.valueOf(event));
        IDS.put("{itemId}", String.valueOf(item));
        IDS.put("{agendaItemId}", String.valueOf(item));
        IDS.put("/registrations/{id}", String.valueOf(registration));
        IDS.put("/me/notifications/{id}", String.valueOf(notification));
        IDS.put("{stationId}", String.valueOf(id(revoked)));
        IDS.put("/suggestions/{id}", String.valueOf(suggestion));
        IDS.put("{attachmentId}", String.valueOf(attachment));
        IDS.put("{photoId}", String.valueOf(photo));
        IDS.put("/major-decisions/{id}", String.valueOf(majorDecision));
        IDS.put("/major-decision-steps/{id}", String.valueOf(step));
        IDS.put("/consultations/{id}", String.valueOf(id(consultation)));
        IDS.put("/consultation-comments/{id}", String.valueOf(comment));
        IDS.put("/comment-groups/{id}", "999999999");
        IDS.put("/messages/{id}", String.valueOf(message));
        IDS.put("/faq/{id}", "999999999");
        IDS.put("/investigations/{id}", "999999999");
        IDS.put("/topics/{id}", "999999999");
        IDS.put("/calendar/years/{year}", "2026");
        IDS.put("{format}", "csv");
        // nobody's: the answer is 404 for whoever may look
        IDS.put("/invitations/{id}", "999999999");
        IDS.put("/representatives/nominations/{id}", "999999999");
        IDS.put("/representatives/{id}", "999999999");
        IDS.put("/objections/{id}", "999999999");
        IDS.put("/suggestions/milestones/{id}", "999999999");
        IDS.put("/materials/{id}", "999999999");
    }

    @AfterAll
    static void resetClock() {
        SuggestionsIT.clock(null);
    }

    /** The concrete path for a templated one. */
    static String concrete(String template) {
        String path = template;
        for (var e : IDS.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("/")) {
                if (path.startsWith(key)) {
                    path = e.getValue() == null ? path : key.replaceAll("\\{[^}]+}", e.getValue()) + path.substring(key.length());
                }
            } else {
                path = path.replace(key, e.getValue());
            }
        }
        return path;
    }

    static String call(Api api, String method, String template) {
        String path = "/api/v1" + concrete(template);
        if (path.contains("{")) {
            throw new IllegalStateException("no id for " + template + " → " + path);
        }
        if (template.endsWith("/stream")) {
            return String.valueOf(api.statusOf(path));
        }
        Api.Response r;
        if (template.endsWith("/attachments") || template.endsWith("/photos") || template.endsWith("/materials") && method.equals("POST")) {
            r = api.raw(method, path + "?name=x.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        } else if (method.equals("GET")) {
            r = api.get(path);
        } else if (method.equals("DELETE")) {
            r = api.delete(path);
        } else {
            r = api.raw(method, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        int s = r.status();
        if (s >= 500) {
            throw new AssertionError(method + " " + path + " answered " + s + ": " + r.body());
        }
        return String.valueOf(s);
    }

    static List<String> documentedEndpoints() throws Exception {
        try (InputStream in = AccessMatrixIT.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>)
                    new Yaml().<Map<String, Object>>load(in).get("paths");
            List<String> out = new ArrayList<>();
            paths.forEach((path, ops) -> ops.keySet().stream()
                    .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                    .forEach(m -> out.add(m.toUpperCase() + " " + path)));
            return out;
        }
    }

    static Map<String, String[]> table() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 2 + CALLERS.length) {
                throw new IllegalStateException("row needs " + CALLERS.length + " answers: " + line);
            }
            String[] expected = new String[CALLERS.length];
            System.arraycopy(f, 2, expected, 0, CALLERS.length);
            rows.put(f[0] + " " + f[1], expected);
        }
        return rows;
    }

    /**
     * Every endpoint that takes a body says which media types it takes: a form post or plain text — what a page on
     * another site can send without asking — is 415 before any code of the endpoint runs.
     */
    @Test
    void everyWritingEndpointRefusesBodiesOfATypeItDoesNotDeclare() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String endpoint : documentedEndpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            if (!method.equals("POST") && !method.equals("PUT")) {
                continue;
            }
            String path = "/api/v1" + concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            for (String[] body : new String[][]{{"text/plain", "x"}, {"application/x-www-form-urlencoded", "a=b"}}) {
                Api.Response r = API.get("admin").raw(method, path, body[0], body[1].getBytes(StandardCharsets.UTF_8));
                calls++;
                if (r.status() != 415 || !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(endpoint + " with " + body[0] + ": " + r.status() + " " + r.body());
                }
            }
        }
        assertTrue(calls > 100, "POST and PUT endpoints were tried: " + calls);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + calls + " accepted a type they do not declare:\n" + String.join("\n", wrong));
    }

    /** The answers of these callers (column numbers) to every endpoint, in order. */
    static void answer(List<String> endpoints, List<Integer> callers, String[][] got) {
        for (int e = 0; e < endpoints.size(); e++) {
            String endpoint = endpoints.get(e);
            for (int i : callers) {
                got[e][i] = call(API.get(CALLERS[i]), endpoint.substring(0, endpoint.indexOf(' ')), endpoint.substring(endpoint.indexOf(' ') + 1));
            }
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() throws Exception {
        List<String> endpoints = documentedEndpoints();
        boolean print = Boolean.getBoolean("matrix.print");
        Map<String, String[]> table = print ? Map.of() : table();
        if (!print) {
            assertEquals(new TreeSet<>(endpoints), new TreeSet<>(table.keySet()), "the table lists exactly the documented endpoints");
        }
        List<String> wrong = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        // the callers who change nothing of anyone else's (anonymous, the other citizen, a station) walk the endpoints on
        // a second thread beside the others, each column still in the table's order
        List<Integer> aside = List.of(0, 2, 7);
        String[][] got = new String[endpoints.size()][CALLERS.length];
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> answer(endpoints, aside, got));
        answer(endpoints, java.util.stream.IntStream.range(0, CALLERS.length).boxed().filter(i -> !aside.contains(i)).toList(), got);
        second.join();
        int calls = 0;
        for (int e = 0; e < endpoints.size(); e++) {
            String endpoint = endpoints.get(e);
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            actual.append(String.format("%-7s %-52s", method, template));
            for (int i = 0; i < CALLERS.length; i++) {
                calls++;
                actual.append(String.format(" %-5s", got[e][i]));
                if (!print && !table.get(endpoint)[i].equals(got[e][i])) {
                    wrong.add(endpoint + " as " + CALLERS[i] + ": expected " + table.get(endpoint)[i] + ", got " + got[e][i]);
                }
            }
            actual.append('\n');
        }
        if (print) {
            System.out.println("ACCESS MATRIX (" + calls + " calls)\n" + actual);
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + calls + " answers differ from the table:\n" + String.join("\n", wrong));
        System.out.println("access matrix: " + endpoints.size() + " endpoints × " + CALLERS.length + " callers = " + calls + " calls");
    }
}
