package cn.pujin.open.message.control;

import cn.pujin.open.message.entity.Faq;
import cn.pujin.open.message.entity.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Similar answered messages and FAQ entries for a text, found by words: Chinese text is segmented into words by
 * Lucene's smartcn analyzer. The index lives in memory and is rebuilt from the database whenever what it covers has
 * changed (a cheap signature query per search), so every instance of a cluster keeps its own and none goes stale.
 */
@ApplicationScoped
public class MessageIndex {

    /** A hit: {@code kind} "message" or "faq". */
    public record Hit(String kind, Long id, float score) {}

    /** At most this many words of a text take part in a search. */
    static final int MAX_WORDS = 48;

    @PersistenceContext
    EntityManager em;

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private volatile Snapshot snapshot;

    private record Snapshot(List<Object> signature, IndexSearcher searcher) {}

    /**
     * Up to {@code max} entries like {@code text}: answered messages (only published public ones when
     * {@code publicOnly}) and published FAQ entries sharing at least two of its words (one when it has fewer), best first.
     */
    public List<Hit> similar(String text, boolean publicOnly, Long exceptMessage, int max) {
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : words) {
            q.add(new TermQuery(new Term("text", w)), BooleanClause.Occur.SHOULD);
        }
        q.setMinimumNumberShouldMatch(Math.min(2, words.size()));
        if (publicOnly) {
            q.add(new TermQuery(new Term("public", "true")), BooleanClause.Occur.FILTER);
        }
        if (exceptMessage != null) {
            q.add(new TermQuery(new Term("key", "message:" + exceptMessage)), BooleanClause.Occur.MUST_NOT);
        }
        try {
            IndexSearcher searcher = current().searcher();
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : searcher.search(q.build(), max).scoreDocs) {
                Document doc = searcher.storedFields().document(d.doc);
                hits.add(new Hit(doc.get("kind"), Long.valueOf(doc.get("id")), d.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a text as the index sees them (smartcn segmentation, stop words and punctuation dropped). */
    public Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private Snapshot current() throws IOException {
        List<Object> signature = signature();
        Snapshot s = snapshot;
        if (s != null && s.signature().equals(signature)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.signature().equals(signature)) {
                s = build(signature);
                snapshot = s;
            }
            return s;
        }
    }

    /**
     * What the index covers, in a few numbers — how many, the sum of their versions (every change of one raises it) and
     * the newest id: it is rebuilt when they change.
     */
    private List<Object> signature() {
        Object[] m = em.createQuery("""
                select count(m), sum(m.version), max(m.id) from Message m where m.handling.answeredAt is not null""", Object[].class).getSingleResult();
        Object[] f = em.createQuery("select count(f), sum(f.version), max(f.id) from Faq f where f.status = :p", Object[].class)
                .setParameter("p", Faq.Status.PUBLISHED).getSingleResult();
        List<Object> all = new ArrayList<>();
        for (Object o : m) {
            all.add(Objects.toString(o));
        }
        for (Object o : f) {
            all.add(Objects.toString(o));
        }
        return all;
    }

    private Snapshot build(List<Object> signature) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Message m : em.createQuery("select m from Message m where m.handling.answeredAt is not null", Message.class).getResultList()) {
                w.addDocument(doc("message", m.getId(), MessageBoard.isPublic(m), m.getText()));
            }
            for (Faq f : em.createQuery("select f from Faq f where f.status = :p", Faq.class)
                    .setParameter("p", Faq.Status.PUBLISHED).getResultList()) {
                w.addDocument(doc("faq", f.getId(), true, f.getQuestion() + "\n" + f.getAnswer()));
            }
        }
        return new Snapshot(signature, new IndexSearcher(DirectoryReader.open(dir)));
    }

    private static Document doc(String kind, Long id, boolean isPublic, String text) {
        Document d = new Document();
        d.add(new StringField("key", kind + ":" + id, Field.Store.NO));
        d.add(new StringField("kind", kind, Field.Store.YES));
        d.add(new StoredField("id", String.valueOf(id)));
        d.add(new StringField("public", String.valueOf(isPublic), Field.Store.NO));
        d.add(new TextField("text", text, Field.Store.NO));
        return d;
    }
}
