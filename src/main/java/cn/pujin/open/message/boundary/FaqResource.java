package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.control.FaqRequest;
import cn.pujin.open.message.control.FaqView;
import cn.pujin.open.message.control.Faqs;
import cn.pujin.open.message.entity.Faq;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /faq}: common questions by topic — published ones for anyone (searched by words with {@code q}), those under
 * review for staff ({@code ?status=unpublished}); staff write them from answered messages, a reviewer publishes them.
 */
@Path("faq")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FaqResource {

    @Inject
    Faqs faqs;

    @Inject
    CurrentInputActor actor;

    @GET
    public Page<FaqView> list(@QueryParam("topic") String topic, @QueryParam("q") String q, @QueryParam("status") String status) {
        String words = Texts.strip(q);
        if (words != null && Texts.length(words) > 200) {
            throw Problem.invalid("q", "validation.size.max.n", 200);
        }
        List<Faq> found;
        InputActor me;
        if ("unpublished".equals(status)) {
            me = actor.get();
            found = faqs.unpublished(me);
        } else if (status != null) {
            throw Problem.invalid("status", "validation.enum", List.of("unpublished"));
        } else {
            me = actor.orNull();
            found = faqs.published(Ids.optional("topic", topic), words);
        }
        return new Page<>(faqs.views(me, found), found.size());
    }

    @GET
    @Path("{id}")
    public FaqView get(@PathParam("id") String id) {
        InputActor me = actor.orNull();
        return faqs.views(me, List.of(faqs.readable(me, Ids.parse(id)))).get(0);
    }

    @POST
    public Response create(FaqRequest request) {
        InputActor me = actor.get();
        return Response.status(201).entity(view(me, faqs.create(me, request))).build();
    }

    @PUT
    @Path("{id}")
    public FaqView revise(@PathParam("id") String id, FaqRequest request) {
        InputActor me = actor.get();
        return view(me, faqs.revise(me, Ids.parse(id), request));
    }

    @POST
    @Path("{id}/publish")
    public FaqView publish(@PathParam("id") String id) {
        InputActor me = actor.get();
        return view(me, faqs.publish(me, Ids.parse(id)));
    }

    @POST
    @Path("{id}/return")
    public FaqView returnToAuthor(@PathParam("id") String id, ReasonRequest request) {
        InputActor me = actor.get();
        return view(me, faqs.returnToAuthor(me, Ids.parse(id), request == null ? null : request.reason()));
    }

    private FaqView view(InputActor me, Faq f) {
        return faqs.views(me, List.of(f)).get(0);
    }
}
